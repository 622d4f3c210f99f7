// Counts correct predictions into count[0], adding to what it holds, so that a whole epoch's
// accuracy is read back once. Modes as in reduce.wgsl: 0 categorical, 1 sparse, 2 binary,
// 3 exact; modes 0-1 count rows, 2-3 count elements.

override MODE: u32 = 0u;
const WG = 64u;

struct Params {
  rows: u32,
  cols: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> pred: array<f32>;                // pred: [rows, cols]
@group(0) @binding(2) var<storage, read> truth: array<f32>;               // [rows, cols], or [rows] labels
@group(0) @binding(3) var<storage, read_write> count: array<atomic<u32>>; // count: [1]

// The first index of the largest value in a row, as argmax does.
fn argmax_pred(base: u32) -> u32 {
  var best = 0u;
  for (var j = 1u; j < params.cols; j++) {
    if (pred[base + j] > pred[base + best]) { best = j; }
  }
  return best;
}

fn argmax_truth(base: u32) -> u32 {
  var best = 0u;
  for (var j = 1u; j < params.cols; j++) {
    if (truth[base + j] > truth[base + best]) { best = j; }
  }
  return best;
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>,
        @builtin(num_workgroups) nwg: vec3<u32>) {
  let r = gid.x + gid.y * nwg.x * WG;
  if (r >= params.rows) { return; }
  let base = r * params.cols;
  var hits = 0u;
  switch MODE {
    case 0u: { hits = select(0u, 1u, argmax_pred(base) == argmax_truth(base)); }
    case 1u: { hits = select(0u, 1u, argmax_pred(base) == u32(truth[r])); }
    case 2u: {
      for (var j = 0u; j < params.cols; j++) {
        hits += select(0u, 1u, (pred[base + j] > 0.5) == (truth[base + j] > 0.5));
      }
    }
    default: {
      for (var j = 0u; j < params.cols; j++) {
        hits += select(0u, 1u, pred[base + j] == truth[base + j]);
      }
    }
  }
  if (hits > 0u) { atomicAdd(&count[0], hits); }
}
