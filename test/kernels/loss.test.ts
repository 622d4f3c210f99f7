import { describe, expect, it } from 'vitest';
import { lossGradient, lossValue } from '../../src/kernels/loss';
import { isSparse, LOSSES, type LossName } from '../../src/kernels/loss-codes';
import { softmax } from '../../src/kernels/softmax';
import { Random } from '../../src/nn/random';
import { expectClose } from '../helpers/expect-close';
import { randomArray, testEngine } from '../helpers/engine';
import { lossGradRef, lossValuesRef } from '../reference/loss';

const PROBABILISTIC = new Set<LossName>([
  'binary_crossentropy',
  'categorical_crossentropy',
  'sparse_categorical_crossentropy',
  'kl_divergence',
  'poisson',
]);

/** Targets and predictions of the kind each loss expects, away from kinks and clip edges. */
function data(loss: LossName, rows: number, cols: number, seed: number) {
  const rng = new Random(seed);
  const pred =
    PROBABILISTIC.has(loss) || loss === 'mean_squared_logarithmic_error'
      ? Float32Array.from({ length: rows * cols }, () => rng.uniform(0.05, 0.95))
      : randomArray(rows * cols, seed, -2, 2);
  let truth: Float32Array;
  if (isSparse(loss))
    truth = Float32Array.from({ length: rows }, () => Math.floor(rng.next() * cols));
  else if (loss === 'categorical_crossentropy' || loss === 'categorical_hinge') {
    truth = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) truth[r * cols + Math.floor(rng.next() * cols)] = 1;
  } else if (loss === 'hinge' || loss === 'squared_hinge' || loss === 'binary_crossentropy') {
    truth = Float32Array.from({ length: rows * cols }, () => (rng.next() < 0.5 ? 0 : 1));
  } else {
    truth = Float32Array.from({ length: rows * cols }, () => rng.uniform(0.05, 0.95));
  }
  return { pred, truth };
}

async function run(
  loss: LossName,
  rows: number,
  cols: number,
  pred: Float32Array,
  truth: Float32Array,
) {
  const engine = await testEngine();
  const p = engine.tensor(pred, [rows, cols], 'pred');
  const t = engine.tensor(truth, isSparse(loss) ? [rows] : [rows, cols], 'truth');
  const values = engine.empty([rows], 'values');
  const grad = engine.empty([rows, cols], 'grad');
  engine.run('test', (r) => {
    lossValue(r, loss, p, t, values);
    lossGradient(r, loss, p, t, grad);
  });
  const out = { values: await values.read(), grad: await grad.read() };
  [p, t, values, grad].forEach((x) => x.dispose());
  return out;
}

describe.each(Object.keys(LOSSES) as LossName[])('loss %s', (loss) => {
  it.each([
    [1, 1],
    [7, 7],
    [64, 10],
    [257, 3],
  ])('value and gradient match the reference at %i x %i', async (rows, cols) => {
    if (loss === 'categorical_hinge' && cols === 1) return; // one class has no wrong class
    const { pred, truth } = data(loss, rows, cols, rows * 100 + cols);
    const got = await run(loss, rows, cols, pred, truth);
    expectClose(got.values, lossValuesRef(loss, pred, truth, cols), { atol: 1e-5, rtol: 1e-5 });
    // Central differences in f64 carry ~1e-9 of their own error; the kernel's f32 ~1e-7.
    expectClose(got.grad, lossGradRef(loss, pred, truth, cols), { atol: 1e-5, rtol: 1e-4 });
  });
});

describe('crossentropy at the edges', () => {
  it('is finite for probabilities exactly 0 and 1 (clipped as Keras does)', async () => {
    const pred = Float32Array.from([1, 0, 0, 0, 1, 0]);
    const truth = Float32Array.from([0, 1, 0, 0, 1, 0]);
    for (const loss of ['categorical_crossentropy', 'binary_crossentropy'] as LossName[]) {
      const got = await run(loss, 2, 3, pred, truth);
      expect([...got.values, ...got.grad].every(Number.isFinite)).toBe(true);
      expectClose(got.values, lossValuesRef(loss, pred, truth, 3), { atol: 1e-5, rtol: 1e-5 });
    }
  });

  it('through softmax gives softmax(z) - onehot, divided by the batch', async () => {
    const engine = await testEngine();
    const [rows, cols] = [5, 10];
    const zs = randomArray(rows * cols, 9, -4, 4);
    const labels = Float32Array.from([3, 0, 9, 9, 1]);
    const z = engine.tensor(zs, [rows, cols], 'z');
    const y = engine.empty([rows, cols], 'y');
    const t = engine.tensor(labels, [rows], 'labels');
    const grad = engine.empty([rows, cols], 'grad');
    engine.run('test', (r) => {
      softmax(r, engine, z, y);
      lossGradient(r, 'sparse_categorical_crossentropy', y, t, grad, { throughSoftmax: true });
    });
    const ys = await y.read();
    const expected = ys.map(
      (v, i) =>
        (v - (Math.floor(i / cols) < rows && labels[Math.floor(i / cols)] === i % cols ? 1 : 0)) /
        rows,
    );
    expectClose(await grad.read(), expected, { atol: 1e-7, rtol: 1e-6 });
    [z, y, t, grad].forEach((x) => x.dispose());
  });
});
