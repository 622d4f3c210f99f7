// Shared by the matmul variants: C[M, N] = act(op(A) x op(B) + bias), where op(A) is [M, K]
// and op(B) is [K, N]. A transposed operand is read in place, so dX = dY·Wᵀ and dW = Xᵀ·dY
// need no transpose pass. Prepended with activation_fns.wgsl.

override TRANS_A: bool = false; // a holds [K, M] and op(A) = aᵀ
override TRANS_B: bool = false; // b holds [N, K] and op(B) = bᵀ
override HAS_BIAS: bool = false;
override WRITE_Z: bool = false; // also store the pre-activation, for the backward pass
override ACT: u32 = 0u;
// Whether an operand's contiguous dimension is a multiple of 4, so that it can be read as vec4:
override VEC_A: bool = false; // !TRANS_A: K % 4 == 0; TRANS_A: M % 4 == 0
override VEC_B: bool = false; // !TRANS_B: N % 4 == 0; TRANS_B: K % 4 == 0

struct Params {
  m: u32,
  n: u32,
  k: u32,
  _pad: u32,
  act: vec4<f32>, // activation parameters, see activation_fns.wgsl
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;          // a: [M, K] or [K, M]
@group(0) @binding(2) var<storage, read> b: array<f32>;          // b: [K, N] or [N, K]
@group(0) @binding(3) var<storage, read> bias: array<f32>;       // bias: [N] (HAS_BIAS)
@group(0) @binding(4) var<storage, read_write> c: array<f32>;    // c: [M, N]
@group(0) @binding(5) var<storage, read_write> z: array<f32>;    // z: [M, N] (WRITE_Z)
@group(0) @binding(6) var<storage, read> a4: array<vec4<f32>>;   // a again, as vec4 (VEC_A)
@group(0) @binding(7) var<storage, read> b4: array<vec4<f32>>;   // b again, as vec4 (VEC_B)

// op(A)[m, k]; callers keep m < M and k < K.
fn a_at(m: u32, k: u32) -> f32 {
  if (TRANS_A) { return a[k * params.m + m]; }
  return a[m * params.k + k];
}

// op(B)[k, n]; callers keep k < K and n < N.
fn b_at(k: u32, n: u32) -> f32 {
  if (TRANS_B) { return b[n * params.k + k]; }
  return b[k * params.n + n];
}

// Adds the bias, applies the activation and stores one output element.
fn write_out(m: u32, n: u32, acc: f32) {
  if (m >= params.m || n >= params.n) { return; }
  var v = acc;
  if (HAS_BIAS) { v += bias[n]; }
  let i = m * params.n + n;
  if (WRITE_Z) { z[i] = v; }
  c[i] = activate(v, ACT, params.act);
}
