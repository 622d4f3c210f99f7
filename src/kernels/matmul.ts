// Matmul kernel: C[M, N] = act(op(A) x op(B) + bias), with either operand read transposed.
import type { Engine } from '../engine/engine';
import { InputError } from '../engine/errors';
import type { Recorder } from '../engine/recorder';
import type { Tensor } from '../engine/tensor';
import activationFns from '../shaders/activation_fns.wgsl?raw';
import common from '../shaders/matmul_common.wgsl?raw';
import naive from '../shaders/matmul_naive.wgsl?raw';
import rows from '../shaders/matmul_rows.wgsl?raw';
import tiled from '../shaders/matmul_tiled.wgsl?raw';
import { activationParams, type ActivationSpec } from './activation-codes';
import { packUniforms } from './uniforms';

export type MatmulVariant = 'tiled' | 'rows' | 'naive';

const VARIANTS = {
  tiled: { kernel: { name: 'matmul_tiled', code: activationFns + common + tiled }, tile: [64, 64] },
  rows: { kernel: { name: 'matmul_rows', code: activationFns + common + rows }, tile: [32, 64] },
  naive: { kernel: { name: 'matmul_naive', code: activationFns + common + naive }, tile: [16, 16] },
} as const;

export interface MatmulOptions {
  /** `a` holds [K, M]; the product uses its transpose. */
  transA?: boolean;
  /** `b` holds [N, K]; the product uses its transpose. */
  transB?: boolean;
  /** bias: [N], added before the activation. */
  bias?: Tensor;
  activation?: ActivationSpec;
  /** Receives the pre-activation A·B + bias, [M, N]. */
  preActivation?: Tensor;
  variant?: MatmulVariant;
}

/**
 * The variant for this adapter. SwiftShader runs workgroup memory and barriers slowly and
 * register blocking fast; lavapipe and real GPUs gain from tiling through workgroup memory.
 */
export function defaultMatmulVariant(engine: Engine): MatmulVariant {
  const a = engine.adapter;
  const id = `${a.vendor} ${a.architecture} ${a.device} ${a.description}`.toLowerCase();
  return id.includes('swiftshader') ? 'rows' : 'tiled';
}

/** Records out = act(op(a) x op(b) + bias) into `r`. Shapes are checked before any GPU work. */
export function matmul(
  r: Recorder,
  engine: Engine,
  a: Tensor,
  b: Tensor,
  out: Tensor,
  options: MatmulOptions = {},
): void {
  const { transA = false, transB = false, bias, activation, preActivation } = options;
  if (a.shape.length !== 2 || b.shape.length !== 2) {
    throw new InputError(`matmul: expected 2-D operands, got [${a.shape}] and [${b.shape}]`);
  }
  const [m, k] = transA ? [a.shape[1], a.shape[0]] : [a.shape[0], a.shape[1]];
  const [kb, n] = transB ? [b.shape[1], b.shape[0]] : [b.shape[0], b.shape[1]];
  if (k !== kb) {
    throw new InputError(
      `matmul: inner sizes differ: op(a) is [${m}, ${k}], op(b) is [${kb}, ${n}]`,
    );
  }
  if (m < 1 || n < 1 || k < 1)
    throw new InputError(`matmul: empty operand [${m}, ${k}] x [${kb}, ${n}]`);
  if (out.size !== m * n)
    throw new InputError(`matmul: out has shape [${out.shape}], expected [${m}, ${n}]`);
  if (bias && bias.size !== n)
    throw new InputError(`matmul: bias has shape [${bias.shape}], expected [${n}]`);
  if (preActivation && preActivation.size !== m * n) {
    throw new InputError(
      `matmul: preActivation has shape [${preActivation.shape}], expected [${m}, ${n}]`,
    );
  }

  const variant = VARIANTS[options.variant ?? defaultMatmulVariant(engine)];
  // vec4 loads need the operand's contiguous dimension to be a multiple of 4.
  const vecA = (transA ? m : k) % 4 === 0;
  const vecB = (transB ? k : n) % 4 === 0;
  const act = activationParams(activation ?? { name: 'linear' });
  r.dispatch({
    kernel: variant.kernel,
    constants: {
      TRANS_A: transA,
      TRANS_B: transB,
      HAS_BIAS: !!bias,
      WRITE_Z: !!preActivation,
      ACT: act.code,
      ...(variant !== VARIANTS.naive ? { VEC_A: vecA, VEC_B: vecB } : {}),
    },
    uniforms: packUniforms([m, n, k], act.params),
    bindings: [
      a.binding,
      b.binding,
      bias?.binding ?? engine.spare('read'),
      out.binding,
      preActivation?.binding ?? engine.spare('write'),
      ...(variant !== VARIANTS.naive
        ? [vecA ? a.binding : engine.spare('read'), vecB ? b.binding : engine.spare('read')]
        : []),
    ],
    workgroups: [Math.ceil(n / variant.tile[0]), Math.ceil(m / variant.tile[1])],
  });
}
