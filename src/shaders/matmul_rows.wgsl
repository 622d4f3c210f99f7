// Matmul variant "rows": no workgroup memory; each thread holds 8 rows x 4 columns of C as
// vec4 and walks K four at a time. On SwiftShader, which runs a workgroup's threads as SIMD
// lanes and pays dearly for barriers, this is several times faster than the tiled variant.
// Prepended with activation_fns.wgsl and matmul_common.wgsl.

const RPT = 8u; // rows per thread; a workgroup of 8x8 threads covers 64 rows x 32 columns

fn b_row4(k: u32, n: u32) -> vec4<f32> {
  // Columns past N repeat the last one; write_out drops them.
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
      acc[i] += a_at(r, k) * b0 + a_at(r, k + 1u) * b1 + a_at(r, k + 2u) * b2 + a_at(r, k + 3u) * b3;
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
