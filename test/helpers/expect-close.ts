// The one float comparison of the test suite: |actual - expected| <= atol + rtol·|expected|.
import { expect } from 'vitest';

export interface Tolerance {
  atol?: number;
  rtol?: number;
}

/**
 * Checks the shape first, then every element; NaN equals only NaN, and an infinity only
 * the same infinity. A failure names the first bad index, both values and the largest
 * difference over the whole array.
 */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  { atol = 1e-5, rtol = 1e-5 }: Tolerance = {},
  shape?: { actual: readonly number[]; expected: readonly number[] },
): void {
  if (shape) expect(shape.actual, 'shape').toEqual(shape.expected);
  expect(actual.length, 'length').toBe(expected.length);
  let firstBad = -1;
  let worst = 0;
  let worstAt = -1;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    let ok: boolean;
    if (Number.isNaN(e) || Number.isNaN(a)) ok = Number.isNaN(e) && Number.isNaN(a);
    else if (!Number.isFinite(e) || !Number.isFinite(a)) ok = a === e;
    else ok = Math.abs(a - e) <= atol + rtol * Math.abs(e);
    const diff = Number.isFinite(a - e) ? Math.abs(a - e) : Infinity;
    if (!Number.isNaN(diff) && diff > worst) {
      worst = diff;
      worstAt = i;
    }
    if (!ok && firstBad < 0) firstBad = i;
  }
  if (firstBad >= 0) {
    expect.fail(
      `element ${firstBad}: got ${actual[firstBad]}, expected ${expected[firstBad]} ` +
        `(atol ${atol}, rtol ${rtol}); largest difference ${worst} at ${worstAt}`,
    );
  }
}
