// GPU time alone, from timestamp queries written at the start and end of each compute pass;
// for benchmarks. Available where the adapter has 'timestamp-query' (browsers may round it).
import type { Engine } from './engine';
import type { Recorder } from './recorder';

const MAX_PASSES = 16;

export class GpuTimer {
  private readonly querySet: GPUQuerySet;
  private readonly resolved: GPUBuffer;
  private readonly readback: GPUBuffer;

  /** undefined when the device cannot write timestamps. */
  static create(engine: Engine): GpuTimer | undefined {
    return engine.device.features.has('timestamp-query') ? new GpuTimer(engine) : undefined;
  }

  private constructor(private readonly engine: Engine) {
    const { device } = engine;
    this.querySet = device.createQuerySet({
      label: 'timer.queries',
      type: 'timestamp',
      count: 2 * MAX_PASSES,
    });
    const bytes = 2 * MAX_PASSES * 8;
    this.resolved = device.createBuffer({
      label: 'timer.resolved',
      size: bytes,
      usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
    });
    this.readback = device.createBuffer({
      label: 'timer.readback',
      size: bytes,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
  }

  /** Runs `fn` as one submission and returns the GPU time of its compute passes, in ms. */
  async time(label: string, fn: (r: Recorder) => void): Promise<number> {
    let passes = 0;
    this.engine.run(
      label,
      (r) => {
        fn(r);
        passes = Math.min(r.passCount, MAX_PASSES);
        r.resolveTimestamps(this.resolved);
        r.copy(
          { buffer: this.resolved, offset: 0, size: passes * 16 },
          { buffer: this.readback, offset: 0, size: passes * 16 },
        );
      },
      this.querySet,
    );
    if (passes === 0) return 0;
    await this.readback.mapAsync(GPUMapMode.READ, 0, passes * 16);
    const t = new BigInt64Array(this.readback.getMappedRange(0, passes * 16).slice(0));
    this.readback.unmap();
    this.engine.check();
    let ns = 0n;
    for (let i = 0; i < passes; i++) ns += t[2 * i + 1] - t[2 * i];
    return Number(ns) / 1e6;
  }

  destroy(): void {
    this.querySet.destroy();
    this.resolved.destroy();
    this.readback.destroy();
  }
}
