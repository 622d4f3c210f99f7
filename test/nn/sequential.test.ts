import { afterEach, describe, expect, it } from 'vitest';
import {
  Activation,
  ELU,
  LeakyReLU,
  ReLU,
  Softmax,
  ThresholdedReLU,
} from '../../src/nn/activation-layers';
import { Dense } from '../../src/nn/dense';
import { setRandomSeed } from '../../src/nn/initializers';
import { clearSession } from '../../src/nn/names';
import { Adam, SGD } from '../../src/nn/optimizers';
import { Sequential } from '../../src/nn/sequential';
import { Random } from '../../src/nn/random';
import { expectClose } from '../helpers/expect-close';
import { testEngine } from '../helpers/engine';

afterEach(() => clearSession());

async function model(layers: (Dense | Activation | Softmax)[]) {
  return new Sequential({ engine: await testEngine(), layers });
}

function blobs(n: number, seed: number) {
  // Three Gaussian blobs in 2-D, labelled 0, 1, 2.
  const rng = new Random(seed);
  const centers = [
    [-2, 0],
    [2, 0],
    [0, 2.5],
  ];
  const x: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    x.push([centers[c][0] + rng.normal() * 0.6, centers[c][1] + rng.normal() * 0.6]);
    labels.push(c);
  }
  const onehot = labels.map((l) => [0, 1, 2].map((k) => (k === l ? 1 : 0)));
  return { x, labels, onehot };
}

