import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/engine/errors';
import { toCategorical } from '../../src/data/mnist';
import { Dense } from '../../src/nn/dense';
import { TerminateOnNaN } from '../../src/nn/callbacks';
import { clearSession } from '../../src/nn/names';
import { SGD } from '../../src/nn/optimizers';
import { Sequential } from '../../src/nn/sequential';
import { testEngine } from '../helpers/engine';

afterEach(() => clearSession());

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const Y = [[0], [1], [1], [0]];

async function compiled(loss = 'mse') {
  const m = new Sequential({ engine: await testEngine() });
  m.add(new Dense(4, { inputDim: 2, activation: 'tanh' }));
  m.add(new Dense(1, { activation: 'sigmoid' }));
  m.compile({ optimizer: new SGD({ learningRate: 0.5 }), loss, metrics: ['accuracy'] });
  return m;
}

/** After an error the model must still train and predict. */
async function stillWorks(m: Sequential) {
  const h = await m.fit(X, Y, { epochs: 3, batchSize: 4 });
  expect(h.history.loss.every(Number.isFinite)).toBe(true);
  const p = await m.predict(X);
  expect(p.shape).toEqual([4, 1]);
  expect(Array.from(p.data).every((v) => v > 0 && v < 1)).toBe(true);
}

describe('bad input gets a clear error before any GPU work, and the model keeps working', () => {
  const cases: [string, (m: Sequential) => Promise<unknown>, RegExp][] = [
    [
      'wrong input width',
      (m) => m.predict([[1, 2, 3]]),
      /Dense "dense": expected input \[\*, 2\], got \[1,3\]/,
    ],
    [
      'wrong rank',
      (m) => m.predict({ data: [1, 2], shape: [1, 1, 2] }),
      /expected a shape of rank 1 or 2, got \[1,1,2\]/,
    ],
    ['ragged rows', (m) => m.fit([[1, 2], [3]], [[1], [0]]), /row 1 has 1 values, expected 2/],
    ['x and y of different lengths', (m) => m.fit(X, [[1], [0]]), /x has 4 samples but y has 2/],
    ['empty arrays', (m) => m.fit([], []), /fit x: is empty/],
    [
      'NaN in x',
      (m) => m.fit([[0, NaN], ...X.slice(1)], Y),
      /value NaN at row 0, column 1 is not finite/,
    ],
    ['Infinity in y', (m) => m.evaluate(X, [[Infinity], [1], [1], [0]]), /value Infinity at row 0/],
    [
      'y of the wrong width',
      (m) =>
        m.fit(X, [
          [0, 1],
          [1, 0],
          [1, 0],
          [0, 1],
        ]),
      /y has shape \[4,2\], expected \[4, 1\]/,
    ],
    [
      'batch size 0',
      (m) => m.fit(X, Y, { batchSize: 0 }),
      /batchSize must be a positive integer, got 0/,
    ],
    [
      'negative batch size',
      (m) => m.predict(X, { batchSize: -3 }),
      /batchSize must be a positive integer, got -3/,
    ],
    ['fractional batch size', (m) => m.evaluate(X, Y, { batchSize: 1.5 }), /got 1.5/],
    [
      'negative epochs',
      (m) => m.fit(X, Y, { epochs: -1 }),
      /epochs must be an integer >= 0, got -1/,
    ],
    [
      'wrong weight count',
      (m) => m.setWeights([[[1]]]),
      /expected 4 arrays \(\[2,4\], \[4\], \[4,1\], \[1\]\), got 1/,
    ],
    [
      'wrong weight shape',
      (m) => m.setWeights([[[1, 2, 3, 4]], [0, 0, 0, 0], [[1], [1], [1], [1]], [0]]),
      /weight 0: expected shape \[2,4\], got \[1,4\]/,
    ],
    [
      'validation split of 1',
      (m) => m.fit(X, Y, { validationSplit: 1 }),
      /validationSplit must be in \[0, 1\), got 1/,
    ],
  ];
  it.each(cases)('%s', async (_, call, message) => {
    const m = await compiled();
    await expect(call(m)).rejects.toThrow(message);
    await expect(call(m)).rejects.toBeInstanceOf(InputError);
    await stillWorks(m);
    m.dispose();
  });

  it('labels out of range for sparse crossentropy and toCategorical', async () => {
    const m = new Sequential({ engine: await testEngine() });
    m.add(new Dense(3, { inputDim: 2, activation: 'softmax' }));
    m.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy' });
    await expect(m.fit(X, [0, 1, 2, 3])).rejects.toThrow(
      /label 3 at sample 3 is not a class index in \[0, 3\)/,
    );
    await expect(m.fit(X, [0, 1, 2, 0.5])).rejects.toThrow(/label 0.5/);
    expect(() => toCategorical([0, 10], 10)).toThrow(/label 10 at 1/);
    const h = await m.fit(X, [0, 1, 2, 0], { epochs: 2 });
    expect(h.history.loss).toHaveLength(2);
    m.dispose();
  });

  it('unknown activation, loss, optimizer and metric names list the valid ones', async () => {
    expect(() => new Dense(3, { activation: 'relux' })).toThrow(
      /unknown activation "relux"; expected one of linear, relu, /,
    );
    const m = await compiled();
    expect(() => m.compile({ optimizer: 'adamw', loss: 'mse' })).toThrow(
      /unknown optimizer "adamw"; expected one of sgd, adam/,
    );
    expect(() => m.compile({ optimizer: 'adam', loss: 'msee' })).toThrow(
      /unknown loss "msee"; expected one of mean_squared_error/,
    );
    expect(() => m.compile({ optimizer: 'adam', loss: 'mse', metrics: ['acuracy'] })).toThrow(
      /unknown metric "acuracy"; expected one of accuracy, /,
    );
    await stillWorks(m);
    m.dispose();
  });

  it('refuses fit before compile, layers that do not fit, an empty model and a disposed one', async () => {
    const engine = await testEngine();
    const m = new Sequential({ engine });
    await expect(m.predict(X)).rejects.toThrow(/the model has no layers; add\(\) some first/);
    expect(() => m.add(new Dense(3))).toThrow(/Dense "dense": the first layer needs inputDim/);
    m.add(new Dense(3, { inputDim: 2 }));
    expect(() => m.add(new Dense(1, { inputDim: 4 }))).toThrow(
      /Dense "dense_2": inputDim 4 does not fit the previous layer "dense_1", whose output is \(None, 3\)/,
    );
    await expect(m.fit(X, Y)).rejects.toThrow(/call compile\(\) before fit\(\)/);
    m.dispose();
    await expect(m.predict(X)).rejects.toThrow(/the model was disposed/);
    expect(() => m.summary()).toThrow(/disposed/);
  });

  it('a NaN loss stops fit with a clear error, and TerminateOnNaN does too', async () => {
    const m = await compiled('mse');
    // A huge learning rate on tanh/sigmoid saturates; on linear layers it overflows to NaN.
    const lin = new Sequential({ engine: await testEngine() });
    lin.add(new Dense(1, { inputDim: 2 }));
    lin.compile({ optimizer: new SGD({ learningRate: 1e30 }), loss: 'mse' });
    await expect(
      lin.fit([[1e10, 1e10]], [[1]], { epochs: 5, callbacks: [new TerminateOnNaN()] }),
    ).rejects.toThrow(/loss became (NaN|Infinity) in epoch \d; training stopped/);
    lin.dispose();
    await stillWorks(m);
    m.dispose();
  });
});
