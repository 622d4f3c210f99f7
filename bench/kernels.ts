// `npm run bench:kernels`: matmul GFLOP/s per variant at 256, 512 and 1024 on this adapter.
// Prints figures; asserts nothing (speed is judged by people, in ratios, not by tests).
import { parseArgs } from 'node:util';
import { Engine } from '../src/engine/engine';
import { defaultMatmulVariant, matmul, type MatmulVariant } from '../src/kernels/matmul';
import { Random } from '../src/nn/random';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '256,512,1024' },
    runs: { type: 'string', default: '5' },
    variants: { type: 'string', default: 'tiled,rows,naive' },
    json: { type: 'boolean', default: false },
  },
});

const engine = await Engine.create();
const sizes = values.sizes.split(',').map(Number);
const variants = values.variants.split(',') as MatmulVariant[];
const runs = Number(values.runs);
const rng = new Random(1);
const results: { variant: string; size: number; gflops: number; ms: number }[] = [];

for (const size of sizes) {
  const data = Float32Array.from({ length: size * size }, () => rng.uniform(-1, 1));
  const a = engine.tensor(data, [size, size], 'bench.a');
  const b = engine.tensor(data, [size, size], 'bench.b');
  const out = engine.empty([size, size], 'bench.out');
  for (const variant of variants) {
    // Warm-up compiles the pipeline; the naive kernel gets fewer runs at large sizes.
    engine.run('warmup', (r) => matmul(r, engine, a, b, out, { variant }));
    await engine.sync();
    const times: number[] = [];
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

if (values.json) {
  console.log(JSON.stringify({ adapter: engine.adapterName, results }));
} else {
  console.log(`adapter: ${engine.adapterName} (default matmul variant: ${defaultMatmulVariant(engine)})`);
  console.log('variant  size   median ms   GFLOP/s');
  for (const r of results) {
    console.log(`${r.variant.padEnd(8)} ${String(r.size).padStart(4)}  ${r.ms.toFixed(1).padStart(10)}` +
      `  ${r.gflops.toFixed(2).padStart(8)}`);
  }
}
engine.destroy();
