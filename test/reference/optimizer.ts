// CPU references for one optimizer step, in f64, following Keras 3's update rules.

export interface State {
  p: number[];
  m: number[];
  v: number[];
}

export function adamStep(
  s: State,
  g: ArrayLike<number>,
  t: number,
  lr = 0.001,
  b1 = 0.9,
  b2 = 0.999,
  eps = 1e-7,
): void {
  const alpha = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
  for (let i = 0; i < s.p.length; i++) {
    s.m[i] += (g[i] - s.m[i]) * (1 - b1);
    s.v[i] += (g[i] * g[i] - s.v[i]) * (1 - b2);
    s.p[i] -= (alpha * s.m[i]) / (Math.sqrt(s.v[i]) + eps);
  }
}

export function sgdStep(
  s: State,
  g: ArrayLike<number>,
  lr: number,
  momentum: number,
  nesterov: boolean,
): void {
  for (let i = 0; i < s.p.length; i++) {
    if (momentum === 0) {
      s.p[i] -= lr * g[i];
      continue;
    }
    s.m[i] = momentum * s.m[i] - lr * g[i];
    s.p[i] += nesterov ? momentum * s.m[i] - lr * g[i] : s.m[i];
  }
}

export function rmspropStep(
  s: State,
  g: ArrayLike<number>,
  lr = 0.001,
  rho = 0.9,
  eps = 1e-7,
): void {
  for (let i = 0; i < s.p.length; i++) {
    s.m[i] = rho * s.m[i] + (1 - rho) * g[i] * g[i];
    s.p[i] -= (lr * g[i]) / Math.sqrt(s.m[i] + eps);
  }
}

export function adagradStep(s: State, g: ArrayLike<number>, lr = 0.001, eps = 1e-7): void {
  for (let i = 0; i < s.p.length; i++) {
    s.m[i] += g[i] * g[i];
    s.p[i] -= (lr * g[i]) / Math.sqrt(s.m[i] + eps);
  }
}
