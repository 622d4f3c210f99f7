// Activation functions and their derivatives, by code (src/kernels/activation-codes.ts).
// Prepended to every kernel that applies an activation. `p` holds the parameters:
// p.x slope or alpha, p.y max value (negative: none), p.z threshold.
// Written for |x| up to 1e4 without NaN: no exp() of a large positive argument feeds a division.

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

fn sigmoid_of(x: f32) -> f32 {
  // Both branches take exp() of a non-positive number, so neither overflows.
  if (x >= 0.0) { return 1.0 / (1.0 + exp(-x)); }
  let e = exp(x);
  return e / (1.0 + e);
}

fn log1p_small(e: f32) -> f32 {
  // log(1 + e) for 0 <= e <= 1, keeping the digits of small e that log(1.0 + e) loses.
  if (e < 1e-4) { return e - 0.5 * e * e; }
  return log(1.0 + e);
}

fn tanh_of(x: f32) -> f32 {
  let a = abs(x);
  if (a < 0.0625) {
    let a2 = a * a;
    return sign(x) * a * (1.0 + a2 * (-1.0 / 3.0 + a2 * (2.0 / 15.0)));
  }
  let t = exp(-2.0 * a); // in (0, 1): no overflow at any |x|
  return sign(x) * (1.0 - t) / (1.0 + t);
}

fn relu_of(x: f32, p: vec4<f32>) -> f32 {
  var y = select(p.x * (x - p.z), x, x >= p.z);
  if (p.y >= 0.0) { y = min(y, p.y); }
  return y;
}

fn activate(x: f32, code: u32, p: vec4<f32>) -> f32 {
  switch code {
    case 1u: { return relu_of(x, p); }
    case 2u: { return sigmoid_of(x); }
    case 3u: { return tanh_of(x); }
    case 4u: { return select(p.x * (exp(min(x, 0.0)) - 1.0), x, x > 0.0); }
    case 5u: { return SELU_SCALE * select(SELU_ALPHA * (exp(min(x, 0.0)) - 1.0), x, x > 0.0); }
    case 6u: { return max(x, 0.0) + log1p_small(exp(-abs(x))); }
    case 7u: { return x / (1.0 + abs(x)); }
    case 8u: { return clamp((x + 3.0) / 6.0, 0.0, 1.0); }
    case 9u: { return exp(x); }
    case 10u: { return select(p.x * x, x, x >= 0.0); }
    case 11u: { return select(0.0, x, x > p.z); }
    case 12u: { return x * sigmoid_of(x); }
    default: { return x; }
  }
}

// d activate(x) / dx, at the pre-activation x. At kinks it takes TensorFlow's side
// (relu'(0) = 0, as ReluGrad does).
fn activate_grad(x: f32, code: u32, p: vec4<f32>) -> f32 {
  switch code {
    case 1u: {
      if (x > p.z) { return select(1.0, 0.0, p.y >= 0.0 && x >= p.y); }
      return p.x;
    }
    case 2u: { let s = sigmoid_of(x); return s * (1.0 - s); }
    case 3u: { let t = tanh_of(x); return 1.0 - t * t; }
    case 4u: { return select(p.x * exp(min(x, 0.0)), 1.0, x > 0.0); }
    case 5u: { return SELU_SCALE * select(SELU_ALPHA * exp(min(x, 0.0)), 1.0, x > 0.0); }
    case 6u: { return sigmoid_of(x); }
    case 7u: { let d = 1.0 + abs(x); return 1.0 / (d * d); }
    case 8u: { return select(0.0, 1.0 / 6.0, x > -3.0 && x < 3.0); }
    case 9u: { return exp(x); }
    case 10u: { return select(p.x, 1.0, x > 0.0); }
    case 11u: { return select(0.0, 1.0, x > p.z); }
    case 12u: { let s = sigmoid_of(x); return s * (1.0 + x * (1.0 - s)); }
    default: { return 1.0; }
  }
}
