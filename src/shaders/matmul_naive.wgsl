// Matmul variant "naive": one output per thread, straight from global memory. Kept only as
// the benchmark's baseline and as a second opinion in tests. Prepended like the others.

@compute @workgroup_size(16, 16)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let n = gid.x;
  let m = gid.y;
  if (m >= params.m || n >= params.n) { return; }
  var acc = 0.0;
  for (var k = 0u; k < params.k; k++) { acc += a_at(m, k) * b_at(k, n); }
  write_out(m, n, acc);
}
