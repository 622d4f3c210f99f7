import { expect, test } from '@playwright/test';
import type { BenchRecord } from '../bench/suite';

test('the benchmark page measures every figure on every engine at the smallest sizes', async ({
  page,
}, info) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.goto('/demo/bench.html?autorun=1&quick=1&matmul=64&runs=1');
  await page.waitForFunction(
    () =>
      ['done', 'error'].includes(
        (window as unknown as { webgpuNNBench: { state: string } }).webgpuNNBench.state,
      ),
    undefined,
    { timeout: 540_000, polling: 1000 },
  );
  const state = await page.evaluate(
    () =>
      (window as unknown as { webgpuNNBench: { results?: BenchRecord[]; error?: string } })
        .webgpuNNBench,
  );
  expect(state.error).toBeUndefined();
  const results = state.results!;
  const engines = ['webgpu-nn', 'tfjs-webgpu', 'tfjs-wasm', 'tfjs-cpu'];
  for (const figure of ['matmul', 'trainStep', 'epoch', 'predict']) {
    for (const engine of engines) {
      const r = results.filter((x) => x.figure === figure && x.engine === engine);
      expect(r.length, `${figure} on ${engine}`).toBeGreaterThan(0);
      for (const x of r) {
        expect(x.median, `${figure} ${x.size} on ${engine}`).toBeGreaterThan(0);
        expect(Number.isFinite(x.median)).toBe(true);
        expect(x.min).toBeLessThanOrEqual(x.median);
        expect(x.max).toBeGreaterThanOrEqual(x.median);
      }
    }
  }
  await expect(page.locator('#results tr')).toHaveCount(
    1 + new Set(results.map((r) => `${r.figure} ${r.size}`)).size,
  );
  await page.screenshot({ path: info.outputPath('bench.png'), fullPage: true });
  expect(errors).toEqual([]);
});
