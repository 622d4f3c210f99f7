// The benchmark suite: each figure timed on every engine, runs alternated between engines,
// median and spread of the runs after a warm-up. Runs in a page and, for this engine, in Node.

export type Figure = 'matmul' | 'trainStep' | 'epoch' | 'predict';
export type EngineName = 'webgpu-nn' | 'tfjs-webgpu' | 'tfjs-wasm' | 'tfjs-cpu';

export interface BenchRecord {
  figure: Figure;
  /** Matrix side, batch size or sample count. */
  size: number;
  engine: EngineName;
  median: number;
  min: number;
  max: number;
  unit: 'GFLOP/s' | 'ms' | 'images/s';
}

export interface BenchConfig {
  matmul: number[];
  trainStep: number[];
  epochSamples: number;
  predictSamples: number;
  runs: number;
}

export const FULL: BenchConfig = {
  matmul: [256, 512, 1024, 2048],
  trainStep: [32, 128, 512],
  epochSamples: 10_000,
  predictSamples: 2_000,
  runs: 5,
};
export const QUICK: BenchConfig = {
  matmul: [128, 256],
  trainStep: [32],
  epochSamples: 512,
  predictSamples: 256,
  runs: 3,
};

/** One engine's way of doing one figure at one size: prepare once, then time run(). */
export interface Task {
  run(): Promise<void>;
  /** GPU time alone of one run in ms, where the engine can measure it (timestamp queries). */
  gpu?(): Promise<number | undefined>;
  dispose(): void;
}

export interface Contender {
  name: EngineName;
  /** Makes this engine current (TF.js switches backend). */
  activate(): Promise<void>;
  task(figure: Figure, size: number): Promise<Task>;
}

/** MNIST-shaped data for the training figures: u8 images [n, 784] and labels [n]. */
export interface BenchData {
  images: Uint8Array;
  labels: Uint8Array;
}

const UNITS: Record<Figure, BenchRecord['unit']> = {
  matmul: 'GFLOP/s',
  trainStep: 'ms',
  epoch: 'ms',
  predict: 'images/s',
};

function value(figure: Figure, size: number, ms: number): number {
  if (figure === 'matmul') return (2 * size ** 3) / ms / 1e6;
  if (figure === 'predict') return (size * 1000) / ms;
  return ms;
}

export function figuresOf(c: BenchConfig): [Figure, number][] {
  return [
    ...c.matmul.map((s) => ['matmul', s] as [Figure, number]),
    ...c.trainStep.map((s) => ['trainStep', s] as [Figure, number]),
    ['epoch', c.epochSamples],
    ['predict', c.predictSamples],
  ];
}

export interface SuiteResult {
  /** Wall time, read-back included. */
  records: BenchRecord[];
  /** GPU time alone, for the engines and figures that can measure it. */
  gpu: BenchRecord[];
}

function summarize(figure: Figure, size: number, engine: EngineName, ms: number[]): BenchRecord {
  const values = ms.map((t) => value(figure, size, t)).sort((a, b) => a - b);
  return {
    figure,
    size,
    engine,
    median: values[values.length >> 1],
    min: values[0],
    max: values[values.length - 1],
    unit: UNITS[figure],
  };
}

/** Times every figure on every contender; `progress` hears about each one done. */
export async function runSuite(
  contenders: Contender[],
  config: BenchConfig,
  progress: (done: number, total: number, what: string) => void = () => {},
): Promise<SuiteResult> {
  const records: BenchRecord[] = [];
  const gpu: BenchRecord[] = [];
  const figures = figuresOf(config);
  let done = 0;
  for (const [figure, size] of figures) {
    const tasks: [Contender, Task][] = [];
    for (const c of contenders) {
      await c.activate();
      const task = await c.task(figure, size);
      await task.run(); // warm-up: compiles pipelines, uploads data
      tasks.push([c, task]);
    }
    const times = new Map<EngineName, number[]>();
    for (let i = 0; i < config.runs; i++) {
      for (const [c, task] of tasks) {
        await c.activate();
        const t0 = performance.now();
        await task.run();
        (times.get(c.name) ?? times.set(c.name, []).get(c.name)!).push(performance.now() - t0);
      }
    }
    for (const [c, task] of tasks) {
      await c.activate();
      const gpuMs: number[] = [];
      for (let i = 0; task.gpu && i < config.runs; i++) {
        const ms = await task.gpu();
        if (ms !== undefined && ms > 0) gpuMs.push(ms);
      }
      if (gpuMs.length) gpu.push(summarize(figure, size, c.name, gpuMs));
      task.dispose();
      records.push(summarize(figure, size, c.name, times.get(c.name)!));
    }
    progress(++done, figures.length, `${figure} ${size}`);
  }
  return { records, gpu };
}

/** How many times better this engine is than `peer` on a record pair (> 1: this engine wins). */
export function ratio(ours: BenchRecord, peer: BenchRecord): number {
  return ours.unit === 'ms' ? peer.median / ours.median : ours.median / peer.median;
}
