import { describe, expect, it } from 'vitest';
import { softmax, softmaxBackward } from '../../src/kernels/softmax';
import { expectClose } from '../helpers/expect-close';
import { randomArray, testEngine } from '../helpers/engine';
import { softmaxBackwardRef, softmaxRef } from '../reference/softmax';

async function run(rows: number, cols: number, xs: Float32Array) {
  const engine = await testEngine();
  const dys = randomArray(rows * cols, cols + 7);
  const x = engine.tensor(xs, [rows, cols], 'x');
  const dy = engine.tensor(dys, [rows, cols], 'dy');
  const y = engine.empty([rows, cols], 'y');
  const dx = engine.empty([rows, cols], 'dx');
  engine.run('test', (r) => {
    softmax(r, engine, x, y);
    softmaxBackward(r, y, dy, dx);
  });
  const [ys, dxs] = [await y.read(), await dx.read()];
  [x, dy, y, dx].forEach((t) => t.dispose());
  return { ys, dxs, dys };
}

describe('softmax', () => {
  it.each([
    [1, 1],
    [7, 7],
    [3, 64],
    [5, 257],
    [2, 4099],
    [128, 10],
  ])('matches the reference, forward and backward, at %i x %i', async (rows, cols) => {
    const xs = randomArray(rows * cols, rows * cols, -8, 8);
    const { ys, dxs, dys } = await run(rows, cols, xs);
    expectClose(ys, softmaxRef(xs, cols), { atol: 1e-6, rtol: 1e-5 });
    expectClose(dxs, softmaxBackwardRef(ys, dys, cols), { atol: 1e-6, rtol: 1e-5 });
  });

  it('rows sum to 1 and stay finite for logits at ±1e4', async () => {
    const cols = 257;
    const xs = Float32Array.from({ length: 2 * cols }, (_, i) => (i % 3 === 0 ? 1e4 : -1e4));
    const { ys } = await run(2, cols, xs);
    expect(ys.every(Number.isFinite)).toBe(true);
    for (let r = 0; r < 2; r++) {
      const sum = ys.slice(r * cols, (r + 1) * cols).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 5);
    }
    expectClose(ys, softmaxRef(xs, cols), { atol: 1e-7, rtol: 1e-5 });
  });

  it('handles more rows than one dispatch dimension holds (70,000 rows)', async () => {
    const xs = randomArray(70_000 * 2, 5, -3, 3);
    const { ys } = await run(70_000, 2, xs);
    expectClose(ys, softmaxRef(xs, 2), { atol: 1e-6, rtol: 1e-5 });
  });
});
