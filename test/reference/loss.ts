// CPU references for the losses, written from Keras's definitions in f64: per-sample values,
// and gradients of the batch mean by central differences (so they check the kernels'
// hand-derived gradients independently).
import type { LossName } from '../../src/kernels/loss-codes';

const EPS = 1e-7;
// Clip bounds as f32 holds them (1 - 1e-7 rounds to 1 - 2^-23), as Keras's f32 tensors do.
const clip = (v: number, lo: number, hi: number) =>
  Math.min(Math.max(v, Math.fround(lo)), Math.fround(hi));
const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

function rowLoss(loss: LossName, t: number[], p: number[]): number {
  const n = p.length;
  const mean = (f: (t: number, p: number) => number) =>
    t.reduce((s, ti, j) => s + f(ti, p[j]), 0) / n;
  const binary = t.every((v) => v === 0 || v === 1);
  const th = binary ? t.map((v) => 2 * v - 1) : t;
  switch (loss) {
    case 'mean_squared_error':
      return mean((a, b) => (b - a) ** 2);
    case 'mean_absolute_error':
      return mean((a, b) => Math.abs(b - a));
    case 'mean_absolute_percentage_error':
      return mean((a, b) => (100 * Math.abs(a - b)) / Math.max(Math.abs(a), EPS));
    case 'mean_squared_logarithmic_error':
      return mean((a, b) => (Math.log(Math.max(b, EPS) + 1) - Math.log(Math.max(a, EPS) + 1)) ** 2);
    case 'binary_crossentropy':
      return mean((a, b) => {
        const c = clip(b, EPS, 1 - EPS);
        return -(a * Math.log(c) + (1 - a) * Math.log(1 - c));
      });
    case 'categorical_crossentropy':
    case 'sparse_categorical_crossentropy': {
      const s = p.reduce((a, b) => a + b, 0);
      return -t.reduce((acc, ti, j) => acc + ti * Math.log(clip(p[j] / s, EPS, 1 - EPS)), 0);
    }
    case 'hinge':
      return th.reduce((s, a, j) => s + Math.max(1 - a * p[j], 0), 0) / n;
    case 'squared_hinge':
      return th.reduce((s, a, j) => s + Math.max(1 - a * p[j], 0) ** 2, 0) / n;
    case 'categorical_hinge': {
      const pos = t.reduce((s, a, j) => s + a * p[j], 0);
      const neg = Math.max(...t.map((a, j) => (1 - a) * p[j]));
      return Math.max(neg - pos + 1, 0);
    }
    case 'huber':
      return mean((a, b) => (Math.abs(b - a) <= 1 ? 0.5 * (b - a) ** 2 : Math.abs(b - a) - 0.5));
    case 'log_cosh':
      return mean((a, b) => b - a + softplus(-2 * (b - a)) - Math.log(2));
    case 'kl_divergence':
      return t.reduce((s, a, j) => {
        const tc = clip(a, EPS, 1);
        return s + tc * Math.log(tc / clip(p[j], EPS, 1));
      }, 0);
    case 'poisson':
      return mean((a, b) => b - a * Math.log(b + EPS));
    case 'cosine_similarity': {
      const nt = Math.sqrt(
        Math.max(
          t.reduce((s, a) => s + a * a, 0),
          1e-12,
        ),
      );
      const np = Math.sqrt(
        Math.max(
          p.reduce((s, a) => s + a * a, 0),
          1e-12,
        ),
      );
      return -t.reduce((s, a, j) => s + (a / nt) * (p[j] / np), 0);
    }
  }
}

/** Dense targets for a sparse loss: one-hot rows. */
function targetRow(loss: LossName, truth: ArrayLike<number>, r: number, cols: number): number[] {
  if (loss === 'sparse_categorical_crossentropy') {
    return Array.from({ length: cols }, (_, j) => (j === truth[r] ? 1 : 0));
  }
  return Array.from({ length: cols }, (_, j) => truth[r * cols + j]);
}

export function lossValuesRef(
  loss: LossName,
  pred: ArrayLike<number>,
  truth: ArrayLike<number>,
  cols: number,
): Float64Array {
  const rows = pred.length / cols;
  return Float64Array.from({ length: rows }, (_, r) =>
    rowLoss(
      loss,
      targetRow(loss, truth, r, cols),
      Array.from({ length: cols }, (_, j) => pred[r * cols + j]),
    ),
  );
}

/** d(mean of the row losses)/d(pred) by central differences. */
export function lossGradRef(
  loss: LossName,
  pred: ArrayLike<number>,
  truth: ArrayLike<number>,
  cols: number,
): Float64Array {
  const rows = pred.length / cols;
  const out = new Float64Array(pred.length);
  for (let r = 0; r < rows; r++) {
    const t = targetRow(loss, truth, r, cols);
    const p = Array.from({ length: cols }, (_, j) => pred[r * cols + j]);
    for (let j = 0; j < cols; j++) {
      const h = 1e-6 * Math.max(1, Math.abs(p[j]));
      const up = [...p];
      const down = [...p];
      up[j] += h;
      down[j] -= h;
      out[r * cols + j] = (rowLoss(loss, t, up) - rowLoss(loss, t, down)) / (2 * h) / rows;
    }
  }
  return out;
}
