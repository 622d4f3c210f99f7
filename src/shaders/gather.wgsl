// Gathers rows of an f32 matrix by a shuffled index: out[r, :] = src[order[start + r], :].
// Lets fit() keep the whole training set on the GPU and build each batch there. A set larger
// than one binding may hold lives in chunks of rows; each dispatch copies the rows of its chunk.

const WG = 256u;

struct Params {
  rows: u32,   // rows to gather
  width: u32,  // values per row
  start: u32,  // first entry of `order` to use
  first: u32,  // first sample held by `src`
  count: u32,  // samples held by `src`
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> src: array<f32>;        // src: [count, width], from sample `first`
@group(0) @binding(2) var<storage, read> order: array<u32>;      // order: [samples]
@group(0) @binding(3) var<storage, read_write> out: array<f32>;  // out: [rows, width]

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let i = gid.x + gid.y * nwg.x * WG;
  if (i >= params.rows * params.width) { return; }
  let sample = order[params.start + i / params.width];
  if (sample < params.first || sample >= params.first + params.count) { return; }
  out[i] = src[(sample - params.first) * params.width + i % params.width];
}
