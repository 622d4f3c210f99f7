// Records many dispatches into one command encoder and submits them once.
import type { Constants, Kernel } from './pipelines';
import type { Binding } from './tensor';
import type { Engine } from './engine';

export interface Dispatch {
  kernel: Kernel;
  constants?: Constants;
  /** Contents of the uniform buffer at binding 0, if the kernel has one. */
  uniforms?: ArrayBuffer;
  /** Storage buffers at bindings 1, 2, ... in order; undefined for one the entry point does not use. */
  bindings: (Binding | undefined)[];
  /**
   * Workgroups to launch. A 1-D count over the device's per-dimension limit is split into
   * [limit, ceil(count / limit)]; kernels then index by `wid.x + wid.y * nwg.x`.
   */
  workgroups: number | [number, number] | [number, number, number];
}

export class Recorder {
  private readonly encoder: GPUCommandEncoder;
  private pass: GPUComputePassEncoder | undefined;
  private readonly uniformBuffers: GPUBuffer[] = [];
  private readonly kernels = new Set<string>();

  private passes = 0;

  constructor(
    private readonly engine: Engine,
    readonly label: string,
    private readonly timestamps?: GPUQuerySet,
  ) {
    this.encoder = engine.device.createCommandEncoder({ label });
  }

  /** Compute passes begun so far; with timestamps, pass i wrote queries 2i and 2i + 1. */
  get passCount(): number {
    return this.passes;
  }

  dispatch(d: Dispatch): void {
    const { device, pipelines } = this.engine;
    const pipeline = pipelines.get(d.kernel, d.constants);
    const entries: GPUBindGroupEntry[] = [];
    if (d.uniforms) {
      const buffer = this.engine.acquireBuffer(
        d.uniforms.byteLength,
        GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
        `${d.kernel.name}.uniforms`,
      );
      device.queue.writeBuffer(buffer, 0, d.uniforms);
      this.uniformBuffers.push(buffer);
      entries.push({ binding: 0, resource: { buffer } });
    }
    d.bindings.forEach((b, i) => {
      if (b)
        entries.push({
          binding: i + 1,
          resource: { buffer: b.buffer, offset: b.offset, size: b.size },
        });
    });
    const bindGroup = device.createBindGroup({
      label: d.kernel.name,
      layout: pipeline.getBindGroupLayout(0),
      entries,
    });
    this.pass ??= this.beginPass();
    this.pass.setPipeline(pipeline);
    this.pass.setBindGroup(0, bindGroup);
    const [x, y, z] = this.grid(d.workgroups);
    this.pass.dispatchWorkgroups(x, y, z);
    this.kernels.add(d.kernel.name);
  }

  /** Copies `size` bytes between buffers, in order with the dispatches around it. */
  copy(src: Binding, dst: Binding, size = src.size): void {
    this.endPass();
    this.encoder.copyBufferToBuffer(src.buffer, src.offset, dst.buffer, dst.offset, size);
  }

  /** Sets a range to zero. */
  clear(b: Binding): void {
    this.endPass();
    this.encoder.clearBuffer(b.buffer, b.offset, Math.ceil(b.size / 4) * 4);
  }

  /** Finishes the encoder and submits it; the recorder cannot be used afterwards. */
  submit(): GPUCommandBuffer {
    this.endPass();
    const commands = this.encoder.finish({ label: this.label });
    this.engine.device.queue.submit([commands]);
    // Later writes to these buffers are queued after this submission, so reuse is safe.
    for (const b of this.uniformBuffers) this.engine.releaseBuffer(b);
    this.uniformBuffers.length = 0;
    return commands;
  }

  /** Kernels recorded so far, for error messages. */
  get kernelNames(): string[] {
    return [...this.kernels];
  }

  private beginPass(): GPUComputePassEncoder {
    const i = this.passes++;
    const timed = this.timestamps && 2 * i + 1 < this.timestamps.count;
    return this.encoder.beginComputePass({
      label: this.label,
      ...(timed
        ? {
            timestampWrites: {
              querySet: this.timestamps!,
              beginningOfPassWriteIndex: 2 * i,
              endOfPassWriteIndex: 2 * i + 1,
            },
          }
        : {}),
    });
  }

  /** Resolves the timestamps written so far into `dst` (u64 each), after the passes. */
  resolveTimestamps(dst: GPUBuffer): void {
    this.endPass();
    if (this.timestamps && this.passes) {
      this.encoder.resolveQuerySet(
        this.timestamps,
        0,
        Math.min(2 * this.passes, this.timestamps.count),
        dst,
        0,
      );
    }
  }

  private endPass(): void {
    this.pass?.end();
    this.pass = undefined;
  }

  private grid(w: Dispatch['workgroups']): [number, number, number] {
    const max = this.engine.limits.maxComputeWorkgroupsPerDimension;
    if (typeof w === 'number') {
      if (w <= max) return [Math.max(1, w), 1, 1];
      const y = Math.ceil(w / max);
      if (y > max) throw new Error(`dispatch of ${w} workgroups exceeds ${max}² workgroups`);
      return [max, y, 1];
    }
    const [x, y = 1, z = 1] = w;
    for (const n of [x, y, z]) {
      if (n > max) throw new Error(`dispatch [${w}] exceeds ${max} workgroups in one dimension`);
    }
    return [Math.max(1, x), Math.max(1, y), Math.max(1, z)];
  }
}
