// CPU reference of training: a Dense(relu) -> Dense(softmax) network, categorical crossentropy,
// Adam with Keras's numerics, whole-batch steps, in f64.
import { matmulRef } from './matmul';
import { adamStep, type State } from './optimizer';

export interface Mlp {
  w1: number[];
  b1: number[];
  w2: number[];
  b2: number[];
}

function forward(m: Mlp, x: ArrayLike<number>, n: number, inW: number, hid: number, out: number) {
  const z1 = matmulRef(x, m.w1, n, inW, hid).map((v, i) => v + m.b1[i % hid]);
  const h = z1.map((v) => Math.max(v, 0));
  const z2 = matmulRef(h, m.w2, n, hid, out).map((v, i) => v + m.b2[i % out]);
  const p = new Float64Array(z2.length);
  for (let r = 0; r < n; r++) {
    const row = z2.subarray(r * out, (r + 1) * out);
    const mx = Math.max(...row);
    const s = row.reduce((a, v) => a + Math.exp(v - mx), 0);
    for (let j = 0; j < out; j++) p[r * out + j] = Math.exp(row[j] - mx) / s;
  }
  return { z1, h, p };
}

export function predictRef(
  m: Mlp,
  x: ArrayLike<number>,
  n: number,
  inW: number,
  hid: number,
  out: number,
) {
  return forward(m, x, n, inW, hid, out).p;
}

/** `steps` Adam steps on the whole batch; returns the weights. */
export function trainRef(
  init: Mlp,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  n: number,
  inW: number,
  hid: number,
  out: number,
  steps: number,
  lr = 0.001,
): Mlp {
  const states = [init.w1, init.b1, init.w2, init.b2].map(
    (p) => ({ p: [...p], m: p.map(() => 0), v: p.map(() => 0) }) as State,
  );
  const m = (): Mlp => ({ w1: states[0].p, b1: states[1].p, w2: states[2].p, b2: states[3].p });
  for (let t = 1; t <= steps; t++) {
    const { z1, h, p } = forward(m(), x, n, inW, hid, out);
    const dz2 = p.map((v, i) => (v - y[i]) / n);
    const dw2 = matmulRef(h, dz2, hid, n, out, true);
    const db2 = Array.from({ length: out }, (_, j) => {
      let s = 0;
      for (let r = 0; r < n; r++) s += dz2[r * out + j];
      return s;
    });
    const dh = matmulRef(dz2, states[2].p, n, out, hid, false, true);
    const dz1 = dh.map((v, i) => (z1[i] > 0 ? v : 0));
    const dw1 = matmulRef(x, dz1, inW, n, hid, true);
    const db1 = Array.from({ length: hid }, (_, j) => {
      let s = 0;
      for (let r = 0; r < n; r++) s += dz1[r * hid + j];
      return s;
    });
    [dw1, db1, dw2, db2].forEach((g, i) => adamStep(states[i], g, t, lr));
  }
  return m();
}
