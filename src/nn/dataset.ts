// Training data held on the GPU, from which each batch is gathered there by a shuffled index.
import type { Engine } from '../engine/engine';
import { InputError } from '../engine/errors';
import type { Recorder } from '../engine/recorder';
import type { Tensor } from '../engine/tensor';
import { BYTE_SCALE, gatherBatch, gatherRows } from '../kernels/data';
import type { Matrix } from './matrix';

export interface GpuDataset {
  readonly size: number;
  /** Values per sample of x. */
  readonly xWidth: number;
  /** Values per sample of y: classes for one-hot targets, 1 for labels or one output. */
  readonly yWidth: number;
  /** Records x = inputs[order[start ..]], y likewise, for x.shape[0] samples. */
  gather(r: Recorder, order: Tensor, start: number, x: Tensor, y: Tensor): void;
  dispose(): void;
}

/** Rows of a host matrix on the GPU in chunks, each small enough for one storage binding. */
class RowChunks {
  private readonly chunks: { first: number; t: Tensor }[] = [];

  constructor(
    engine: Engine,
    m: Matrix,
    label: string,
    maxBytes = engine.limits.maxStorageBufferBindingSize,
  ) {
    const rowsPerChunk = Math.max(1, Math.floor(maxBytes / (m.cols * 4)));
    for (let first = 0; first < m.rows; first += rowsPerChunk) {
      const rows = Math.min(rowsPerChunk, m.rows - first);
      const data = m.data.subarray(first * m.cols, (first + rows) * m.cols);
      this.chunks.push({ first, t: engine.tensor(data, [rows, m.cols], `${label}[${first}..]`) });
    }
  }

  get count(): number {
    return this.chunks.length;
  }

  gather(r: Recorder, order: Tensor, start: number, out: Tensor): void {
    for (const c of this.chunks) gatherRows(r, c.t, order, start, out, c.first);
  }

  dispose(): void {
    for (const c of this.chunks) c.t.dispose();
  }
}

/**
 * x and y from host matrices, uploaded once as f32. A set over the adapter's storage binding
 * size (MNIST as f32 is 188 MB; the default limit is 128 MiB) is split into chunks of rows.
 */
export class ArrayDataset implements GpuDataset {
  readonly size: number;
  readonly xWidth: number;
  readonly yWidth: number;
  private readonly x: RowChunks;
  private readonly y: RowChunks;

  constructor(engine: Engine, x: Matrix, y: Matrix, label = 'dataset', maxChunkBytes?: number) {
    if (x.rows !== y.rows) {
      throw new InputError(`fit: x has ${x.rows} samples but y has ${y.rows}; they must match`);
    }
    this.size = x.rows;
    this.xWidth = x.cols;
    this.yWidth = y.cols;
    this.x = new RowChunks(engine, x, `${label}.x`, maxChunkBytes);
    this.y = new RowChunks(engine, y, `${label}.y`, maxChunkBytes);
  }

  /** Chunks x is held in (1 unless it exceeds one binding). */
  get chunks(): number {
    return this.x.count;
  }

  gather(r: Recorder, order: Tensor, start: number, x: Tensor, y: Tensor): void {
    this.x.gather(r, order, start, x);
    this.y.gather(r, order, start, y);
  }

  dispose(): void {
    this.x.dispose();
    this.y.dispose();
  }
}

export interface ByteImages {
  /** u8 pixels, [count, features]. */
  images: Uint8Array;
  /** u8 class labels, [count]. */
  labels: Uint8Array;
  features: number;
  /** One-hot width of y; 0 gives y as the label value (for sparse losses). */
  classes: number;
}

/**
 * u8 images and labels (MNIST's layout) kept as bytes on the GPU, a quarter of their f32
 * size; each batch is scaled by 1/255 and one-hot encoded in the gather kernel.
 */
export class ByteImageDataset implements GpuDataset {
  readonly size: number;
  readonly xWidth: number;
  readonly yWidth: number;
  private readonly images: Tensor;
  private readonly labels: Tensor;
  private readonly table: Tensor;

  constructor(
    engine: Engine,
    private readonly d: ByteImages,
    label = 'images',
  ) {
    this.size = d.labels.length;
    if (d.images.length !== this.size * d.features) {
      throw new InputError(
        `${label}: ${d.images.length} bytes are not ${this.size} samples of ${d.features}`,
      );
    }
    const top = d.labels.reduce((a, b) => Math.max(a, b), 0);
    if (d.classes > 0 && top >= d.classes) {
      throw new InputError(`${label}: label ${top} is out of range for ${d.classes} classes`);
    }
    this.xWidth = d.features;
    this.yWidth = Math.max(1, d.classes);
    this.images = engine.bytes(d.images, `${label}.images`);
    this.labels = engine.bytes(d.labels, `${label}.labels`);
    this.table = engine.tensor(BYTE_SCALE, [256], `${label}.scale`);
  }

  gather(r: Recorder, order: Tensor, start: number, x: Tensor, y: Tensor): void {
    gatherBatch(r, {
      images: this.images,
      labels: this.labels,
      order,
      table: this.table,
      start,
      batch: x.shape[0],
      features: this.d.features,
      classes: this.d.classes,
      x,
      y,
    });
  }

  dispose(): void {
    this.images.dispose();
    this.labels.dispose();
    this.table.dispose();
  }
}
