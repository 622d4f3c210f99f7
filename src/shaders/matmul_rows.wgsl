// Matmul variant "rows": no workgroup memory; each thread holds 8 rows x 4 columns of C as
// vec4 and walks K four at a time, reading A and B as vec4 where VEC_A / VEC_B allow (untransposed
// operands; reading transposed ones as vec4 and turning them around in registers measured slower).
// On SwiftShader, which runs a workgroup's threads as SIMD lanes and pays dearly for barriers,
// this is about twice as fast as the tiled variant.
// Prepended with activation_fns.wgsl and matmul_common.wgsl.

const RPT = 8u; // rows per thread; a workgroup of 8x8 threads covers 64 rows x 32 columns

fn b_row4(k: u32, n: u32) -> vec4<f32> {
  // Columns past N repeat the last one; write_out drops them.
  if (VEC_B && !TRANS_B) { return b4[(k * params.n + n) / 4u]; }
  let last = params.n - 1u;
  return vec4<f32>(b_at(k, n), b_at(k, min(n + 1u, last)),
                   b_at(k, min(n + 2u, last)), b_at(k, min(n + 3u, last)));
}

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let n = gid.x * 4u;
  let m0 = gid.y * RPT;
  if (n >= params.n || m0 >= params.m) { return; }
  let nc = min(n, params.n - 1u);
  var rows: array<u32, 8>;
  for (var i = 0u; i < RPT; i++) { rows[i] = min(m0 + i, params.m - 1u); }
  var acc: array<vec4<f32>, 8>;

  var k = 0u;
  for (; k + 4u <= params.k; k += 4u) {
    let b0 = b_row4(k, nc);
    let b1 = b_row4(k + 1u, nc);
    let b2 = b_row4(k + 2u, nc);
    let b3 = b_row4(k + 3u, nc);
    for (var i = 0u; i < RPT; i++) {
      let r = rows[i];
      var av: vec4<f32>;
      if (VEC_A && !TRANS_A) {
        av = a4[(r * params.k + k) / 4u];
      } else {
        av = vec4<f32>(a_at(r, k), a_at(r, k + 1u), a_at(r, k + 2u), a_at(r, k + 3u));
      }
      acc[i] += av.x * b0 + av.y * b1 + av.z * b2 + av.w * b3;
    }
  }
  for (; k < params.k; k++) {
    let bk = b_row4(k, nc);
    for (var i = 0u; i < RPT; i++) { acc[i] += a_at(rows[i], k) * bk; }
  }

  for (var i = 0u; i < RPT; i++) {
    for (var j = 0u; j < 4u; j++) { write_out(m0 + i, n + j, acc[i][j]); }
  }
}
