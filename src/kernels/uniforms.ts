// Packs a kernel's uniform struct: its u32 fields first, then its f32 fields, each group
// padded to 16 bytes, the order every WGSL `Params` struct in src/shaders follows.

export function packUniforms(u32: readonly number[], f32: readonly number[] = []): ArrayBuffer {
  const uWords = Math.ceil(u32.length / 4) * 4;
  const fWords = Math.ceil(f32.length / 4) * 4;
  const data = new ArrayBuffer(Math.max(16, (uWords + fWords) * 4));
  new Uint32Array(data, 0, u32.length).set(u32);
  new Float32Array(data, uWords * 4, f32.length).set(f32);
  return data;
}
