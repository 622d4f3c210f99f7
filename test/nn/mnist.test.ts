import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mnistModel } from '../../examples/mnist-model';
import { FILES, firstSamples, loadMnist } from '../../src/data/mnist';
import { ByteImageDataset } from '../../src/nn/dataset';
import { setRandomSeed } from '../../src/nn/initializers';
import { clearSession } from '../../src/nn/names';
import { testEngine } from '../helpers/engine';

const dir = resolve(process.env.MNIST_DIR ?? '../shared/data/mnist');

describe.skipIf(!existsSync(resolve(dir, FILES.trainImages)))(
  `MNIST (from ${dir}; skipped when absent)`,
  () => {
    it('the lesson network reaches 92% test accuracy after 2 epochs on 10,000 images', async () => {
      clearSession();
      setRandomSeed(1);
      const engine = await testEngine();
      const m = await loadMnist(async (f) => new Uint8Array(readFileSync(resolve(dir, f))));
      const train = new ByteImageDataset(engine, {
        ...firstSamples(m.train, 10_000),
        features: 784,
        classes: 10,
      });
      const test = new ByteImageDataset(engine, { ...m.test, features: 784, classes: 10 });
      const model = mnistModel(engine);
      const history = await model.fit(train, undefined, { epochs: 2, batchSize: 128, seed: 2 });
      expect(history.history.loss[1]).toBeLessThan(history.history.loss[0]);
      const logs = await model.evaluate(test, undefined, { batchSize: 1000 });
      expect(logs.accuracy).toBeGreaterThanOrEqual(0.92);
      [model, train, test].forEach((x) => x.dispose());
    });
  },
);
