// Loss kernels: each sample's loss, and the gradient of the batch mean w.r.t. the prediction.
import { InputError } from '../engine/errors';
import type { Recorder } from '../engine/recorder';
import type { Tensor } from '../engine/tensor';
import activationFns from '../shaders/activation_fns.wgsl?raw';
import source from '../shaders/loss.wgsl?raw';
import { isSparse, LOSSES, type LossName } from './loss-codes';
import { packUniforms } from './uniforms';

const code = activationFns + source;
const valueKernel = { name: 'loss_value', code, entry: 'value' };
const gradientKernel = { name: 'loss_gradient', code, entry: 'gradient' };
const WG = 64;
/** loss.wgsl's code for categorical crossentropy through a softmax, w.r.t. the logits. */
const SOFTMAX_CCE = 100;

function shapes(loss: LossName, pred: Tensor, truth: Tensor): [number, number] {
  const cols = pred.shape[pred.shape.length - 1];
  const rows = pred.size / cols;
  const expected = isSparse(loss) ? rows : pred.size;
  if (truth.size !== expected) {
    throw new InputError(
      `${loss}: target [${truth.shape}] does not match prediction [${pred.shape}]` +
        (isSparse(loss) ? ' (expected one class index per sample)' : ''),
    );
  }
  return [rows, cols];
}

/** perSample[r] = loss of row r; pred: [rows, cols], perSample: [rows]. */
export function lossValue(
  r: Recorder,
  loss: LossName,
  pred: Tensor,
  truth: Tensor,
  perSample: Tensor,
  huberDelta = 1,
): void {
  const [rows, cols] = shapes(loss, pred, truth);
  if (perSample.size !== rows)
    throw new InputError(`${loss}: perSample [${perSample.shape}], expected [${rows}]`);
  r.dispatch({
    kernel: valueKernel,
    constants: { LOSS: LOSSES[loss], SPARSE: isSparse(loss) },
    uniforms: packUniforms([rows, cols], [1, huberDelta]),
    bindings: [pred.binding, truth.binding, perSample.binding],
    workgroups: Math.ceil(rows / WG),
  });
}

/**
 * grad = d(mean over rows of the loss) / d(pred). With `throughSoftmax`, `pred` is the softmax
 * output and grad is w.r.t. the logits (categorical and sparse crossentropy only), which is
 * exact and cheaper than chaining the two backward passes.
 */
export function lossGradient(
  r: Recorder,
  loss: LossName,
  pred: Tensor,
  truth: Tensor,
  grad: Tensor,
  { huberDelta = 1, throughSoftmax = false } = {},
): void {
  const [rows, cols] = shapes(loss, pred, truth);
  if (grad.size !== pred.size)
    throw new InputError(`${loss}: grad [${grad.shape}], expected [${pred.shape}]`);
  if (throughSoftmax && LOSSES[loss] !== 5 && LOSSES[loss] !== 6) {
    throw new InputError(`${loss}: only crossentropy losses fuse with softmax`);
  }
  r.dispatch({
    kernel: gradientKernel,
    constants: { LOSS: throughSoftmax ? SOFTMAX_CCE : LOSSES[loss], SPARSE: isSparse(loss) },
    uniforms: packUniforms([rows, cols], [1 / rows, huberDelta]),
    bindings: [pred.binding, truth.binding, grad.binding],
    workgroups: Math.ceil(rows / WG),
  });
}
