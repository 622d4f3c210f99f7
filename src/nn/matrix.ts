// Matrix: a host-side 2-D array of f32 (what predict returns and fit takes), and the checks
// that turn a user's arrays into one before any GPU work.
import { InputError } from '../engine/errors';

export type MatrixLike =
  | Matrix
  | readonly (readonly number[])[]
  | readonly number[]
  | Float32Array
  | { data: ArrayLike<number>; shape: readonly number[] };

export class Matrix {
  constructor(
    readonly data: Float32Array,
    readonly shape: readonly [number, number],
  ) {}

  get rows(): number {
    return this.shape[0];
  }

  get cols(): number {
    return this.shape[1];
  }

  /** Row r as a plain array. */
  row(r: number): number[] {
    return Array.from(this.data.subarray(r * this.cols, (r + 1) * this.cols));
  }

  /** Nested arrays, [rows][cols]. */
  toArray(): number[][] {
    return Array.from({ length: this.rows }, (_, r) => this.row(r));
  }

  /**
   * Reads arrays as Keras reads NumPy input: nested rows, a flat list (one column, or rows of
   * `width` when given), or data with a shape. Values must be finite.
   */
  static from(x: MatrixLike, what: string, width?: number): Matrix {
    let m: Matrix;
    if (x instanceof Matrix) m = x;
    else if (
      x instanceof Float32Array ||
      (Array.isArray(x) && (x.length === 0 || !Array.isArray(x[0])))
    ) {
      const flat = x as ArrayLike<number>;
      const cols = width ?? 1;
      if (flat.length % cols !== 0) {
        throw new InputError(`${what}: ${flat.length} values do not form rows of ${cols}`);
      }
      m = new Matrix(Float32Array.from(flat), [flat.length / cols, cols]);
    } else if (Array.isArray(x)) {
      const rows = x as readonly (readonly number[])[];
      const cols = rows[0].length;
      const data = new Float32Array(rows.length * cols);
      rows.forEach((row, i) => {
        if (!Array.isArray(row) || row.length !== cols) {
          throw new InputError(
            `${what}: row ${i} has ${Array.isArray(row) ? row.length : 'no'} values, ` +
              `expected ${cols} like row 0`,
          );
        }
        data.set(row, i * cols);
      });
      m = new Matrix(data, [rows.length, cols]);
    } else if (x && typeof x === 'object' && 'shape' in x && 'data' in x) {
      const { data, shape } = x;
      if (shape.length !== 2 && shape.length !== 1) {
        throw new InputError(`${what}: expected a shape of rank 1 or 2, got [${shape}]`);
      }
      const [rows, cols = 1] = shape;
      if (data.length !== rows * cols) {
        throw new InputError(`${what}: ${data.length} values do not fill shape [${shape}]`);
      }
      m = new Matrix(Float32Array.from(data), [rows, cols]);
    } else {
      throw new InputError(
        `${what}: expected nested arrays, a Float32Array or {data, shape}, got ${typeof x}`,
      );
    }
    if (m.rows === 0 || m.cols === 0)
      throw new InputError(`${what}: is empty (shape [${m.shape}])`);
    const bad = m.data.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      throw new InputError(
        `${what}: value ${m.data[bad]} at row ${Math.floor(bad / m.cols)}, column ` +
          `${bad % m.cols} is not finite`,
      );
    }
    return m;
  }
}
