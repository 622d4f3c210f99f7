import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { ArrayDataset } from '../../src/nn/dataset';
import { Dense } from '../../src/nn/dense';
import { Matrix } from '../../src/nn/matrix';
import { Adam } from '../../src/nn/optimizers';
import { Random } from '../../src/nn/random';
import { Sequential } from '../../src/nn/sequential';
import { expectClose } from '../helpers/expect-close';
import { randomArray, testEngine } from '../helpers/engine';
import { predictRef, trainRef, type Mlp } from '../reference/mlp';

const [IN, HID, OUT] = [6, 9, 4];

function init(seed: number): Mlp {
  return {
    w1: Array.from(randomArray(IN * HID, seed, -0.5, 0.5)),
    b1: Array.from(randomArray(HID, seed + 1, -0.1, 0.1)),
    w2: Array.from(randomArray(HID * OUT, seed + 2, -0.5, 0.5)),
    b2: Array.from(randomArray(OUT, seed + 3, -0.1, 0.1)),
  };
}

async function net(engine: Engine, w: Mlp): Promise<Sequential> {
  const m = new Sequential({ engine });
  m.add(new Dense(HID, { inputDim: IN, activation: 'relu' }));
  m.add(new Dense(OUT, { activation: 'softmax' }));
  await m.setWeights([
    { shape: [IN, HID], data: w.w1 },
    w.b1,
    { shape: [HID, OUT], data: w.w2 },
    w.b2,
  ]);
  m.compile({ optimizer: new Adam(0.01), loss: 'categorical_crossentropy' });
  return m;
}

function data(n: number, seed: number) {
  const rng = new Random(seed);
  const x = randomArray(n * IN, seed, -1, 1);
  const y = new Float32Array(n * OUT);
  for (let i = 0; i < n; i++) y[i * OUT + Math.floor(rng.next() * OUT)] = 1;
  return { x, y };
}

describe('limits', () => {
  it.each([1, 131, 132, 1000, 4096])(
    'fit with batch size %i matches the CPU reference',
    async (n) => {
      const engine = await testEngine();
      const w = init(n);
      const { x, y } = data(n, n + 7);
      const m = await net(engine, w);
      await m.fit(
        { data: x, shape: [n, IN] },
        { data: y, shape: [n, OUT] },
        { batchSize: n, epochs: 3, shuffle: false },
      );
      const ref = trainRef(w, x, y, n, IN, HID, OUT, 3, 0.01);
      const got = await m.getWeights();
      [ref.w1, ref.b1, ref.w2, ref.b2].forEach((r, i) =>
        expectClose(got[i].data, r, { atol: 2e-5, rtol: 1e-4 }),
      );
      m.dispose();
    },
  );

  it('predict over 60,000 samples matches the CPU reference', async () => {
    const engine = await testEngine();
    const w = init(3);
    const n = 60_000;
    const x = randomArray(n * IN, 11, -1, 1);
    const m = await net(engine, w);
    const got = await m.predict({ data: x, shape: [n, IN] }, { batchSize: 4096 });
    expectClose(got.data, predictRef(w, x, n, IN, HID, OUT), { atol: 1e-6, rtol: 1e-5 });
    m.dispose();
  });

  it('splits a dataset larger than one storage binding into chunks and trains the same', async () => {
    const engine = await testEngine();
    const n = 257;
    const { x, y } = data(n, 5);
    const whole = new ArrayDataset(
      engine,
      Matrix.from({ data: x, shape: [n, IN] }, 'x'),
      Matrix.from({ data: y, shape: [n, OUT] }, 'y'),
      'whole',
    );
    // 24 rows of 6 floats per chunk, as if the binding limit were 576 bytes: 11 chunks.
    const split = new ArrayDataset(
      engine,
      Matrix.from({ data: x, shape: [n, IN] }, 'x'),
      Matrix.from({ data: y, shape: [n, OUT] }, 'y'),
      'split',
      24 * IN * 4,
    );
    expect([whole.chunks, split.chunks]).toEqual([1, 11]);
    const results: Float32Array[] = [];
    for (const set of [whole, split]) {
      const m = await net(engine, init(9));
      await m.fit(set, undefined, { batchSize: 50, epochs: 2, seed: 1 });
      results.push((await m.getWeights())[0].data);
      m.dispose();
      set.dispose();
    }
    expectClose(results[1], results[0], { atol: 0, rtol: 0 });
  });

  it('trains on MNIST-sized f32 input (188 MB, over the 128 MiB binding limit) without refusing it', async () => {
    const engine = await testEngine();
    const n = 60_000;
    const limit = engine.limits.maxStorageBufferBindingSize;
    const x = new Float32Array(n * 784).fill(0.5);
    expect(x.byteLength).toBeGreaterThan(limit);
    const y = new Float32Array(n);
    const m = new Sequential({ engine });
    m.add(new Dense(2, { inputDim: 784, activation: 'softmax' }));
    m.compile({ optimizer: 'sgd', loss: 'sparse_categorical_crossentropy' });
    const set = new ArrayDataset(
      engine,
      Matrix.from({ data: x, shape: [n, 784] }, 'x'),
      Matrix.from({ data: y, shape: [n, 1] }, 'y'),
      'mnist-sized',
    );
    expect(set.chunks).toBeGreaterThan(1);
    // One epoch of 4 batches of 15,000: every sample is gathered from whichever chunk holds it.
    const h = await m.fit(set, undefined, { batchSize: 15_000, epochs: 1 });
    expect(Number.isFinite(h.history.loss[0])).toBe(true);
    set.dispose();
    m.dispose();
  });
});
