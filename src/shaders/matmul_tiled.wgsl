// Matmul variant "tiled": a 64x64 block of C per workgroup of 8x8 threads, each thread 8x8
// outputs in registers; A and B staged through workgroup memory 16 values of K at a time.
// When a operand's contiguous dimension is a multiple of 4 (VEC_A, VEC_B), the stage is loaded
// as vec4, a quarter of the loads; on lavapipe the loads cost as much as the arithmetic.
// Prepended with activation_fns.wgsl and matmul_common.wgsl.

const TILE = 64u;  // rows and columns of C per workgroup
const TK = 16u;    // K per stage

var<workgroup> tile_a: array<array<vec4<f32>, 16>, 16>;  // [TK][TILE / 4]: op(A)ᵀ block
var<workgroup> tile_b: array<array<vec4<f32>, 16>, 16>;  // [TK][TILE / 4]: op(B) block

fn a_safe(m: u32, k: u32) -> f32 {
  return select(0.0, a_at(min(m, params.m - 1u), min(k, params.k - 1u)),
                m < params.m && k < params.k);
}

fn b_safe(k: u32, n: u32) -> f32 {
  return select(0.0, b_at(min(k, params.k - 1u), min(n, params.n - 1u)),
                k < params.k && n < params.n);
}

// Stage 16 x 64 of op(A)ᵀ; thread li loads 4 vec4's worth.
fn load_a(m0: u32, k0: u32, li: u32) {
  for (var r = 0u; r < 4u; r++) {
    let e = li + 64u * r;
    if (VEC_A && TRANS_A) {
      // a holds [K, M]: 4 consecutive m at one k.
      let kk = e / 16u;
      let q = e % 16u;
      let k = k0 + kk;
      let m = m0 + q * 4u;
      var v = vec4<f32>(0.0);
      if (k < params.k && m < params.m) { v = a4[(k * params.m + m) / 4u]; }
      tile_a[kk][q] = v;
    } else if (VEC_A) {
      // a holds [M, K]: 4 consecutive k at one m.
      let row = e / 4u;
      let kq = (e % 4u) * 4u;
      let m = m0 + row;
      let k = k0 + kq;
      var v = vec4<f32>(0.0);
      if (k < params.k && m < params.m) { v = a4[(m * params.k + k) / 4u]; }
      for (var j = 0u; j < 4u; j++) { tile_a[kq + j][row / 4u][row % 4u] = v[j]; }
    } else {
      let kk = e / 16u;
      let q = e % 16u;
      let m = m0 + q * 4u;
      let k = k0 + kk;
      tile_a[kk][q] = vec4<f32>(a_safe(m, k), a_safe(m + 1u, k), a_safe(m + 2u, k), a_safe(m + 3u, k));
    }
  }
}

// Stage 16 x 64 of op(B); thread li loads 4 vec4's worth.
fn load_b(n0: u32, k0: u32, li: u32) {
  for (var r = 0u; r < 4u; r++) {
    let e = li + 64u * r;
    if (VEC_B && TRANS_B) {
      // b holds [N, K]: 4 consecutive k at one n.
      let col = e / 4u;
      let kq = (e % 4u) * 4u;
      let n = n0 + col;
      let k = k0 + kq;
      var v = vec4<f32>(0.0);
      if (k < params.k && n < params.n) { v = b4[(n * params.k + k) / 4u]; }
      for (var j = 0u; j < 4u; j++) { tile_b[kq + j][col / 4u][col % 4u] = v[j]; }
    } else {
      let kk = e / 16u;
      let q = e % 16u;
      let k = k0 + kk;
      let n = n0 + q * 4u;
      if (VEC_B) {
        var v = vec4<f32>(0.0);
        if (k < params.k && n < params.n) { v = b4[(k * params.n + n) / 4u]; }
        tile_b[kk][q] = v;
      } else {
        tile_b[kk][q] = vec4<f32>(b_safe(k, n), b_safe(k, n + 1u), b_safe(k, n + 2u), b_safe(k, n + 3u));
      }
    }
  }
}

@compute @workgroup_size(8, 8)
fn main(@builtin(workgroup_id) wid: vec3<u32>,
        @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let m0 = wid.y * TILE;
  let n0 = wid.x * TILE;
  var acc: array<vec4<f32>, 16>; // [8 rows][2 vec4 columns]

  for (var k0 = 0u; k0 < params.k; k0 += TK) {
    load_a(m0, k0, li);
    load_b(n0, k0, li);
    workgroupBarrier();
    for (var kk = 0u; kk < TK; kk++) {
      let a0 = tile_a[kk][lid.y * 2u];
      let a1 = tile_a[kk][lid.y * 2u + 1u];
      let b0 = tile_b[kk][lid.x * 2u];
      let b1 = tile_b[kk][lid.x * 2u + 1u];
      for (var i = 0u; i < 4u; i++) {
        acc[i * 2u] += a0[i] * b0;
        acc[i * 2u + 1u] += a0[i] * b1;
        acc[8u + i * 2u] += a1[i] * b0;
        acc[8u + i * 2u + 1u] += a1[i] * b1;
      }
    }
    workgroupBarrier();
  }

  for (var i = 0u; i < 8u; i++) {
    let m = m0 + lid.y * 8u + i;
    for (var j = 0u; j < 8u; j++) {
      write_out(m, n0 + lid.x * 8u + j, acc[i * 2u + j / 4u][j % 4u]);
    }
  }
}
