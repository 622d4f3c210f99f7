// The demo page: trains the lesson's MNIST network on this machine's GPU with live charts,
// lets a person draw a digit, and shows the lesson's gradient descent. URL parameters
// (epochs, batchSize, limit, learningRate, dataset, seed, test, autostart) drive it from tests.
import { gradientDescent, lossSurface } from '../examples/lesson';
import { mnistModel } from '../examples/mnist-model';
import {
  CLASS_NAMES,
  firstSamples,
  type DatasetName,
  type Mnist,
  type Split,
} from '../src/data/mnist';
import { Engine } from '../src/engine/engine';
import { loadModel } from '../src/io/model-io';
import { BYTE_SCALE } from '../src/kernels/data';
import { ByteImageDataset } from '../src/nn/dataset';
import { setRandomSeed } from '../src/nn/initializers';
import type { Sequential } from '../src/nn/sequential';
import { TrainingCharts } from './charts';
import { fetchDataset } from './data';
import type { DemoPhase, DemoState } from './page-state';
import { DrawPad } from './draw';
import { drawConfusion, drawGallery, drawProbabilities, drawSurface, drawWeights } from './views';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);
const input = (id: string) => $<HTMLInputElement>(id);
for (const id of ['epochs', 'batchSize', 'limit', 'learningRate', 'dataset']) {
  const v = params.get(id);
  if (v !== null) input(id).value = v;
}
const GALLERY = 24;
const testCount = Number(params.get('test') ?? 1000);

type State = DemoPhase;
const result: DemoState = { state: 'loading', epochMs: [] };
Object.assign(window, { webgpuNN: result });

function status(state: State, text: string): void {
  result.state = state;
  const el = $('status');
  el.dataset.state = state;
  el.textContent = text;
}

function fail(err: unknown): void {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  result.error = message;
  const box = $('error');
  box.hidden = false;
  box.textContent = message;
  status('error', 'Stopped by an error (see above).');
}

let engine: Engine;
let data: Mnist;
let names: string[];
let model: Sequential | undefined;
let paused: { promise: Promise<void>; resume: () => void } | undefined;
const charts = new TrainingCharts($('lossChart'), $('accuracyChart'));

/** Bytes to the f32 the model sees (exactly k / 255). */
const scaled = (bytes: Uint8Array) => Float32Array.from(bytes, (b) => BYTE_SCALE[b]);
const argmax = (row: number[]) => row.indexOf(Math.max(...row));

async function refreshViews(test: Split): Promise<void> {
  if (!model) return;
  const [kernel] = await model.getWeights();
  drawWeights($('weightsCanvas'), kernel.data, kernel.shape[1]);
  const probs = await model.predict(
    { data: scaled(test.images), shape: [test.count, 784] },
    { batchSize: 250 },
  );
  const predicted = Array.from({ length: test.count }, (_, i) => argmax(probs.row(i)));
  drawGallery($('gallery'), test.images, test.labels, predicted.slice(0, GALLERY), names);
  const counts = new Array(100).fill(0);
  predicted.forEach((p, i) => counts[test.labels[i] * 10 + p]++);
  drawConfusion($('confusion'), counts, names);
  void predictDrawing();
}

async function train(): Promise<void> {
  const epochs = Number(input('epochs').value);
  const batchSize = Number(input('batchSize').value);
  const limit = Number(input('limit').value);
  const seed = params.get('seed');
  if (seed !== null) setRandomSeed(Number(seed));
  model?.dispose();
  model = mnistModel(engine, { learningRate: Number(input('learningRate').value) });
  const train = firstSamples(data.train, limit);
  const test = firstSamples(data.test, testCount);
  const trainSet = new ByteImageDataset(engine, { ...train, features: 784, classes: 10 }, 'train');
  const testSet = new ByteImageDataset(engine, { ...test, features: 784, classes: 10 }, 'test');
  const steps = Math.ceil(train.count / batchSize);
  charts.reset();
  result.epochMs = [];
  let t0 = 0;
  let lastLoss = NaN;
  setButtons(true);
  status('training', `Training on ${train.count} images…`);
  try {
    await model.fit(trainSet, undefined, {
      epochs,
      batchSize,
      seed: seed === null ? undefined : Number(seed),
      callbacks: [
        {
          onEpochBegin: () => void (t0 = performance.now()),
          onBatchEnd: async (step, logs) => {
            if (logs.loss !== undefined && logs.loss !== lastLoss) {
              lastLoss = logs.loss;
              const epoch = result.epochMs.length;
              charts.addTraining(epoch + (step + 1) / steps, logs.loss, logs.accuracy);
              status(
                'training',
                `Epoch ${epoch + 1}/${epochs}, batch ${step + 1}/${steps}: ` +
                  `loss ${logs.loss.toFixed(4)}, accuracy ${logs.accuracy.toFixed(4)}`,
              );
            }
            if (paused) await paused.promise;
          },
          onEpochEnd: async (epoch) => {
            result.epochMs.push(performance.now() - t0);
            $('epochTimes').textContent =
              'Time per epoch: ' +
              result.epochMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ');
            const logs = await model!.evaluate(testSet, undefined, { batchSize: 250 });
            result.testAccuracy = logs.accuracy;
            charts.addTest(epoch + 1, logs.loss, logs.accuracy);
            $('testAccuracy').textContent =
              `test accuracy ${(logs.accuracy * 100).toFixed(2)}% ` +
              `on ${test.count} test images`;
            await refreshViews(test);
          },
        },
      ],
    });
    status(
      'done',
      `Done: test accuracy ${((result.testAccuracy ?? 0) * 100).toFixed(2)}% ` +
        `after ${result.epochMs.length} epoch(s).`,
    );
  } catch (err) {
    fail(err);
  } finally {
    trainSet.dispose();
    testSet.dispose();
    setButtons(false);
  }
}

