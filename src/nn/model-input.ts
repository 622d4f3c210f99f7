// The checks a model's inputs pass before any GPU work: x fits the first layer, y fits the
// loss, both have the same samples; host arrays then become a dataset on the GPU.
import type { Engine } from '../engine/engine';
import { InputError } from '../engine/errors';
import { isSparse, type LossName } from '../kernels/loss-codes';
import { ArrayDataset, type GpuDataset } from './dataset';
import type { Layer } from './layer';
import { Matrix, type MatrixLike } from './matrix';

export interface ModelIo {
  name: string;
  first: Layer;
  inputWidth: number;
  outputWidth: number;
  loss?: LossName;
}

export function checkX(m: ModelIo, x: Matrix, what: string): Matrix {
  if (x.cols !== m.inputWidth) {
    throw new InputError(
      `${m.first.className} "${m.first.name}": expected input [*, ${m.inputWidth}], ` +
        `got [${x.shape}] (${what})`,
    );
  }
  return x;
}

/** y fits the loss: [n, outputs], or [n] class indices for sparse losses; n as x's. */
export function checkY(m: ModelIo, y: Matrix, x: Matrix, what: string): Matrix {
  const sparse = !!m.loss && isSparse(m.loss);
  const width = sparse ? 1 : m.outputWidth;
  if (y.cols !== width) {
    throw new InputError(
      `${what}: y has shape [${y.shape}], expected [${y.rows}, ${width}] for loss ${m.loss}`,
    );
  }
  if (y.rows !== x.rows) {
    throw new InputError(`${what}: x has ${x.rows} samples but y has ${y.rows}; they must match`);
  }
  if (sparse) {
    const bad = y.data.findIndex((v) => !Number.isInteger(v) || v < 0 || v >= m.outputWidth);
    if (bad >= 0) {
      throw new InputError(
        `${what}: label ${y.data[bad]} at sample ${bad} is not a class index in ` +
          `[0, ${m.outputWidth})`,
      );
    }
  }
  return y;
}

export function isGpuDataset(x: unknown): x is GpuDataset {
  return typeof x === 'object' && x !== null && typeof (x as GpuDataset).gather === 'function';
}

/** Host arrays become a dataset on the GPU (added to `own`, the call's to free); a GpuDataset is checked. */
export function toDataset(
  engine: Engine,
  m: ModelIo,
  x: MatrixLike | GpuDataset,
  y: MatrixLike | undefined,
  what: string,
  own: GpuDataset[],
): GpuDataset {
  const sparse = !!m.loss && isSparse(m.loss);
  const yWidth = sparse ? 1 : m.outputWidth;
  if (isGpuDataset(x)) {
    if (x.xWidth !== m.inputWidth || x.yWidth !== yWidth) {
      throw new InputError(
        `${what}: dataset gives x [*, ${x.xWidth}] and y [*, ${x.yWidth}]; ` +
          `the model expects x [*, ${m.inputWidth}] and y [*, ${yWidth}]`,
      );
    }
    return x;
  }
  if (y === undefined) throw new InputError(`${what}: y is required`);
  const xm = checkX(m, Matrix.from(x, `${what} x`, m.inputWidth), what);
  const ym = checkY(m, Matrix.from(y, `${what} y`, sparse ? 1 : undefined), xm, what);
  const d = new ArrayDataset(engine, xm, ym, `${m.name}.${what.split(' ')[0]}`);
  own.push(d);
  return d;
}
