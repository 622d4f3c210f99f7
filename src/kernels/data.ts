// Data kernel: a batch gathered by index from a u8 dataset on the GPU, scaled and one-hot.
import { InputError } from '../engine/errors';
import type { Recorder } from '../engine/recorder';
import type { Tensor } from '../engine/tensor';
import source from '../shaders/data.wgsl?raw';
import gatherSource from '../shaders/gather.wgsl?raw';
import { packUniforms } from './uniforms';

const kernel = { name: 'gather_batch', code: source };
const rowsKernel = { name: 'gather_rows', code: gatherSource };
const WG = 256;

/** byte -> f32 of byte / 255, rounded once from the exact quotient. */
export const BYTE_SCALE = Float32Array.from({ length: 256 }, (_, k) => k / 255);

export interface GatherArgs {
  /** u8 samples packed into u32 words: [samples, features] bytes. */
  images: Tensor;
  /** u8 labels packed into u32 words: [samples] bytes. */
  labels: Tensor;
  /** u32 sample index per position. */
  order: Tensor;
  /** BYTE_SCALE uploaded: [256]. */
  table: Tensor;
  start: number;
  batch: number;
  features: number;
  /** One-hot width; 0 writes the label value itself. */
  classes: number;
  x: Tensor;
  y: Tensor;
}

export function gatherBatch(r: Recorder, g: GatherArgs): void {
  if (g.start + g.batch > g.order.size) {
    throw new InputError(
      `gatherBatch: positions ${g.start}..${g.start + g.batch} exceed the order (${g.order.size})`,
    );
  }
  if (g.x.size !== g.batch * g.features) throw new InputError(`gatherBatch: x is [${g.x.shape}]`);
  if (g.y.size !== g.batch * Math.max(1, g.classes))
    throw new InputError(`gatherBatch: y is [${g.y.shape}]`);
  const width = Math.max(g.features, g.classes, 1);
  r.dispatch({
    kernel,
    uniforms: packUniforms([g.batch, g.features, g.classes, g.start]),
    bindings: [
      g.images.binding,
      g.labels.binding,
      g.order.binding,
      g.table.binding,
      g.x.binding,
      g.y.binding,
    ],
    workgroups: Math.ceil((g.batch * width) / WG),
  });
}

/**
 * out[r, :] = src[order[start + r], :] for r < out.shape[0], where src holds samples
 * [first, first + src.shape[0]); rows whose sample lies elsewhere are left as they are.
 */
export function gatherRows(
  r: Recorder,
  src: Tensor,
  order: Tensor,
  start: number,
  out: Tensor,
  first = 0,
): void {
  const [rows, width] = out.shape;
  if (src.shape[1] !== width)
    throw new InputError(`gatherRows: src [${src.shape}] vs out [${out.shape}]`);
  if (start + rows > order.size)
    throw new InputError(`gatherRows: ${start}+${rows} exceeds the order (${order.size})`);
  r.dispatch({
    kernel: rowsKernel,
    uniforms: packUniforms([rows, width, start, first, src.shape[0]]),
    bindings: [src.binding, order.binding, out.binding],
    workgroups: Math.ceil((rows * width) / WG),
  });
}
