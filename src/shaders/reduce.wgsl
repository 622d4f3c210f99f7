// Reductions: column sums (bias gradients) and a sum to one value (the loss).
// ACCUMULATE adds to what `out` holds instead of replacing it.

override ACCUMULATE: bool = false;
const WG = 64u;

struct Params {
  rows: u32,
  cols: u32,
  index: u32,   // total_sum: which element of `out` receives the sum
  _pad: u32,
  scale: f32,   // multiplies each sum
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;          // x: [rows, cols]
@group(0) @binding(2) var<storage, read_write> out: array<f32>;  // column_sums: [cols]; total_sum: [>index]

var<workgroup> partial: array<f32, WG>;

// out[c] = scale * sum over rows of x[r, c]: one thread per column.
@compute @workgroup_size(WG)
fn column_sums(@builtin(global_invocation_id) gid: vec3<u32>,
               @builtin(num_workgroups) nwg: vec3<u32>) {
  let c = gid.x + gid.y * nwg.x * WG;
  if (c >= params.cols) { return; }
  var s = 0.0;
  for (var r = 0u; r < params.rows; r++) { s += x[r * params.cols + c]; }
  s *= params.scale;
  if (ACCUMULATE) { s += out[c]; }
  out[c] = s;
}

// out[index] = scale * sum of all rows * cols values: one workgroup.
@compute @workgroup_size(WG)
fn total_sum(@builtin(local_invocation_index) lid: u32) {
  let n = params.rows * params.cols;
  var s = 0.0;
  for (var i = lid; i < n; i += WG) { s += x[i]; }
  partial[lid] = s;
  workgroupBarrier();
  for (var w = WG / 2u; w > 0u; w >>= 1u) {
    if (lid < w) { partial[lid] += partial[lid + w]; }
    workgroupBarrier();
  }
  if (lid == 0u) {
    var v = partial[0] * params.scale;
    if (ACCUMULATE) { v += out[params.index]; }
    out[params.index] = v;
  }
}