function setButtons(training: boolean): void {
  $<HTMLButtonElement>('start').disabled = training;
  for (const id of ['saveDownload', 'saveBrowser'])
    $<HTMLButtonElement>(id).disabled = training || !model;
  for (const id of ['loadBrowser', 'loadFiles']) $<HTMLInputElement>(id).disabled = training;
  $<HTMLButtonElement>('pause').disabled = !training;
  $<HTMLButtonElement>('stop').disabled = !training;
  $('pause').textContent = 'Pause';
  paused?.resume();
  paused = undefined;
}

let predicting = false;
async function predictDrawing(): Promise<void> {
  const digit = pad.digit();
  if (!model || predicting || !digit) return;
  predicting = true;
  try {
    const probs = (await model.predict({ data: digit, shape: [1, 784] })).row(0);
    drawProbabilities($('probabilities'), probs, names);
    $('drawPrediction').textContent = `Prediction: ${names[argmax(probs)]}`;
  } catch (err) {
    fail(err);
  } finally {
    predicting = false;
  }
}
const pad = new DrawPad($('drawCanvas'), () => void predictDrawing());

let surface: Awaited<ReturnType<typeof lossSurface>>;

async function descend(): Promise<void> {
  $<HTMLButtonElement>('descend').disabled = true;
  try {
    const path: number[][] = [[1, 1]];
    await gradientDescent(engine, 5000, (step, loss, weights) => {
      path.push(weights);
      if (step % 100 === 99 || step === 4999) {
        drawSurface($('surfaceCanvas'), surface, path);
        $('descentStatus').textContent =
          `step ${step + 1}: loss ${loss.toFixed(5)}, ` +
          `weights (${weights.map((w) => w.toFixed(5)).join(', ')})`;
      }
    });
    $('descentStatus').dataset.done = 'true';
  } catch (err) {
    fail(err);
  } finally {
    $<HTMLButtonElement>('descend').disabled = false;
  }
}

async function main(): Promise<void> {
  engine = await Engine.create();
  result.adapter = engine.adapterName;
  $('adapter').textContent =
    `GPU adapter: ${engine.adapterName}${engine.adapter.isFallback ? ' (software)' : ''}`;
  surface = await lossSurface(engine, 61);
  drawSurface($('surfaceCanvas'), surface, [[1, 1]]);
  $<HTMLButtonElement>('descend').disabled = false;
  const dataset = input('dataset').value as DatasetName;
  names = CLASS_NAMES[dataset];
  data = await fetchDataset(dataset, params.get('data'));
  status(
    'ready',
    `Loaded ${data.train.count} training and ${data.test.count} test images. Press Start.`,
  );
  setButtons(false);
  if (params.get('autostart') === '1') void train();
}

$('start').addEventListener('click', () => void train());
$('stop').addEventListener('click', () => {
  if (model) model.stopTraining = true;
  paused?.resume();
});
$('pause').addEventListener('click', () => {
  if (paused) {
    paused.resume();
    paused = undefined;
    $('pause').textContent = 'Pause';
  } else {
    let resume = () => {};
    const promise = new Promise<void>((r) => (resume = r));
    paused = { promise, resume };
    $('pause').textContent = 'Resume';
  }
});
$('clear').addEventListener('click', () => {
  pad.clear();
  $('probabilities').replaceChildren();
  $('drawPrediction').textContent = '';
});
$('descend').addEventListener('click', () => void descend());

async function useLoaded(source: string | File[]): Promise<void> {
  try {
    const loaded = await loadModel(source, { engine });
    if (loaded.inputWidth !== 784 || loaded.outputWidth !== 10) {
      loaded.dispose();
      throw new Error(
        `the model maps ${loaded.inputWidth} inputs to ${loaded.outputWidth} outputs; expected 784 -> 10`,
      );
    }
    loaded.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    model?.dispose();
    model = loaded;
    const test = firstSamples(data.test, testCount);
    const set = new ByteImageDataset(engine, { ...test, features: 784, classes: 10 }, 'test');
    const logs = await model.evaluate(set, undefined, { batchSize: 250 });
    set.dispose();
    result.testAccuracy = logs.accuracy;
    $('testAccuracy').textContent =
      `test accuracy ${(logs.accuracy * 100).toFixed(2)}% on ${test.count} test images`;
    await refreshViews(test);
    status(
      'done',
      `Loaded model "${model.name}": test accuracy ${(logs.accuracy * 100).toFixed(2)}%.`,
    );
    setButtons(false);
  } catch (err) {
    fail(err);
  }
}

$('saveDownload').addEventListener(
  'click',
  () => void model?.save('downloads://webgpu-nn-mnist').catch(fail),
);
$('saveBrowser').addEventListener(
  'click',
  () =>
    void model
      ?.save('indexeddb://webgpu-nn-mnist')
      .then(() => status('done', 'Model kept in this browser (IndexedDB).'), fail),
);
$('loadBrowser').addEventListener('click', () => void useLoaded('indexeddb://webgpu-nn-mnist'));
$('loadFiles').addEventListener('change', () => {
  const files = $<HTMLInputElement>('loadFiles').files;
  if (files?.length) void useLoaded(Array.from(files));
});
$('dataset').addEventListener('change', () => {
  params.set('dataset', input('dataset').value);
  location.search = params.toString();
});
main().catch(fail);
