// `npm run bench`: the benchmark page in headless Chromium; prints the table and writes JSON.
//   --quick      small sizes, 3 runs        --out FILE   JSON path (bench/results.json)
//   --node       also time this engine in Node on Dawn   --runs N, --epoch-samples N
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { loadMnist } from '../src/data/mnist';
import { Engine } from '../src/engine/engine';
import type { BenchState } from '../demo/page-state';
import { withPage } from '../scripts/headless';
import { dataDir, fileReader } from '../scripts/mnist-files';
import { ours } from './contender-ours';
import { FULL, QUICK, ratio, runSuite, type BenchRecord } from './suite';

const { values: o } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    node: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.json' },
    runs: { type: 'string' },
    'epoch-samples': { type: 'string' },
    matmul: { type: 'string' },
  },
});

function table(records: BenchRecord[]): string {
  const engines = ['webgpu-nn', 'tfjs-webgpu', 'tfjs-wasm', 'tfjs-cpu'];
  const keys = [...new Set(records.map((r) => `${r.figure} ${r.size}`))];
  const lines = [
    '| figure | unit | ' + engines.join(' | ') + ' | ÷ tfjs-webgpu | ÷ tfjs-wasm | ÷ tfjs-cpu |',
    '|---|---|' + '---:|'.repeat(engines.length + 3),
  ];
  for (const k of keys) {
    const row = engines.map((e) =>
      records.find((r) => `${r.figure} ${r.size}` === k && r.engine === e),
    );
    const mine = row[0]!;
    const d = mine.unit === 'ms' ? 0 : 2;
    lines.push(
      `| ${k} | ${mine.unit} | ` +
        row.map((r) => (r ? r.median.toFixed(d) : '–')).join(' | ') +
        ' | ' +
        row
          .slice(1)
          .map((r) => (r ? `${ratio(mine, r).toFixed(2)}×` : '–'))
          .join(' | ') +
        ' |',
    );
  }
  return lines.join('\n');
}

const query = new URLSearchParams({ autorun: '1', ...(o.quick ? { quick: '1' } : {}) });
if (o.matmul) query.set('matmul', o.matmul);
if (o.runs) query.set('runs', o.runs);
if (o['epoch-samples']) query.set('epochSamples', o['epoch-samples']);
const page = await withPage(`demo/bench.html?${query}`, async (tab, browser) => {
  let last = '';
  let state: BenchState | undefined;
  for (;;) {
    state = await tab.evaluate(
      () => (window as unknown as { webgpuNNBench?: BenchState }).webgpuNNBench,
    );
    const text = (await tab.locator('#status').textContent()) ?? '';
    if (text !== last) console.error(text);
    last = text;
    if (state?.state === 'done' || state?.state === 'error') break;
    await tab.waitForTimeout(1000);
  }
  if (state.error) throw new Error(`benchmark page failed: ${state.error}`);
  return { ...state, browser: `Chromium ${browser.version()}` };
});

const report: Record<string, unknown> = {
  adapter: page.adapter,
  browser: page.browser,
  date: page.date,
  results: page.results,
  gpuTime: page.gpu,
};
console.log(`adapter: ${page.adapter}; ${page.browser}; ${page.date}`);
console.log(table(page.results!));
for (const r of page.gpu ?? [])
  console.log(`GPU time alone: ${r.engine} matmul ${r.size}: ${r.median.toFixed(2)} GFLOP/s`);

if (o.node) {
  const engine = await Engine.create();
  const config = o.quick
    ? QUICK
    : {
        ...FULL,
        ...(o.runs ? { runs: Number(o.runs) } : {}),
        ...(o['epoch-samples'] ? { epochSamples: Number(o['epoch-samples']) } : {}),
      };
  const mnist = await loadMnist(fileReader('mnist', dataDir('mnist')));
  const { records: results, gpu } = await runSuite(
    [ours(engine, { images: mnist.train.images, labels: mnist.train.labels })],
    config,
  );
  report.node = { adapter: engine.adapterName, results, gpuTime: gpu };
  for (const r of gpu)
    console.log(`  GPU time alone: matmul ${r.size}: ${r.median.toFixed(2)} GFLOP/s`);
  console.log(`\nwebgpu-nn in Node (Dawn), adapter ${engine.adapterName}:`);
  for (const r of results)
    console.log(`  ${r.figure} ${r.size}: ${r.median.toFixed(r.unit === 'ms' ? 0 : 2)} ${r.unit}`);
  engine.destroy();
}
mkdirSync(dirname(o.out), { recursive: true });
writeFileSync(o.out, JSON.stringify(report, null, 2));
console.log(`\nwritten to ${o.out}`);
