// Reduction kernels: column sums, a total, and counts of correct predictions.
import type { Recorder } from '../engine/recorder';
import type { Tensor } from '../engine/tensor';
import { InputError } from '../engine/errors';
import accuracySource from '../shaders/accuracy.wgsl?raw';
import source from '../shaders/reduce.wgsl?raw';
import { packUniforms } from './uniforms';

const columnSumsKernel = { name: 'column_sums', code: source, entry: 'column_sums' };
const totalSumKernel = { name: 'total_sum', code: source, entry: 'total_sum' };
const accuracyKernel = { name: 'accuracy', code: accuracySource };
const WG = 64;

/** out[c] = scale * sum_r x[r, c] (+ out[c] when accumulate); x: [rows, cols], out: [cols]. */
export function columnSums(
  r: Recorder,
  x: Tensor,
  out: Tensor,
  scale = 1,
  accumulate = false,
): void {
  const cols = x.shape[x.shape.length - 1];
  if (out.size !== cols)
    throw new InputError(`columnSums: out [${out.shape}] does not match [${x.shape}]`);
  r.dispatch({
    kernel: columnSumsKernel,
    constants: { ACCUMULATE: accumulate },
    uniforms: packUniforms([x.size / cols, cols, 0], [scale]),
    bindings: [x.binding, out.binding],
    workgroups: Math.ceil(cols / WG),
  });
}

/** out[index] = scale * sum(x) (+ out[index] when accumulate). */
export function totalSum(
  r: Recorder,
  x: Tensor,
  out: Tensor,
  { scale = 1, index = 0, accumulate = false } = {},
): void {
  if (index >= out.size) throw new InputError(`totalSum: index ${index} outside [${out.shape}]`);
  r.dispatch({
    kernel: totalSumKernel,
    constants: { ACCUMULATE: accumulate },
    uniforms: packUniforms([1, x.size, index], [scale]),
    bindings: [x.binding, out.binding],
    workgroups: 1,
  });
}

export const ACCURACY_MODES = { categorical: 0, sparse: 1, binary: 2, exact: 3 } as const;
export type AccuracyMode = keyof typeof ACCURACY_MODES;

/**
 * Adds the number of correct predictions to count[0] (a u32 tensor). Categorical and sparse
 * modes count rows; binary and exact count elements.
 */
export function countCorrect(
  r: Recorder,
  pred: Tensor,
  truth: Tensor,
  count: Tensor,
  mode: AccuracyMode,
): void {
  const cols = pred.shape[pred.shape.length - 1];
  const rows = pred.size / cols;
  const expected = mode === 'sparse' ? rows : pred.size;
  if (truth.size !== expected) {
    throw new InputError(
      `countCorrect: truth [${truth.shape}] does not match pred [${pred.shape}] (${mode})`,
    );
  }
  r.dispatch({
    kernel: accuracyKernel,
    constants: { MODE: ACCURACY_MODES[mode] },
    uniforms: packUniforms([rows, cols]),
    bindings: [pred.binding, truth.binding, count.binding],
    workgroups: Math.ceil(rows / WG),
  });
}
