// The benchmark page: this engine and TF.js (webgpu, wasm, cpu) on the same adapter, figures
// alternated between engines; a table and a chart of ratios. ?autorun=1&quick=1 drives it.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreads from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LogarithmicScale,
  Tooltip,
} from 'chart.js';
import { ours } from '../bench/contender-ours';
import { tfjs } from '../bench/contender-tfjs';
import { FULL, QUICK, ratio, runSuite, type BenchRecord, type EngineName } from '../bench/suite';
import { Engine } from '../src/engine/engine';
import { fetchDataset } from './data';
import type { BenchState } from './page-state';

Chart.register(BarController, BarElement, CategoryScale, LogarithmicScale, Legend, Tooltip);
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreads,
});

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);
const PEERS: EngineName[] = ['tfjs-webgpu', 'tfjs-wasm', 'tfjs-cpu'];
const state: BenchState = { state: 'loading', browser: navigator.userAgent };
Object.assign(window, { webgpuNNBench: state });
let chart: Chart | undefined;

function status(s: string, text: string): void {
  state.state = s;
  $('status').dataset.state = s;
  $('status').textContent = text;
}

function fmt(r: BenchRecord): string {
  const d = r.unit === 'ms' ? 0 : r.median < 10 ? 2 : 0;
  return `${r.median.toFixed(d)} <span class="spread">${r.min.toFixed(d)}–${r.max.toFixed(d)}</span>`;
}

function show(records: BenchRecord[]): void {
  const keys = [...new Set(records.map((r) => `${r.figure} ${r.size}`))];
  const find = (key: string, e: EngineName) =>
    records.find((r) => `${r.figure} ${r.size}` === key && r.engine === e);
  const peerHeads = PEERS.map((p) => `<th>${p}</th><th>÷ ${p}</th>`).join('');
  const head = `<tr><th>figure</th><th>webgpu-nn</th>${peerHeads}</tr>`;
  const rows = keys.map((k) => {
    const o = find(k, 'webgpu-nn')!;
    const cells = PEERS.map((p) => {
      const r = find(k, p);
      if (!r) return '<td>–</td><td>–</td>';
      const x = ratio(o, r);
      return `<td>${fmt(r)}</td><td class="${x >= 1 ? 'win' : 'lose'}">${x.toFixed(2)}×</td>`;
    });
    return `<tr><td>${k} <span class="spread">${o.unit}</span></td><td>${fmt(o)}</td>${cells.join('')}</tr>`;
  });
  $('results').innerHTML = head + rows.join('');
  chart?.destroy();
  chart = new Chart($<HTMLCanvasElement>('ratioChart'), {
    type: 'bar',
    data: {
      labels: keys,
      datasets: PEERS.map((p, i) => ({
        label: `÷ ${p}`,
        backgroundColor: ['#2557d6', '#1a9e54', '#e07b00'][i],
        data: keys.map((k) => {
          const r = find(k, p);
          return r ? ratio(find(k, 'webgpu-nn')!, r) : null;
        }),
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { type: 'logarithmic' } },
    },
  });
}

async function run(engine: Engine): Promise<void> {
  $<HTMLButtonElement>('run').disabled = true;
  try {
    const quick = $<HTMLInputElement>('quick').checked;
    const config = { ...(quick ? QUICK : FULL) };
    // The fields count in a full run; URL parameters count in either.
    if (!quick || params.has('runs')) config.runs = Number($<HTMLInputElement>('runs').value);
    if (!quick || params.has('epochSamples')) {
      config.epochSamples = Number($<HTMLInputElement>('epochSamples').value);
    }
    for (const key of ['matmul', 'trainStep'] as const) {
      const v = params.get(key);
      if (v) config[key] = v.split(',').map(Number);
    }
    status('running', 'Loading MNIST…');
    const mnist = await fetchDataset('mnist', params.get('data'));
    const data = { images: mnist.train.images, labels: mnist.train.labels };
    const contenders = [
      ours(engine, data),
      ...PEERS.map((p) => tfjs(p.slice(5) as 'webgpu' | 'wasm' | 'cpu', data)),
    ];
    const { records, gpu } = await runSuite(contenders, config, (done, total, what) => {
      $<HTMLProgressElement>('progress').value = done / total;
      status('running', `Measured ${what} (${done}/${total})…`);
    });
    state.results = records;
    state.gpu = gpu;
    $('gpuTimes').textContent = gpu.length
      ? 'GPU time alone (timestamp queries): ' +
        gpu.map((r) => `${r.engine} matmul ${r.size}: ${r.median.toFixed(2)} GFLOP/s`).join('; ')
      : 'GPU time alone: not available here.';
    state.date = new Date().toISOString();
    show(records);
    status(
      'done',
      `Done: ${config.runs} run${config.runs === 1 ? '' : 's'} per figure, ` +
        `${state.date.slice(0, 16).replace('T', ' ')} UTC.`,
    );
  } catch (err) {
    state.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    $('error').hidden = false;
    $('error').textContent = state.error;
    status('error', 'Stopped by an error (see above).');
  } finally {
    $<HTMLButtonElement>('run').disabled = false;
  }
}

async function main(): Promise<void> {
  if (params.get('quick') === '1') $<HTMLInputElement>('quick').checked = true;
  for (const id of ['runs', 'epochSamples']) {
    const v = params.get(id);
    if (v) $<HTMLInputElement>(id).value = v;
  }
  const engine = await Engine.create();
  state.adapter = engine.adapterName;
  $('adapter').textContent =
    `GPU adapter: ${engine.adapterName}${engine.adapter.isFallback ? ' (software)' : ''}; ` +
    `TF.js ${tf.version.tfjs}; ${navigator.userAgent.match(/Chrom\w+\/[\d.]+/)?.[0] ?? navigator.userAgent}`;
  $<HTMLButtonElement>('run').disabled = false;
  status('ready', 'Press Run. A full run takes many minutes on a software adapter.');
  $('run').addEventListener('click', () => void run(engine));
  if (params.get('autorun') === '1') await run(engine);
}

main().catch((err) => {
  state.error = String(err);
  $('error').hidden = false;
  $('error').textContent = String(err);
  status('error', 'WebGPU could not start.');
});
