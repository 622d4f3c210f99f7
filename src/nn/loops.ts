// The loops of fit, evaluate and predict: batches recorded one submission each, a bounded
// number in flight, and read-backs only for what is reported.
import type { Engine } from '../engine/engine';
import { InputError } from '../engine/errors';
import type { Tensor } from '../engine/tensor';
import type { Accumulators } from './accumulators';
import { History, type Callback, type Logs } from './callbacks';
import type { GpuDataset } from './dataset';
import { rngFor } from './initializers';
import type { Matrix } from './matrix';
import { BatchBuffers, recordForward, recordTrainStep, type Network, type Training } from './steps';

/** Submissions allowed in flight before the loop waits: keeps the queue and latency bounded. */
const IN_FLIGHT = 3;
/** Least time between two progress read-backs. */
const PROGRESS_MS = 250;

class Throttle {
  private readonly pending: Promise<unknown>[] = [];
  constructor(private readonly engine: Engine) {}
  async submitted(): Promise<void> {
    this.pending.push(this.engine.device.queue.onSubmittedWorkDone());
    if (this.pending.length > IN_FLIGHT) await this.pending.shift();
    this.engine.check();
  }
}

export interface LoopState extends Training {
  buffers: BatchBuffers;
  trainAcc: Accumulators;
  evalAcc: Accumulators;
  outputWidth: number;
  /** Set by a callback to end fit() after the current batch (Keras's stop_training). */
  stopTraining: boolean;
  /** Called with the weights as each epoch ends, so they outlive a lost device. */
  onWeights?: (weights: Float32Array[]) => void;
}

export interface FitOptions {
  batchSize?: number;
  epochs?: number;
  /** 0 silent (the default: the library prints nothing unless asked), 1 a line per epoch. */
  verbose?: 0 | 1;
  shuffle?: boolean;
  /** Fraction of the samples, taken from the end before shuffling, kept for validation. */
  validationSplit?: number;
  validationData?: GpuDataset;
  callbacks?: Callback[];
  /** Seeds the shuffling. */
  seed?: number;
}

export function checkBatchSize(batchSize: number, where: string): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InputError(`${where}: batchSize must be a positive integer, got ${batchSize}`);
  }
}

/** Evaluates positions [start, start + count) of `order` over `data`; means as logs. */
export async function evaluateRange(
  s: LoopState,
  data: GpuDataset,
  order: Tensor,
  start: number,
  count: number,
  batchSize: number,
  prefix = '',
): Promise<Logs> {
  const throttle = new Throttle(s.engine);
  s.engine.run('evaluate.clear', (r) => s.evalAcc.clear(r));
  for (let b = start; b < start + count; b += batchSize) {
    const n = Math.min(batchSize, start + count - b);
    s.engine.run('evaluate.batch', (r) => {
      const x = s.buffers.get('x', [n, data.xWidth]);
      const y = s.buffers.get('y', [n, data.yWidth]);
      data.gather(r, order, b, x, y);
      const { output } = recordForward({ r, engine: s.engine, batch: n }, s.layers, x);
      s.evalAcc.add(r, output, y, s.buffers.get('perSample', [n]));
    });
    await throttle.submitted();
  }
  return s.evalAcc.read(count, s.outputWidth, prefix);
}

