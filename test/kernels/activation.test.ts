import { describe, it } from 'vitest';
import { activation, activationBackward } from '../../src/kernels/activation';
import { ACTIVATIONS, type ActivationSpec } from '../../src/kernels/activation-codes';
import { expectClose } from '../helpers/expect-close';
import { randomArray, testEngine } from '../helpers/engine';
import { activationGradRef, activationRef } from '../reference/activation';

const SPECS: ActivationSpec[] = [
  ...Object.keys(ACTIVATIONS).map((name) => ({ name }) as ActivationSpec),
  { name: 'relu', alpha: 0.1, maxValue: 6, threshold: 0.5 },
  { name: 'elu', alpha: 0.7 },
  { name: 'leaky_relu', alpha: 0.3 },
  { name: 'thresholded_relu', threshold: 0.25 },
];
const label = (s: ActivationSpec) => JSON.stringify(s);

async function check(
  spec: ActivationSpec,
  xs: Float32Array,
  dys: Float32Array,
  tol = { atol: 1e-6, rtol: 2e-6 },
) {
  const engine = await testEngine();
  const x = engine.tensor(xs, [xs.length], 'x');
  const dy = engine.tensor(dys, [xs.length], 'dy');
  const y = engine.empty([xs.length], 'y');
  const dx = engine.empty([xs.length], 'dx');
  engine.run('test', (r) => {
    activation(r, engine, x, y, spec);
    activationBackward(r, x, dy, dx, spec);
  });
  expectClose(await y.read(), activationRef(spec, xs), tol);
  expectClose(await dx.read(), activationGradRef(spec, xs, dys), tol);
  [x, dy, y, dx].forEach((t) => t.dispose());
}

describe.each(SPECS.map((s) => [label(s), s] as const))('activation %s', (_, spec) => {
  it.each([1, 7, 64, 257, 128 * 800])(
    'forward and derivative match the reference for %i values',
    (n) => check(spec, randomArray(n, n, -5, 5), randomArray(n, n + 1)),
  );

  it('is finite and exact at extreme inputs', async () => {
    const xs = Float32Array.from([-1e4, -100, -30, -1e-3, 0, 1e-3, 30, 100, 1e4]);
    const dys = new Float32Array(xs.length).fill(1);
    // exponential overflows to +Infinity at 100 and 1e4 as the true value does; nothing is NaN.
    await check(spec, xs, dys, { atol: 1e-6, rtol: 1e-5 });
  });
});
