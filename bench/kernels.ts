// `npm run bench:kernels`: matmul GFLOP/s per variant at 256, 512 and 1024, in Node on Dawn and
// (with --browser) in headless Chromium. Prints figures; asserts nothing.
import { parseArgs } from 'node:util';
import { Engine } from '../src/engine/engine';
import { defaultMatmulVariant, type MatmulVariant } from '../src/kernels/matmul';
import { timeMatmul, type MatmulTiming } from './matmul-timing';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '256,512,1024' },
    runs: { type: 'string', default: '5' },
    variants: { type: 'string', default: 'tiled,rows,naive' },
    browser: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const variants = values.variants.split(',') as MatmulVariant[];
const runs = Number(values.runs);

function print(where: string, adapter: string, chosen: string, results: MatmulTiming[]): void {
  console.log(`${where}: ${adapter} (default matmul variant: ${chosen})`);
  console.log('variant  size   median ms   GFLOP/s');
  for (const r of results) {
    console.log(
      `${r.variant.padEnd(8)} ${String(r.size).padStart(4)}  ${r.ms.toFixed(1).padStart(10)}` +
        `  ${r.gflops.toFixed(2).padStart(8)}`,
    );
  }
}

const report: Record<string, unknown> = {};
const engine = await Engine.create();
const node = await timeMatmul(engine, sizes, variants, runs);
report.node = { adapter: engine.adapterName, results: node };
if (!values.json) print('Node (Dawn)', engine.adapterName, defaultMatmulVariant(engine), node);
engine.destroy();

if (values.browser) {
  const { inBrowser } = await import('./browser');
  const page = await inBrowser<{ adapter: string; chosen: string; results: MatmulTiming[] }>(
    'benchMatmul',
    [sizes, variants, runs],
  );
  report.browser = page;
  if (!values.json)
    print(
      `Chromium ${page.browserVersion}`,
      page.value.adapter,
      page.value.chosen,
      page.value.results,
    );
}
if (values.json) console.log(JSON.stringify(report));