describe('Sequential', () => {
  it('learns a small regression: loss falls at least 20-fold', async () => {
    setRandomSeed(1);
    const rng = new Random(2);
    const x = Array.from({ length: 96 }, () => [rng.uniform(-1, 1), rng.uniform(-1, 1)]);
    const y = x.map(([a, b]) => [0.5 * a - 1.5 * b + 0.25]);
    const m = await model([new Dense(8, { inputDim: 2, activation: 'tanh' }), new Dense(1)]);
    m.compile({ optimizer: new Adam(0.05), loss: 'mse', metrics: ['mae'] });
    const h = await m.fit(x, y, { epochs: 40, batchSize: 16, seed: 3 });
    const losses = h.history.loss;
    expect(losses).toHaveLength(40);
    expect(losses[39]).toBeLessThan(losses[0] / 20);
    expect(h.history.mae[39]).toBeLessThan(h.history.mae[0]);
    const evaluated = await m.evaluate(x, y);
    expect(evaluated.loss).toBeLessThan(losses[0] / 20);
    m.dispose();
  });

  it('learns a small classification to 95% accuracy with softmax and crossentropy', async () => {
    setRandomSeed(4);
    const { x, onehot, labels } = blobs(150, 5);
    const m = await model([
      new Dense(16, { inputDim: 2, activation: 'relu' }),
      new Dense(3, { activation: 'softmax' }),
    ]);
    m.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    const h = await m.fit(x, onehot, { epochs: 30, batchSize: 10, seed: 6 });
    expect(h.history.loss[29]).toBeLessThan(h.history.loss[0] / 3);
    expect(h.history.accuracy[29]).toBeGreaterThan(0.95);
    const pred = await m.predict(x);
    const correct = labels.filter(
      (l, i) => pred.row(i).indexOf(Math.max(...pred.row(i))) === l,
    ).length;
    expect(correct / labels.length).toBeGreaterThan(0.95);
    m.dispose();
  });

  it('trains with sparse labels and a validation split, reporting val_ metrics', async () => {
    setRandomSeed(7);
    const { x, labels } = blobs(120, 8);
    const m = await model([
      new Dense(8, { inputDim: 2, activation: 'relu' }),
      new Dense(3),
      new Softmax(),
    ]);
    m.compile({
      optimizer: new SGD({ learningRate: 0.1, momentum: 0.9 }),
      loss: 'sparse_categorical_crossentropy',
      metrics: ['accuracy'],
    });
    const h = await m.fit(x, labels, { epochs: 15, batchSize: 16, validationSplit: 0.25, seed: 9 });
    expect(Object.keys(h.history).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    expect(h.history.val_accuracy[14]).toBeGreaterThan(0.9);
    m.dispose();
  });

  it('gives the same outputs for activations by name and as layers', async () => {
    const x = [[-2, -0.5, 0, 0.7, 3]];
    const kernel = [
      [1, 0, 0, 0, 0],
      [0, 1, 0, 0, 0],
      [0, 0, 1, 0, 0],
      [0, 0, 0, 1, 0],
      [0, 0, 0, 0, 1],
    ];
    const pairs: [string, Activation | Softmax][] = [
      ['relu', new ReLU()],
      ['elu', new ELU()],
      ['softmax', new Softmax()],
      ['thresholded_relu', new ThresholdedReLU()],
      ['tanh', new Activation('tanh')],
    ];
    for (const [name, layer] of pairs) {
      const byName = await model([new Dense(5, { inputDim: 5, activation: name, useBias: false })]);
      const byLayer = await model([new Dense(5, { inputDim: 5, useBias: false }), layer]);
      await byName.setWeights([kernel]);
      await byLayer.setWeights([kernel]);
      expectClose((await byLayer.predict(x)).data, (await byName.predict(x)).data, {
        atol: 1e-6,
        rtol: 1e-6,
      });
      byName.dispose();
      byLayer.dispose();
    }
    // The LeakyReLU layer's slope is Keras's 0.3; the leaky_relu function's is 0.2.
    const leaky = await model([new Dense(5, { inputDim: 5, useBias: false }), new LeakyReLU()]);
    await leaky.setWeights([kernel]);
    expectClose((await leaky.predict(x)).data, [-0.6, -0.15, 0, 0.7, 3], {
      atol: 1e-6,
      rtol: 1e-6,
    });
    leaky.dispose();
  });

  it('round-trips weights in Keras layout and names layers as Keras does', async () => {
    const m = await model([new Dense(3, { inputDim: 2 }), new Dense(1, { useBias: false })]);
    expect(m.layers.map((l) => l.name)).toEqual(['dense', 'dense_1']);
    const w = [
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [0.5, -0.5, 1],
      [[1], [2], [3]],
    ];
    await m.setWeights(w);
    const got = await m.getWeights();
    expect(got.map((g) => g.shape)).toEqual([[2, 3], [3], [3, 1]]);
    expectClose(got[0].data, [1, 2, 3, 4, 5, 6], { atol: 0, rtol: 0 });
    expectClose(got[1].data, [0.5, -0.5, 1], { atol: 0, rtol: 0 });
    const out = await m.predict([[1, 1]]);
    // hidden = [1+4+0.5, 2+5-0.5, 3+6+1] = [5.5, 6.5, 10]; out = 5.5 + 13 + 30
    expectClose(out.data, [48.5], { atol: 1e-5, rtol: 0 });
    m.dispose();
  });

  it('keeps GPU memory flat over 20 epochs and 100 calls, and gives everything back', async () => {
    const engine = await testEngine();
    const before = engine.memory();
    const { x, onehot } = blobs(90, 10);
    const m = await model([
      new Dense(8, { inputDim: 2, activation: 'relu' }),
      new Dense(3, { activation: 'softmax' }),
    ]);
    m.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    const seen: ReturnType<typeof engine.memory>[] = [];
    // 90 samples in batches of 32: two full batches and one of 26, each epoch.
    await m.fit(x, onehot, {
      epochs: 20,
      batchSize: 32,
      validationSplit: 0.1,
      callbacks: [{ onEpochEnd: () => void seen.push(engine.memory()) }],
    });
    for (const s of seen.slice(1)) {
      expect(s.buffers).toBe(seen[0].buffers);
      expect(s.bytesInUse).toBe(seen[0].bytesInUse);
    }
    for (let i = 0; i < 49; i++) {
      await m.predict(x);
      await m.evaluate(x, onehot);
    }
    const afterCalls = engine.memory();
    await m.predict(x);
    await m.evaluate(x, onehot);
    expect(engine.memory().buffers).toBe(afterCalls.buffers);
    expect(engine.memory().bytesInUse).toBe(afterCalls.bytesInUse);
    m.dispose();
    expect(engine.memory().tensors).toBe(before.tensors);
    expect(engine.memory().bytesInUse).toBe(before.bytesInUse);

    let pooled = 0;
    for (let i = 0; i < 50; i++) {
      if (i === 1) pooled = engine.memory().buffers;
      const n = await model([
        new Dense(8, { inputDim: 2, activation: 'relu' }),
        new Dense(3, { activation: 'softmax' }),
      ]);
      n.compile({ optimizer: 'adam', loss: 'categorical_crossentropy' });
      await n.fit(x.slice(0, 8), onehot.slice(0, 8), { epochs: 1 });
      n.dispose();
    }
    expect(engine.memory().tensors).toBe(before.tensors);
    expect(engine.memory().bytesInUse).toBe(before.bytesInUse);
    // Buffers freed by one model are reused by the next: after the first, the pool does not grow.
    expect(engine.memory().buffers).toBe(pooled);
  });
});
