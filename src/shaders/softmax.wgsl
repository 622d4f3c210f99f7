// Softmax over the last axis of x: [rows, cols], one workgroup per row, max-subtracted so that
// logits of any size give finite results. BACKWARD: dx = y * (dy - sum(dy * y)) per row.

override BACKWARD: bool = false;
const WG = 64u;

struct Params {
  rows: u32,
  cols: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;        // logits, or y (BACKWARD): [rows, cols]
@group(0) @binding(2) var<storage, read> dy: array<f32>;       // dy: [rows, cols] (BACKWARD)
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // y or dx: [rows, cols]

var<workgroup> partial: array<f32, WG>;

fn reduce_max(v: f32, lid: u32) -> f32 {
  partial[lid] = v;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s >>= 1u) {
    if (lid < s) { partial[lid] = max(partial[lid], partial[lid + s]); }
    workgroupBarrier();
  }
  let r = partial[0];
  workgroupBarrier();
  return r;
}

fn reduce_sum(v: f32, lid: u32) -> f32 {
  partial[lid] = v;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s >>= 1u) {
    if (lid < s) { partial[lid] += partial[lid + s]; }
    workgroupBarrier();
  }
  let r = partial[0];
  workgroupBarrier();
  return r;
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>,
        @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let row = wid.x + wid.y * nwg.x;
  if (row >= params.rows) { return; } // uniform across the workgroup
  let base = row * params.cols;

  if (BACKWARD) {
    var dot = 0.0;
    for (var j = lid; j < params.cols; j += WG) { dot += dy[base + j] * x[base + j]; }
    dot = reduce_sum(dot, lid);
    for (var j = lid; j < params.cols; j += WG) {
      out[base + j] = x[base + j] * (dy[base + j] - dot);
    }
    return;
  }

  var m = x[base];
  for (var j = lid; j < params.cols; j += WG) { m = max(m, x[base + j]); }
  m = reduce_max(m, lid);
  var s = 0.0;
  for (var j = lid; j < params.cols; j += WG) { s += exp(x[base + j] - m); }
  s = reduce_sum(s, lid);
  for (var j = lid; j < params.cols; j += WG) { out[base + j] = exp(x[base + j] - m) / s; }
}
