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

/** x and y from host matrices, uploaded once as f32. */
export class ArrayDataset implements GpuDataset {
  readonly size: number;
  readonly xWidth: number;
  readonly yWidth: number;
  private readonly x: Tensor;
  private readonly y: Tensor;

  constructor(engine: Engine, x: Matrix, y: Matrix, label = 'dataset') {
    if (x.rows !== y.rows) {
      throw new InputError(`fit: x has ${x.rows} samples but y has ${y.rows}; they must match`);
    }
    this.size = x.rows;
    this.xWidth = x.cols;
    this.yWidth = y.cols;
    this.x = engine.tensor(x.data, x.shape, `${label}.x`);
    this.y = engine.tensor(y.data, y.shape, `${label}.y`);
  }

  gather(r: Recorder, order: Tensor, start: number, x: Tensor, y: Tensor): void {
    gatherRows(r, this.x, order, start, x);
    gatherRows(r, this.y, order, start, y);
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

  constructor(engine: Engine, private readonly d: ByteImages, label = 'images') {
    this.size = d.labels.length;
    if (d.images.length !== this.size * d.features) {
      throw new InputError(`${label}: ${d.images.length} bytes are not ${this.size} samples of ${d.features}`);
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
    gatherBatch(r, { images: this.images, labels: this.labels, order, table: this.table, start,
      batch: x.shape[0], features: this.d.features, classes: this.d.classes, x, y });
  }

  dispose(): void {
    this.images.dispose();
    this.labels.dispose();
    this.table.dispose();
  }
}
