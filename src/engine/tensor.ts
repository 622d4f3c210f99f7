// Tensor: a shape plus the GPU buffer (or a range of one) that holds its values, row-major.
import type { Engine } from './engine';

export type DType = 'f32' | 'u32';

/** A range of a buffer, as a kernel binds it. */
export interface Binding {
  buffer: GPUBuffer;
  offset: number;
  size: number;
}

export class Tensor {
  private disposed = false;

  constructor(
    readonly engine: Engine,
    readonly shape: readonly number[],
    readonly buffer: GPUBuffer,
    readonly dtype: DType = 'f32',
    /** Byte offset into `buffer`; views of a larger buffer have one. */
    readonly offset = 0,
    /** Whether dispose() gives the buffer back; false for views. */
    private readonly owned = true,
  ) {}

  /** Number of elements. */
  get size(): number {
    return this.shape.reduce((a, b) => a * b, 1);
  }

  get byteLength(): number {
    return this.size * 4;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  get binding(): Binding {
    this.assertLive();
    return { buffer: this.buffer, offset: this.offset, size: Math.max(4, this.byteLength) };
  }

  /** The same memory under another shape of the same size. Disposing the view frees nothing. */
  reshape(shape: readonly number[]): Tensor {
    const size = shape.reduce((a, b) => a * b, 1);
    if (size !== this.size) {
      throw new Error(`reshape: [${this.shape}] has ${this.size} elements, [${shape}] has ${size}`);
    }
    return new Tensor(this.engine, shape, this.buffer, this.dtype, this.offset, false);
  }

  /** Copies the values back from the GPU. */
  read(): Promise<Float32Array> {
    this.assertLive();
    return this.engine.read(this);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.owned) this.engine.releaseTensor(this.buffer);
  }

  assertLive(): void {
    if (this.disposed)
      throw new Error(`tensor "${this.buffer.label}" [${this.shape}] was disposed`);
  }
}
