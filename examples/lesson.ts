// The introductory lesson's worked examples, computed by the engine: a 2-2-1 network under four
// activations, two losses, gradient descent with Adam, and the summary table.
import { Engine } from '../src/engine/engine';
import { lossValue } from '../src/kernels/loss';
import { matmul } from '../src/kernels/matmul';
import { Adam } from '../src/nn/optimizers';
import { Dense } from '../src/nn/dense';
import { clearSession } from '../src/nn/names';
import { Sequential } from '../src/nn/sequential';

const [w1, w2, w3, w4, w5, w6] = [0.42, 0.15, -0.56, 0.83, 0.93, 0.02];
/** Keras's layout: kernel [in, out] per layer, no biases. */
export const LESSON_WEIGHTS = [
  [
    [w1, w3],
    [w2, w4],
  ],
  [[w5], [w6]],
];
export const LESSON_INPUT = [[7.2, -5.8]];

export interface LessonResult {
  linear: number;
  hidden: number[];
  sigmoid: number;
  relu: number;
  tanh: number;
  mae: number;
  mse: number;
  gdWeights1000: number[];
  gdWeights5000: number[];
  /** Loss and weights after each gradient-descent step. */
  gdPath: { loss: number; weights: number[] }[];
  /** MSE over a grid of (w1, w2) in [-1.5, 1.5]², row-major by w2 then w1. */
  surface: { size: number; min: number; max: number; loss: number[] };
  summary: string;
}

function network(engine: Engine, activation: string, hidden = false): Sequential {
  const model = new Sequential({ engine });
  model.add(new Dense(2, { inputDim: 2, activation, useBias: false }));
  if (!hidden) model.add(new Dense(1, { activation, useBias: false }));
  return model;
}

async function outputOf(engine: Engine, activation: string, hidden = false): Promise<number[]> {
  const model = network(engine, activation, hidden);
  await model.setWeights(hidden ? LESSON_WEIGHTS.slice(0, 1) : LESSON_WEIGHTS);
  const out = await model.predict(LESSON_INPUT);
  model.dispose();
  return out.row(0);
}

/** MSE of Dense(1, no bias) over x [[1,0],[0,1]], y [1,-1], for each (w1, w2) of a grid. */
export async function lossSurface(engine: Engine, size: number): Promise<LessonResult['surface']> {
  const [min, max] = [-1.5, 1.5];
  const grid = new Float32Array(size * size * 2);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      grid[(i * size + j) * 2] = min + ((max - min) * j) / (size - 1);
      grid[(i * size + j) * 2 + 1] = min + ((max - min) * i) / (size - 1);
    }
  }
  const n = size * size;
  const w = engine.tensor(grid, [n, 2], 'surface.weights');
  const x = engine.tensor([1, 0, 0, 1], [2, 2], 'surface.x');
  const y = engine.tensor(
    new Float32Array(n * 2).map((_, k) => (k % 2 === 0 ? 1 : -1)),
    [n, 2],
    'surface.y',
  );
  const pred = engine.empty([n, 2], 'surface.pred');
  const loss = engine.empty([n], 'surface.loss');
  // Row g of pred holds the two samples' predictions under weights g: W_g · xᵀ.
  engine.run('surface', (r) => {
    matmul(r, engine, w, x, pred, { transB: true });
    lossValue(r, 'mean_squared_error', pred, y, loss);
  });
  const values = Array.from(await loss.read());
  [w, x, y, pred, loss].forEach((t) => t.dispose());
  return { size, min, max, loss: values };
}

/**
 * Dense(1, inputDim 2, linear, no bias) from weights [1, 1], Adam(0.001), mse on x [[1,0],[0,1]],
 * y [1,-1], the whole batch each step; the loss and weights after every step.
 */
export async function gradientDescent(
  engine: Engine,
  steps: number,
  onStep?: (step: number, loss: number, weights: number[]) => void,
): Promise<LessonResult['gdPath']> {
  const gd = new Sequential({ engine });
  gd.add(new Dense(1, { inputDim: 2, useBias: false }));
  await gd.setWeights([[[1], [1]]]);
  gd.compile({ optimizer: new Adam(0.001), loss: 'mse' });
  const path: LessonResult['gdPath'] = [];
  await gd.fit(
    [
      [1, 0],
      [0, 1],
    ],
    [1, -1],
    {
      epochs: steps,
      batchSize: 2,
      shuffle: false,
      callbacks: [
        {
          onEpochEnd: async (epoch, logs) => {
            const weights = Array.from((await gd.getWeights())[0].data);
            path.push({ loss: logs.loss, weights });
            onStep?.(epoch, logs.loss, weights);
          },
        },
      ],
    },
  );
  gd.dispose();
  return path;
}

export async function runLesson(
  engine: Engine,
  { steps = 5000, surfaceSize = 41 } = {},
): Promise<LessonResult> {
  clearSession();
  const hidden = await outputOf(engine, 'linear', true);
  const [linear] = await outputOf(engine, 'linear');
  const [sigmoid] = await outputOf(engine, 'sigmoid');
  const [relu] = await outputOf(engine, 'relu');
  const [tanh] = await outputOf(engine, 'tanh');

  const reluNet = network(engine, 'relu');
  await reluNet.setWeights(LESSON_WEIGHTS);
  reluNet.compile({ optimizer: 'adam', loss: 'mae', metrics: ['mse'] });
  const { loss: mae, mse } = await reluNet.evaluate(LESSON_INPUT, [[0.34]]);
  reluNet.dispose();

  const gdPath = await gradientDescent(engine, steps);
  const gdWeights1000 = gdPath[999]?.weights ?? [];
  const gdWeights5000 = gdPath[gdPath.length - 1]?.weights ?? [];

  clearSession();
  const summaryNet = network(engine, 'linear');
  const summary = summaryNet.summary();
  summaryNet.dispose();

  return {
    linear,
    hidden,
    sigmoid,
    relu,
    tanh,
    mae,
    mse,
    gdWeights1000,
    gdWeights5000,
    gdPath,
    surface: await lossSurface(engine, surfaceSize),
    summary,
  };
}
