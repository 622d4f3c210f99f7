// ParameterArena: every weight of a model in one buffer (and every gradient in a second), each
// weight starting on the device's offset alignment, so one optimizer dispatch updates them all.
import type { Engine } from '../engine/engine';
import { Tensor } from '../engine/tensor';

export interface Placement {
  shape: number[];
  /** Offset in floats. */
  offset: number;
  size: number;
}

export class ParameterArena {
  readonly params: Tensor;
  readonly grads: Tensor;
  /** Floats in the arena, padding included. */
  readonly length: number;

  constructor(
    readonly engine: Engine,
    readonly placements: Placement[],
    label: string,
  ) {
    const last = placements[placements.length - 1];
    this.length = Math.max(4, last ? last.offset + last.size : 0);
    this.params = engine.zeros([this.length], `${label}.params`);
    // Padding between weights must hold zero gradients, so the optimizer leaves it alone.
    this.grads = engine.zeros([this.length], `${label}.grads`);
  }

  /** Lays weights of these shapes out with offsets aligned to `alignBytes`. */
  static layout(shapes: number[][], alignBytes: number): Placement[] {
    const align = alignBytes / 4;
    let offset = 0;
    return shapes.map((shape) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const p = { shape, offset, size };
      offset += Math.ceil(size / align) * align;
      return p;
    });
  }

  view(t: Tensor, p: Placement): Tensor {
    return new Tensor(this.engine, p.shape, t.buffer, 'f32', t.offset + p.offset * 4, false);
  }

  weightViews(): Tensor[] {
    return this.placements.map((p) => this.view(this.params, p));
  }

  gradViews(): Tensor[] {
    return this.placements.map((p) => this.view(this.grads, p));
  }

  /** Writes one weight's values (host to GPU, no read-back). */
  write(index: number, values: Float32Array<ArrayBuffer>): void {
    const p = this.placements[index];
    this.engine.device.queue.writeBuffer(
      this.params.buffer,
      this.params.offset + p.offset * 4,
      values,
    );
  }

  /** Reads every weight back in one copy. */
  async read(): Promise<Float32Array[]> {
    const all = await this.params.read();
    return this.placements.map((p) => all.slice(p.offset, p.offset + p.size));
  }

  dispose(): void {
    this.params.dispose();
    this.grads.dispose();
  }
}
