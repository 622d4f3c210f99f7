// PReLU kernels: the forward pass, the input gradient and the slopes' gradient.
import { InputError } from '../engine/errors';
import type { Recorder } from '../engine/recorder';
import type { Tensor } from '../engine/tensor';
import source from '../shaders/prelu.wgsl?raw';
import { packUniforms } from './uniforms';

const forwardKernel = { name: 'prelu', code: source, entry: 'forward' };
const inputKernel = { name: 'prelu_backward_input', code: source, entry: 'backward_input' };
const alphaKernel = { name: 'prelu_backward_alpha', code: source, entry: 'backward_alpha' };
const WG = 64;

function dims(x: Tensor, alpha: Tensor): [number, number] {
  const cols = x.shape[x.shape.length - 1];
  if (alpha.size !== cols)
    throw new InputError(`prelu: alpha [${alpha.shape}] does not match x [${x.shape}]`);
  return [x.size / cols, cols];
}

/** y = x > 0 ? x : alpha[c] * x; x: [rows, cols], alpha: [cols]. */
export function prelu(r: Recorder, x: Tensor, alpha: Tensor, y: Tensor): void {
  const [rows, cols] = dims(x, alpha);
  r.dispatch({
    kernel: forwardKernel,
    uniforms: packUniforms([rows, cols]),
    bindings: [x.binding, alpha.binding, undefined, y.binding],
    workgroups: Math.ceil(x.size / WG),
  });
}

/** dx = dy * (x > 0 ? 1 : alpha[c]), and dAlpha[c] = sum of dy * x where x <= 0. */
export function preluBackward(
  r: Recorder,
  x: Tensor,
  alpha: Tensor,
  dy: Tensor,
  dx: Tensor | undefined,
  dAlpha: Tensor,
): void {
  const [rows, cols] = dims(x, alpha);
  const uniforms = packUniforms([rows, cols]);
  if (dx) {
    r.dispatch({
      kernel: inputKernel,
      uniforms,
      bindings: [x.binding, alpha.binding, dy.binding, dx.binding],
      workgroups: Math.ceil(x.size / WG),
    });
  }
  r.dispatch({
    kernel: alphaKernel,
    uniforms,
    bindings: [x.binding, undefined, dy.binding, dAlpha.binding],
    workgroups: Math.ceil(cols / WG),
  });
}
