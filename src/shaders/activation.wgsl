// Elementwise activation, forward (y = f(x)) and backward (dx = dy * f'(x)), chosen by BACKWARD.
// Prepended with activation_fns.wgsl.

override ACT: u32 = 0u;
override BACKWARD: bool = false;
override WG: u32 = 256u;

struct Params {
  n: u32,          // elements
  _pad0: u32,
  _pad1: u32,
  _pad2: u32,
  act: vec4<f32>,  // activation parameters, see activation_fns.wgsl
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;       // x: [n], pre-activation
@group(0) @binding(2) var<storage, read> dy: array<f32>;      // dy: [n] (backward only)
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // y or dx: [n]

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>,
        @builtin(num_workgroups) nwg: vec3<u32>) {
  let i = gid.x + gid.y * nwg.x * WG;
  if (i >= params.n) { return; }
  if (BACKWARD) {
    out[i] = dy[i] * activate_grad(x[i], ACT, params.act);
  } else {
    out[i] = activate(x[i], ACT, params.act);
  }
}
