// Random shapes and values through the kernels against the CPU references. Reproducible:
// the seed is in each test's name; set KERNEL_SEED to run another draw.
import { describe, it } from 'vitest';
import { activation, activationBackward } from '../../src/kernels/activation';
import { ACTIVATIONS, type ActivationName } from '../../src/kernels/activation-codes';
import { lossValue } from '../../src/kernels/loss';
import { LOSSES, isSparse, type LossName } from '../../src/kernels/loss-codes';
import { matmul, type MatmulVariant } from '../../src/kernels/matmul';
import { columnSums } from '../../src/kernels/reduce';
import { softmax } from '../../src/kernels/softmax';
import { Random } from '../../src/nn/random';
import { expectClose } from '../helpers/expect-close';
import { randomArray, testEngine } from '../helpers/engine';
import { activationGradRef, activationRef } from '../reference/activation';
import { lossValuesRef } from '../reference/loss';
import { matmulRef } from '../reference/matmul';
import { softmaxRef } from '../reference/softmax';

const SEED = Number(process.env.KERNEL_SEED ?? 20261203);
const CASES = 24;
const rng = new Random(SEED);
const int = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng.next() * xs.length)];

const cases = Array.from({ length: CASES }, (_, i) => ({
  i,
  m: int(1, 150),
  k: int(1, 300),
  n: int(1, 150),
  transA: rng.next() < 0.5,
  transB: rng.next() < 0.5,
  variant: pick(['tiled', 'rows', 'naive'] as MatmulVariant[]),
  act: pick(Object.keys(ACTIVATIONS) as ActivationName[]),
  rows: int(1, 40),
  cols: int(1, 700),
  scale: pick([1, 10, 100]),
  loss: pick(
    (Object.keys(LOSSES) as LossName[]).filter(
      (l) =>
        ![
          'categorical_hinge',
          'kl_divergence',
          'poisson',
          'mean_squared_logarithmic_error',
          'binary_crossentropy',
          'categorical_crossentropy',
          'sparse_categorical_crossentropy',
        ].includes(l),
    ),
  ),
  seed: int(0, 1e9),
}));

describe(`randomized kernels (seed ${SEED})`, () => {
  it.each(cases)(
    'case $i: matmul $variant $m x $k x $n (transA $transA, transB $transB) with $act',
    async (c) => {
      const engine = await testEngine();
      const av = randomArray(c.m * c.k, c.seed);
      const bv = randomArray(c.k * c.n, c.seed + 1);
      const a = engine.tensor(av, c.transA ? [c.k, c.m] : [c.m, c.k], 'a');
      const b = engine.tensor(bv, c.transB ? [c.n, c.k] : [c.k, c.n], 'b');
      const z = engine.empty([c.m, c.n], 'z');
      const y = engine.empty([c.m, c.n], 'y');
      const sums = engine.empty([c.n], 'sums');
      const dy = engine.tensor(randomArray(c.m * c.n, c.seed + 2), [c.m, c.n], 'dy');
      const dx = engine.empty([c.m, c.n], 'dx');
      engine.run('random', (r) => {
        matmul(r, engine, a, b, z, { transA: c.transA, transB: c.transB, variant: c.variant });
        activation(r, engine, z, y, { name: c.act });
        activationBackward(r, z, dy, dx, { name: c.act });
        columnSums(r, z, sums);
      });
      const ref = matmulRef(av, bv, c.m, c.k, c.n, c.transA, c.transB);
      const tol = { atol: 1e-5 * Math.sqrt(c.k), rtol: 1e-5 };
      expectClose(await z.read(), ref, tol);
      const zs = await z.read();
      expectClose(await y.read(), activationRef(c.act, zs), { atol: 1e-6, rtol: 1e-5 });
      expectClose(await dx.read(), activationGradRef(c.act, zs, await dy.read()), {
        atol: 1e-6,
        rtol: 1e-5,
      });
      const colRef = Array.from({ length: c.n }, (_, j) => {
        let s = 0;
        for (let r = 0; r < c.m; r++) s += zs[r * c.n + j];
        return s;
      });
      expectClose(await sums.read(), colRef, {
        atol: 1e-5 * Math.sqrt(c.m) * Math.sqrt(c.k),
        rtol: 1e-5,
      });
      [a, b, z, y, sums, dy, dx].forEach((t) => t.dispose());
    },
  );

  it.each(cases)('case $i: softmax $rows x $cols at scale $scale, and loss $loss', async (c) => {
    const engine = await testEngine();
    const xs = randomArray(c.rows * c.cols, c.seed, -c.scale, c.scale);
    const x = engine.tensor(xs, [c.rows, c.cols], 'x');
    const y = engine.empty([c.rows, c.cols], 'y');
    const truthValues = isSparse(c.loss)
      ? new Float32Array(c.rows)
      : randomArray(c.rows * c.cols, c.seed + 3);
    const truth = engine.tensor(truthValues, [truthValues.length], 'truth');
    const values = engine.empty([c.rows], 'values');
    engine.run('random', (r) => {
      softmax(r, engine, x, y);
      lossValue(r, c.loss, x, truth, values);
    });
    expectClose(await y.read(), softmaxRef(xs, c.cols), { atol: 1e-6, rtol: 1e-5 });
    expectClose(await values.read(), lossValuesRef(c.loss, xs, truthValues, c.cols), {
      atol: 1e-4,
      rtol: 1e-4,
    });
    [x, y, truth, values].forEach((t) => t.dispose());
  });
});
