// Builds a batch on the GPU from a u8 dataset held there: gathers rows by a shuffled index,
// scales each byte through a 256-entry table (exactly the f32 of k / 255, as NumPy's division
// gives; WGSL's division may be off by an ulp) and one-hots the labels.

const WG = 256u;

struct Params {
  batch: u32,     // rows in this batch
  features: u32,  // bytes per sample, e.g. 784
  classes: u32,   // one-hot width; 0 writes the label itself as one f32
  start: u32,     // first entry of `order` for this batch
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> images: array<u32>;    // u8 [samples, features], packed 4 per u32
@group(0) @binding(2) var<storage, read> labels: array<u32>;    // u8 [samples], packed 4 per u32
@group(0) @binding(3) var<storage, read> order: array<u32>;     // sample index per position: [samples]
@group(0) @binding(4) var<storage, read> table: array<f32, 256>; // byte -> f32
@group(0) @binding(5) var<storage, read_write> x: array<f32>;   // x: [batch, features]
@group(0) @binding(6) var<storage, read_write> y: array<f32>;   // y: [batch, classes] or [batch]

fn unpack_byte(word: u32, i: u32) -> u32 {
  return (word >> ((i % 4u) * 8u)) & 0xffu;
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let i = gid.x + gid.y * nwg.x * WG;
  let n = params.batch * params.features;
  if (i < n) {
    let row = i / params.features;
    let sample = order[params.start + row];
    let b = sample * params.features + i % params.features;
    x[i] = table[unpack_byte(images[b / 4u], b)];
  }
  let width = max(params.classes, 1u);
  if (i < params.batch * width) {
    let row = i / width;
    let s = order[params.start + row];
    let label = unpack_byte(labels[s / 4u], s);
    if (params.classes == 0u) {
      y[i] = f32(label);
    } else {
      y[i] = select(0.0, 1.0, label == i % width);
    }
  }
}
