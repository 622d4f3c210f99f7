// This engine's side of the benchmark: matmul with read-back, the lesson network's training
// step (trainOnBatch), an epoch of fit over u8 images on the GPU, and predict.
import { mnistModel } from '../examples/mnist-model';
import type { Engine } from '../src/engine/engine';
import { GpuTimer } from '../src/engine/gpu-timer';
import { matmul } from '../src/kernels/matmul';
import { ByteImageDataset } from '../src/nn/dataset';
import { Random } from '../src/nn/random';
import type { BenchData, Contender, Task } from './suite';

function batchOf(data: BenchData, n: number) {
  const x = new Float32Array(n * 784);
  const y = new Float32Array(n * 10);
  for (let i = 0; i < n; i++) {
    const s = i % data.labels.length;
    for (let f = 0; f < 784; f++) x[i * 784 + f] = data.images[s * 784 + f] / 255;
    y[i * 10 + data.labels[s]] = 1;
  }
  return { x: { data: x, shape: [n, 784] }, y: { data: y, shape: [n, 10] } };
}

export function ours(engine: Engine, data: BenchData): Contender {
  return {
    name: 'webgpu-nn',
    activate: async () => {},
    async task(figure, size): Promise<Task> {
      if (figure === 'matmul') {
        const rng = new Random(size);
        const values = Float32Array.from({ length: size * size }, () => rng.uniform(-1, 1));
        const a = engine.tensor(values, [size, size], 'bench.a');
        const b = engine.tensor(values, [size, size], 'bench.b');
        const c = engine.empty([size, size], 'bench.c');
        const timer = GpuTimer.create(engine);
        return {
          run: async () => {
            engine.run('bench.matmul', (r) => matmul(r, engine, a, b, c));
            await c.read();
          },
          gpu: async () => timer?.time('bench.matmul', (r) => matmul(r, engine, a, b, c)),
          dispose: () => {
            [a, b, c].forEach((t) => t.dispose());
            timer?.destroy();
          },
        };
      }
      const model = mnistModel(engine);
      if (figure === 'trainStep') {
        const { x, y } = batchOf(data, size);
        return {
          run: async () => void (await model.trainOnBatch(x, y)),
          dispose: () => model.dispose(),
        };
      }
      if (figure === 'epoch') {
        const n = Math.min(size, data.labels.length);
        const set = new ByteImageDataset(
          engine,
          {
            images: data.images.subarray(0, n * 784),
            labels: data.labels.subarray(0, n),
            features: 784,
            classes: 10,
          },
          'bench.epoch',
        );
        return {
          run: async () => void (await model.fit(set, undefined, { epochs: 1, batchSize: 128 })),
          dispose: () => {
            model.dispose();
            set.dispose();
          },
        };
      }
      const { x } = batchOf(data, size);
      return {
        run: async () => void (await model.predict(x, { batchSize: 128 })),
        dispose: () => model.dispose(),
      };
    },
  };
}
