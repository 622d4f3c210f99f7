// Times matmul variants on one engine: median of `runs` after a warm-up, as GFLOP/s.
// Shared by the Node benchmark and the browser page it drives.
import type { Engine } from '../src/engine/engine';
import { matmul, type MatmulVariant } from '../src/kernels/matmul';
import { Random } from '../src/nn/random';

export interface MatmulTiming {
  variant: MatmulVariant;
  size: number;
  ms: number;
  gflops: number;
}

export async function timeMatmul(
  engine: Engine,
  sizes: number[],
  variants: MatmulVariant[],
  runs: number,
): Promise<MatmulTiming[]> {
  const rng = new Random(1);
  const results: MatmulTiming[] = [];
  for (const size of sizes) {
    const data = Float32Array.from({ length: size * size }, () => rng.uniform(-1, 1));
    const a = engine.tensor(data, [size, size], 'bench.a');
    const b = engine.tensor(data, [size, size], 'bench.b');
    const out = engine.empty([size, size], 'bench.out');
    for (const variant of variants) {
      engine.run('bench.warmup', (r) => matmul(r, engine, a, b, out, { variant }));
      await engine.sync();
      const times: number[] = [];
      // The naive kernel is the baseline only; at 1024 and up a few runs say enough.
      const n = variant === 'naive' && size >= 1024 ? Math.min(runs, 3) : runs;
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        engine.run('bench', (r) => matmul(r, engine, a, b, out, { variant }));
        await engine.sync();
        times.push(performance.now() - t0);
      }
      times.sort((x, y) => x - y);
      const ms = times[times.length >> 1];
      results.push({ variant, size, ms, gflops: (2 * size ** 3) / ms / 1e6 });
    }
    [a, b, out].forEach((t) => t.dispose());
  }
  return results;
}
