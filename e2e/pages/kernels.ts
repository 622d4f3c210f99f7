// Test page: runs matmul and softmax through the engine in the browser and hands back plain
// arrays; the Playwright test compares them with the CPU reference in Node.
import { Engine } from '../../src/engine/engine';
import { defaultMatmulVariant, matmul, type MatmulVariant } from '../../src/kernels/matmul';
import { timeMatmul } from '../../bench/matmul-timing';
import { softmax } from '../../src/kernels/softmax';
import { loadModel } from '../../src/io/model-io';

async function runKernels(
  a: number[],
  b: number[],
  m: number,
  k: number,
  n: number,
  logits: number[],
  cols: number,
) {
  const engine = await Engine.create();
  try {
    const ta = engine.tensor(a, [m, k], 'a');
    const tb = engine.tensor(b, [k, n], 'b');
    const tc = engine.empty([m, n], 'c');
    const tz = engine.tensor(logits, [logits.length / cols, cols], 'logits');
    const ty = engine.empty([logits.length / cols, cols], 'softmax');
    engine.run('page', (r) => {
      matmul(r, engine, ta, tb, tc);
      softmax(r, engine, tz, ty);
    });
    return {
      adapter: engine.adapterName,
      matmul: Array.from(await tc.read()),
      softmax: Array.from(await ty.read()),
    };
  } finally {
    engine.destroy();
  }
}

/** The kernel benchmark's browser half (npm run bench:kernels -- --browser). */
async function benchMatmul(sizes: number[], variants: MatmulVariant[], runs: number) {
  const engine = await Engine.create();
  try {
    const results = await timeMatmul(engine, sizes, variants, runs);
    return { adapter: engine.adapterName, chosen: defaultMatmulVariant(engine), results };
  } finally {
    engine.destroy();
  }
}

/** Loads a saved model from a URL (fetch) and predicts x: [rows, cols]. */
async function predictFromUrl(url: string, x: number[], rows: number, cols: number) {
  const engine = await Engine.create();
  try {
    const model = await loadModel(url, { engine });
    return Array.from((await model.predict({ data: x, shape: [rows, cols] })).data);
  } finally {
    engine.destroy();
  }
}

Object.assign(window, { runKernels, benchMatmul, predictFromUrl });
document.getElementById('status')!.textContent = 'ready';
