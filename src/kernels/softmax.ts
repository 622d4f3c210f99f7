// Softmax kernel over the last axis, and its backward pass.
import type { Engine } from '../engine/engine';
import { InputError } from '../engine/errors';
import type { Recorder } from '../engine/recorder';
import type { Tensor } from '../engine/tensor';
import source from '../shaders/softmax.wgsl?raw';
import { packUniforms } from './uniforms';

const kernel = { name: 'softmax', code: source };

function rowsCols(t: Tensor): [number, number] {
  const cols = t.shape[t.shape.length - 1] ?? 1;
  return [t.size / cols, cols];
}

/** y = softmax(x) row by row; x: [rows, cols]. */
export function softmax(r: Recorder, engine: Engine, x: Tensor, y: Tensor): void {
  if (x.size !== y.size)
    throw new InputError(`softmax: [${x.shape}] and [${y.shape}] differ in size`);
  const [rows, cols] = rowsCols(x);
  r.dispatch({
    kernel,
    constants: { BACKWARD: false },
    uniforms: packUniforms([rows, cols]),
    bindings: [x.binding, engine.spare('read'), y.binding],
    workgroups: rows,
  });
}

/** dx = y * (dy - sum(dy * y)) row by row; y is softmax's output. */
export function softmaxBackward(r: Recorder, y: Tensor, dy: Tensor, dx: Tensor): void {
  if (y.size !== dy.size || y.size !== dx.size) {
    throw new InputError(
      `softmaxBackward: sizes differ: [${y.shape}], [${dy.shape}], [${dx.shape}]`,
    );
  }
  const [rows, cols] = rowsCols(y);
  r.dispatch({
    kernel,
    constants: { BACKWARD: true },
    uniforms: packUniforms([rows, cols]),
    bindings: [y.binding, dy.binding, dx.binding],
    workgroups: rows,
  });
}