export async function fitLoop(s: LoopState, data: GpuDataset, o: FitOptions): Promise<History> {
  const { batchSize = 32, epochs = 1, shuffle = true, validationSplit = 0, callbacks = [] } = o;
  checkBatchSize(batchSize, 'fit');
  if (!Number.isInteger(epochs) || epochs < 0)
    throw new InputError(`fit: epochs must be an integer >= 0, got ${epochs}`);
  if (!(validationSplit >= 0 && validationSplit < 1)) {
    throw new InputError(`fit: validationSplit must be in [0, 1), got ${validationSplit}`);
  }
  const nTrain = Math.floor(data.size * (1 - validationSplit));
  if (nTrain < 1)
    throw new InputError(`fit: validationSplit ${validationSplit} leaves no training samples`);
  const engine = s.engine;
  const rng = rngFor(o.seed);
  const order = engine.empty([data.size], 'fit.order', 'u32');
  const positions = new Uint32Array(data.size);
  for (let i = 0; i < data.size; i++) positions[i] = i;
  engine.device.queue.writeBuffer(order.buffer, 0, positions);
  let valOrder: Tensor | undefined;
  if (o.validationData) {
    valOrder = engine.tensor(
      Uint32Array.from({ length: o.validationData.size }, (_, i) => i),
      [o.validationData.size],
      'fit.validationOrder',
      'u32',
    );
  }

  const history = new History();
  s.stopTraining = false;
  try {
    for (const cb of callbacks) await cb.onTrainBegin?.();
    for (let epoch = 0; epoch < epochs && !s.stopTraining; epoch++) {
      const t0 = performance.now();
      for (const cb of callbacks) await cb.onEpochBegin?.(epoch);
      if (shuffle)
        engine.device.queue.writeBuffer(
          order.buffer,
          0,
          rng.permutation(positions.subarray(0, nTrain)),
        );
      engine.run('fit.clear', (r) => s.trainAcc.clear(r));
      const throttle = new Throttle(engine);
      let latest: Logs = {};
      let lastRead = performance.now();
      let reading = false;
      const steps = Math.ceil(nTrain / batchSize);
      for (let step = 0; step < steps; step++) {
        const start = step * batchSize;
        const n = Math.min(batchSize, nTrain - start);
        engine.run('fit.step', (r) => {
          const x = s.buffers.get('x', [n, data.xWidth]);
          const y = s.buffers.get('y', [n, data.yWidth]);
          data.gather(r, order, start, x, y);
          recordTrainStep(r, s, s.buffers, x, y, s.trainAcc);
        });
        await throttle.submitted();
        const wantsProgress = callbacks.some((cb) => cb.onBatchEnd);
        if (wantsProgress && !reading && performance.now() - lastRead > PROGRESS_MS) {
          reading = true;
          lastRead = performance.now();
          s.trainAcc.read(start + n, s.outputWidth).then(
            (logs) => {
              latest = logs;
              reading = false;
            },
            () => (reading = false),
          );
        }
        for (const cb of callbacks) await cb.onBatchEnd?.(step, latest);
        if (s.stopTraining) break;
      }
      if (s.stopTraining) break;
      const logs = await s.trainAcc.read(nTrain, s.outputWidth);
      if (!Number.isFinite(logs.loss)) {
        throw new Error(
          `fit: loss became ${logs.loss} in epoch ${epoch + 1}; training stopped. ` +
            'Lower the learning rate, or check the data for extreme values.',
        );
      }
      if (nTrain < data.size) {
        Object.assign(
          logs,
          await evaluateRange(s, data, order, nTrain, data.size - nTrain, batchSize, 'val_'),
        );
      } else if (o.validationData && valOrder) {
        Object.assign(
          logs,
          await evaluateRange(
            s,
            o.validationData,
            valOrder,
            0,
            o.validationData.size,
            batchSize,
            'val_',
          ),
        );
      }
      // Kept on the host so that a device lost later leaves the last finished epoch's weights.
      s.onWeights?.(await s.arena.read());
      history.record(epoch, logs);
      if (o.verbose === 1) {
        const secs = ((performance.now() - t0) / 1000).toFixed(1);
        const parts = Object.entries(logs).map(([k, v]) => `${k}: ${v.toFixed(4)}`);
        console.log(
          `Epoch ${epoch + 1}/${epochs}\n${steps}/${steps} - ${secs}s - ${parts.join(' - ')}`,
        );
      }
      for (const cb of callbacks) await cb.onEpochEnd?.(epoch, logs);
    }
    const last = history.epoch.length
      ? Object.fromEntries(Object.entries(history.history).map(([k, v]) => [k, v[v.length - 1]]))
      : {};
    for (const cb of callbacks) await cb.onTrainEnd?.(last);
    return history;
  } finally {
    if (!engine.isLost) {
      order.dispose();
      valOrder?.dispose();
    }
  }
}

/** One training step on a batch given from the host; reads back its loss and metrics. */
export async function trainOnBatchLoop(s: LoopState, x: Matrix, y: Matrix): Promise<Logs> {
  const engine = s.engine;
  const xb = s.buffers.get('x', [x.rows, x.cols]);
  const yb = s.buffers.get('y', [y.rows, y.cols]);
  engine.device.queue.writeBuffer(xb.buffer, xb.offset, x.data as Float32Array<ArrayBuffer>);
  engine.device.queue.writeBuffer(yb.buffer, yb.offset, y.data as Float32Array<ArrayBuffer>);
  engine.run('trainOnBatch', (r) => {
    s.trainAcc.clear(r);
    recordTrainStep(r, s, s.buffers, xb, yb, s.trainAcc);
  });
  return s.trainAcc.read(x.rows, s.outputWidth);
}

/** Forward passes over x in batches; one read-back of the whole output. */
export async function predictLoop(
  net: Network & { buffers: BatchBuffers; outputWidth: number },
  x: Matrix,
  batchSize: number,
): Promise<Tensor> {
  const engine = net.engine;
  const input = engine.tensor(x.data, x.shape, 'predict.x');
  const out = engine.empty([x.rows, net.outputWidth], 'predict.output');
  const throttle = new Throttle(engine);
  try {
    for (let b = 0; b < x.rows; b += batchSize) {
      const n = Math.min(batchSize, x.rows - b);
      engine.run('predict.batch', (r) => {
        const xb = net.buffers.get('x', [n, x.cols]);
        r.copy({ buffer: input.buffer, offset: b * x.cols * 4, size: n * x.cols * 4 }, xb.binding);
        const { output } = recordForward({ r, engine, batch: n }, net.layers, xb);
        r.copy(output.binding, {
          buffer: out.buffer,
          offset: b * net.outputWidth * 4,
          size: output.byteLength,
        });
      });
      await throttle.submitted();
    }
  } finally {
    input.dispose();
  }
  return out;
}
