// Weights as the host sees them (getWeights / setWeights), checked against the model's shapes.
import { InputError } from '../engine/errors';

/** One weight: its shape and row-major values. */
export interface WeightArray {
  shape: number[];
  data: Float32Array;
}

export type WeightLike =
  number[] | number[][] | { shape: readonly number[]; data: ArrayLike<number> };

function shapeOf(w: WeightLike): number[] {
  if (!Array.isArray(w)) return [...w.shape];
  if (w.length > 0 && Array.isArray(w[0])) return [w.length, (w[0] as number[]).length];
  return [w.length];
}

function flatten(w: WeightLike, what: string): Float32Array<ArrayBuffer> {
  if (!Array.isArray(w)) return Float32Array.from(w.data);
  if (w.length > 0 && Array.isArray(w[0])) {
    const rows = w as number[][];
    const cols = rows[0].length;
    rows.forEach((r, i) => {
      if (!Array.isArray(r) || r.length !== cols)
        throw new InputError(`${what}: row ${i} is not ${cols} long`);
    });
    return Float32Array.from(rows.flat());
  }
  return Float32Array.from(w as number[]);
}

/** Checks count, shapes and values; returns the values in Keras's order. */
export function setWeightsOf(
  model: string,
  shapes: number[][],
  weights: WeightLike[],
): Float32Array<ArrayBuffer>[] {
  if (!Array.isArray(weights) || weights.length !== shapes.length) {
    throw new InputError(
      `${model}.setWeights: expected ${shapes.length} arrays ` +
        `(${shapes.map((s) => `[${s}]`).join(', ')}), ` +
        `got ${Array.isArray(weights) ? weights.length : typeof weights}`,
    );
  }
  return weights.map((w, i) => {
    const what = `${model}.setWeights: weight ${i}`;
    const shape = shapeOf(w);
    if (shape.join() !== shapes[i].join()) {
      throw new InputError(`${what}: expected shape [${shapes[i]}], got [${shape}]`);
    }
    const data = flatten(w, what);
    if (data.length !== shapes[i].reduce((a, b) => a * b, 1)) {
      throw new InputError(`${what}: ${data.length} values do not fill shape [${shapes[i]}]`);
    }
    const bad = data.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new InputError(`${what}: value ${data[bad]} at ${bad} is not finite`);
    return data;
  });
}
