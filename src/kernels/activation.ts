// Activation kernel: y = f(x), and dx = dy * f'(x) for the backward pass.
import type { Engine } from '../engine/engine';
import { InputError } from '../engine/errors';
import type { Recorder } from '../engine/recorder';
import type { Tensor } from '../engine/tensor';
import activationFns from '../shaders/activation_fns.wgsl?raw';
import source from '../shaders/activation.wgsl?raw';
import { activationParams, type ActivationSpec } from './activation-codes';
import { packUniforms } from './uniforms';

const kernel = { name: 'activation', code: activationFns + source };
const WG = 256;

function check(name: string, a: Tensor, b: Tensor): void {
  if (a.size !== b.size)
    throw new InputError(`${name}: [${a.shape}] and [${b.shape}] differ in size`);
}

/** out = f(x), elementwise. */
export function activation(
  r: Recorder,
  engine: Engine,
  x: Tensor,
  out: Tensor,
  spec: ActivationSpec,
): void {
  check('activation', x, out);
  const { code, params } = activationParams(spec);
  r.dispatch({
    kernel,
    constants: { ACT: code, BACKWARD: false },
    uniforms: packUniforms([x.size], params),
    bindings: [x.binding, engine.spare('read'), out.binding],
    workgroups: Math.ceil(x.size / WG),
  });
}

/** dx = dy * f'(x), elementwise, with x the pre-activation. */
export function activationBackward(
  r: Recorder,
  x: Tensor,
  dy: Tensor,
  dx: Tensor,
  spec: ActivationSpec,
): void {
  check('activationBackward', x, dy);
  check('activationBackward', x, dx);
  const { code, params } = activationParams(spec);
  r.dispatch({
    kernel,
    constants: { ACT: code, BACKWARD: true },
    uniforms: packUniforms([x.size], params),
    bindings: [x.binding, dy.binding, dx.binding],
    workgroups: Math.ceil(x.size / WG),
  });
}
