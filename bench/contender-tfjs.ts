// TensorFlow.js 4.22's side of the benchmark, on one backend: the same figures as
// contender-ours.ts, with the same network, optimizer, loss, batch sizes and data.
import * as tf from '@tensorflow/tfjs';
import type { BenchData, Contender, EngineName, Task } from './suite';

function lessonModel(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.dense({ units: 800, inputShape: [784], activation: 'relu' }));
  m.add(tf.layers.dense({ units: 400, activation: 'relu' }));
  m.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  m.compile({
    optimizer: tf.train.adam(0.001),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return m;
}

function batchOf(data: BenchData, n: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const x = new Float32Array(n * 784);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = i % data.labels.length;
    for (let f = 0; f < 784; f++) x[i * 784 + f] = data.images[s * 784 + f] / 255;
    labels[i] = data.labels[s];
  }
  return {
    x: tf.tensor2d(x, [n, 784]),
    y: tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat() as tf.Tensor2D,
  };
}

export function tfjs(backend: 'webgpu' | 'wasm' | 'cpu', data: BenchData): Contender {
  return {
    name: `tfjs-${backend}` as EngineName,
    async activate() {
      if (tf.getBackend() !== backend) {
        if (!(await tf.setBackend(backend)))
          throw new Error(`TF.js backend ${backend} is not available`);
      }
      await tf.ready();
    },
    async task(figure, size): Promise<Task> {
      if (figure === 'matmul') {
        const a = tf.randomUniform([size, size], -1, 1, 'float32', size);
        const b = tf.randomUniform([size, size], -1, 1, 'float32', size);
        return {
          run: async () => {
            const c = tf.matMul(a, b);
            await c.data();
            c.dispose();
          },
          // tf.time reports kernel time from timestamp queries on the webgpu backend.
          gpu:
            backend === 'webgpu'
              ? async () => {
                  const info = await tf.time(() => tf.matMul(a, b));
                  return typeof info.kernelMs === 'number' ? info.kernelMs : undefined;
                }
              : undefined,
          dispose: () => tf.dispose([a, b]),
        };
      }
      const model = lessonModel();
      const { x, y } = batchOf(
        data,
        figure === 'epoch' ? Math.min(size, data.labels.length) : size,
      );
      const dispose = () => {
        model.dispose();
        tf.dispose([x, y]);
      };
      if (figure === 'trainStep')
        return { run: async () => void (await model.trainOnBatch(x, y)), dispose };
      if (figure === 'epoch') {
        return {
          run: async () => void (await model.fit(x, y, { epochs: 1, batchSize: 128, verbose: 0 })),
          dispose,
        };
      }
      return {
        run: async () => {
          const p = model.predict(x, { batchSize: 128 }) as tf.Tensor;
          await p.data();
          p.dispose();
        },
        dispose,
      };
    },
  };
}
