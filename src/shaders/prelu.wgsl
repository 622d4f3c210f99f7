// PReLU: y = x where x > 0, alpha[c] * x elsewhere, with one trainable slope per column c.
// `forward` writes y; `backward_input` writes dx = dy * (x > 0 ? 1 : alpha[c]);
// `backward_alpha` writes dalpha[c] = sum over rows of dy * x where x <= 0 (one thread a column).

const WG = 64u;

struct Params {
  rows: u32,
  cols: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;          // x: [rows, cols]
@group(0) @binding(2) var<storage, read> alpha: array<f32>;      // alpha: [cols]
@group(0) @binding(3) var<storage, read> dy: array<f32>;         // dy: [rows, cols] (backward)
@group(0) @binding(4) var<storage, read_write> out: array<f32>;  // y or dx: [rows, cols]; dalpha: [cols]

fn flat(gid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return gid.x + gid.y * nwg.x * WG;
}

@compute @workgroup_size(WG)
fn forward(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let i = flat(gid, nwg);
  if (i >= params.rows * params.cols) { return; }
  let v = x[i];
  out[i] = select(alpha[i % params.cols] * v, v, v > 0.0);
}

@compute @workgroup_size(WG)
fn backward_input(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let i = flat(gid, nwg);
  if (i >= params.rows * params.cols) { return; }
  out[i] = dy[i] * select(alpha[i % params.cols], 1.0, x[i] > 0.0);
}

@compute @workgroup_size(WG)
fn backward_alpha(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let c = flat(gid, nwg);
  if (c >= params.cols) { return; }
  var s = 0.0;
  for (var r = 0u; r < params.rows; r++) {
    let v = x[r * params.cols + c];
    if (v <= 0.0) { s += dy[r * params.cols + c] * v; }
  }
  out[c] = s;
}
