// `npm run train`: the lesson's MNIST network trained on the GPU through WebGPU, in Node (Dawn)
// or, with --browser, in headless Chromium through the demo page.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { mnistModel } from '../examples/mnist-model';
import { CLASS_NAMES, firstSamples, loadMnist, type DatasetName } from '../src/data/mnist';
import { Engine } from '../src/engine/engine';
import { ByteImageDataset } from '../src/nn/dataset';
import { setRandomSeed } from '../src/nn/initializers';
import { dataDir, fileReader } from './mnist-files';

const { values: opts } = parseArgs({
  options: {
    epochs: { type: 'string', default: '15' },
    'batch-size': { type: 'string', default: '128' },
    limit: { type: 'string' },
    dataset: { type: 'string', default: 'mnist' },
    data: { type: 'string' },
    seed: { type: 'string' },
    'learning-rate': { type: 'string', default: '0.001' },
    save: { type: 'string' },
    json: { type: 'boolean', default: false },
    browser: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (opts.help) {
  console.log(`Usage: npm run train -- [options]
  --epochs N          epochs (15)            --batch-size N   batch size (128)
  --limit N           first N training samples (all 60,000)
  --dataset NAME      mnist or fashion       --data DIR       where the IDX files are
  --seed N            reproducible initial weights and shuffling
  --learning-rate X   Adam's learning rate (0.001)
  --save DIR          write the trained model there (TF.js Layers format)
  --json              print one JSON object as the last line
  --browser           train in headless Chromium through the demo page`);
  process.exit(0);
}

function int(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    console.error(`train: --${name} must be an integer >= ${min}, got "${v}"`);
    process.exit(2);
  }
  return n;
}

const dataset = opts.dataset as DatasetName;
if (dataset !== 'mnist' && dataset !== 'fashion') {
  console.error(`train: --dataset must be mnist or fashion, got "${opts.dataset}"`);
  process.exit(2);
}
const epochs = int('epochs', opts.epochs, 0)!;
const batchSize = int('batch-size', opts['batch-size'], 1)!;
const limit = int('limit', opts.limit, 1);
const seed = int('seed', opts.seed, 0);
const learningRate = Number(opts['learning-rate']);

if (opts.browser) {
  const { trainInBrowser } = await import('./train-browser');
  await trainInBrowser({
    dataset,
    epochs,
    batchSize,
    limit,
    seed,
    learningRate,
    dir: dataDir(dataset, opts.data),
    json: opts.json,
  });
  process.exit(0);
}

const t0 = performance.now();
const data = await loadMnist(fileReader(dataset, dataDir(dataset, opts.data)));
const train = limit ? firstSamples(data.train, limit) : data.train;
if (seed !== undefined) setRandomSeed(seed);

const engine = await Engine.create();
const trainSet = new ByteImageDataset(engine, { ...train, features: 784, classes: 10 }, 'train');
const testSet = new ByteImageDataset(engine, { ...data.test, features: 784, classes: 10 }, 'test');
const model = mnistModel(engine, { learningRate });
console.log(
  `adapter: ${engine.adapterName}; ${dataset}: ${train.count} training and ${data.test.count} ` +
    `test images loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const steps = Math.ceil(train.count / batchSize);
const bar = new cliProgress.SingleBar(
  {
    format:
      'Epoch {epoch} |{bar}| {value}/{total} - loss: {loss} - accuracy: {accuracy} - ETA: {eta}s',
    hideCursor: true,
  },
  cliProgress.Presets.shades_classic,
);
const epochMs: number[] = [];
let epochStart = 0;

await model.fit(trainSet, undefined, {
  epochs,
  batchSize,
  seed,
  callbacks: [
    {
      onEpochBegin: (epoch) => {
        epochStart = performance.now();
        bar.start(steps, 0, { epoch: `${epoch + 1}/${epochs}`, loss: '-', accuracy: '-' });
      },
      onBatchEnd: (step, logs) => {
        bar.update(
          step + 1,
          logs.loss === undefined
            ? {}
            : { loss: logs.loss.toFixed(4), accuracy: logs.accuracy.toFixed(4) },
        );
      },
      onEpochEnd: (epoch, logs) => {
        bar.stop();
        const ms = performance.now() - epochStart;
        epochMs.push(ms);
        console.log(
          `Epoch ${epoch + 1}/${epochs}: ${steps}/${steps} - ${(ms / 1000).toFixed(1)}s ` +
            `(${((ms * 1000) / train.count).toFixed(0)} us/sample) - loss: ${logs.loss.toFixed(4)} - ` +
            `accuracy: ${logs.accuracy.toFixed(4)}`,
        );
      },
    },
  ],
});

const test = await model.evaluate(testSet, undefined, { batchSize: 1000 });
console.log(`test loss: ${test.loss.toFixed(4)} - test accuracy: ${test.accuracy.toFixed(4)}`);
console.log(`epoch times (s): ${epochMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')}`);

// The lesson's check on test image 1024, scaled by 1/255 as the lesson does. (The original t10k file
// labels it 4; the 5 the lesson mentions is training image 1024.)
const image = Float32Array.from(data.test.images.subarray(1024 * 784, 1025 * 784), (v) => v / 255);
const probs = (await model.predict({ data: image, shape: [1, 784] })).row(0);
const digit = probs.indexOf(Math.max(...probs));
console.log(
  `test image 1024 (labelled ${CLASS_NAMES[dataset][data.test.labels[1024]]}): predicted ` +
    `${CLASS_NAMES[dataset][digit]}`,
);
console.log(`  probabilities: ${probs.map((p) => p.toFixed(4)).join(' ')}`);

if (opts.save) {
  await model.save(opts.save);
  console.log(`model written to ${opts.save}/model.json and weights.bin (TF.js Layers format)`);
}
if (opts.json) {
  console.log(
    JSON.stringify({
      dataset,
      epochs,
      trainSamples: train.count,
      batchSize,
      testAccuracy: test.accuracy,
      testLoss: test.loss,
      epochMs: epochMs.map(Math.round),
      adapter: engine.adapterName,
      image1024: { label: data.test.labels[1024], predicted: digit, probabilities: probs },
    }),
  );
}
model.dispose();
trainSet.dispose();
testSet.dispose();
engine.destroy();
