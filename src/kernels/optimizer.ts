// Optimizer kernel: one dispatch updates a flat range of parameters from their gradients.
import { InputError } from '../engine/errors';
import type { Engine } from '../engine/engine';
import type { Recorder } from '../engine/recorder';
import type { Binding } from '../engine/tensor';
import source from '../shaders/optimizer.wgsl?raw';
import { packUniforms } from './uniforms';

const kernel = { name: 'optimizer', code: source };
const WG = 256;

export const OPTIMIZER_CODES = { sgd: 0, adam: 1, rmsprop: 2, adagrad: 3 } as const;
export type OptimizerKind = keyof typeof OPTIMIZER_CODES;

export interface UpdateArgs {
  kind: OptimizerKind;
  /** Number of parameters; every binding holds at least this many f32. */
  n: number;
  params: Binding;
  grads: Binding;
  /** Momentum (SGD), m (Adam), velocity (RMSprop) or accumulator (Adagrad). */
  slot1?: Binding;
  /** v (Adam). */
  slot2?: Binding;
  /** The step's learning rate; for Adam, lr·sqrt(1-β2^t)/(1-β1^t). */
  lr: number;
  /** SGD momentum, Adam β1, RMSprop ρ. */
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  nesterov?: boolean;
}

export function optimizerUpdate(r: Recorder, engine: Engine, u: UpdateArgs): void {
  if (!Number.isFinite(u.lr))
    throw new InputError(`optimizer: learning rate ${u.lr} is not finite`);
  const needs1 = u.kind !== 'sgd' || (u.beta1 ?? 0) !== 0;
  if (needs1 && !u.slot1) throw new InputError(`optimizer ${u.kind}: missing its state slot`);
  if (u.kind === 'adam' && !u.slot2) throw new InputError('optimizer adam: missing v');
  r.dispatch({
    kernel,
    constants: { OPTIMIZER: OPTIMIZER_CODES[u.kind], NESTEROV: !!u.nesterov },
    uniforms: packUniforms([u.n], [u.lr, u.beta1 ?? 0, u.beta2 ?? 0, u.epsilon ?? 0]),
    bindings: [
      u.params,
      u.grads,
      u.slot1 ?? engine.spare('write'),
      u.slot2 ?? engine.spare('write2'),
    ],
    workgroups: Math.ceil(u.n / WG),
  });
}
