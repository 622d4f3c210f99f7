// CPU references for the activations and their derivatives, in f64, as Keras defines them.
import type { ActivationName, ActivationSpec } from '../../src/kernels/activation-codes';
import { activationSpec } from '../../src/kernels/activation-codes';

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;
const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

function f(x: number, s: ActivationSpec): number {
  const alpha = s.alpha ?? 0;
  switch (s.name) {
    case 'relu': {
      const thr = s.threshold ?? 0;
      const y = x >= thr ? x : alpha * (x - thr);
      return s.maxValue === undefined ? y : Math.min(y, s.maxValue);
    }
    case 'sigmoid':
      return sigmoid(x);
    case 'tanh':
      return Math.tanh(x);
    case 'elu':
      return x > 0 ? x : alpha * Math.expm1(x);
    case 'selu':
      return SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x));
    case 'softplus':
      return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    case 'softsign':
      return x / (1 + Math.abs(x));
    case 'hard_sigmoid':
      return Math.min(Math.max((x + 3) / 6, 0), 1);
    case 'exponential':
      return Math.exp(x);
    case 'leaky_relu':
      return x >= 0 ? x : alpha * x;
    case 'thresholded_relu':
      return x > (s.threshold ?? 1) ? x : 0;
    case 'silu':
      return x * sigmoid(x);
    default:
      return x;
  }
}

function df(x: number, s: ActivationSpec): number {
  const alpha = s.alpha ?? 0;
  switch (s.name) {
    case 'relu': {
      const thr = s.threshold ?? 0;
      if (x > thr) return s.maxValue !== undefined && x >= s.maxValue ? 0 : 1;
      return alpha;
    }
    case 'sigmoid':
      return sigmoid(x) * (1 - sigmoid(x));
    case 'tanh':
      return 1 - Math.tanh(x) ** 2;
    case 'elu':
      return x > 0 ? 1 : alpha * Math.exp(x);
    case 'selu':
      return SELU_SCALE * (x > 0 ? 1 : SELU_ALPHA * Math.exp(x));
    case 'softplus':
      return sigmoid(x);
    case 'softsign':
      return 1 / (1 + Math.abs(x)) ** 2;
    case 'hard_sigmoid':
      return x > -3 && x < 3 ? 1 / 6 : 0;
    case 'exponential':
      return Math.exp(x);
    case 'leaky_relu':
      return x > 0 ? 1 : alpha;
    case 'thresholded_relu':
      return x > (s.threshold ?? 1) ? 1 : 0;
    case 'silu':
      return sigmoid(x) * (1 + x * (1 - sigmoid(x)));
    default:
      return 1;
  }
}

export function activationRef(
  a: ActivationName | ActivationSpec,
  x: ArrayLike<number>,
): Float32Array {
  const s = activationSpec(a, 'reference');
  // Rounded to f32, the precision the kernels work in (exp(100) is Infinity there).
  return Float32Array.from(x, (v) => f(v, s));
}

export function activationGradRef(
  a: ActivationName | ActivationSpec,
  x: ArrayLike<number>,
  dy: ArrayLike<number>,
): Float32Array {
  const s = activationSpec(a, 'reference');
  return Float32Array.from(x, (v, i) => dy[i] * df(v, s));
}
