// `npm run train -- --browser`: the same training in headless Chromium through the demo page,
// served by Vite from 127.0.0.1; prints the page's progress and results.
import type { DatasetName } from '../src/data/mnist';
import type { DemoState } from '../demo/page-state';
import { withPage } from './headless';

interface Options {
  dataset: DatasetName;
  epochs: number;
  batchSize: number;
  limit?: number;
  seed?: number;
  learningRate: number;
  dir: string;
  json: boolean;
}

export async function trainInBrowser(o: Options): Promise<void> {
  process.env[o.dataset === 'mnist' ? 'MNIST_DIR' : 'FASHION_MNIST_DIR'] = o.dir;
  const query = new URLSearchParams({
    autostart: '1',
    dataset: o.dataset,
    epochs: String(o.epochs),
    batchSize: String(o.batchSize),
    learningRate: String(o.learningRate),
    limit: String(o.limit ?? 60000),
    test: '10000',
    ...(o.seed === undefined ? {} : { seed: String(o.seed) }),
  });
  await withPage(`demo/?${query}`, async (page, browser) => {
    let last = '';
    let result: DemoState | undefined;
    for (;;) {
      result = await page.evaluate(() => (window as unknown as { webgpuNN?: DemoState }).webgpuNN);
      const text = await page.locator('#status').textContent();
      if (text && text !== last && !o.json) console.log(text);
      last = text ?? '';
      if (result?.state === 'done' || result?.state === 'error') break;
      await page.waitForTimeout(2000);
    }
    if (result.error) throw new Error(`the demo page failed: ${result.error}`);
    console.log(`adapter: ${result.adapter} (headless Chromium)`);
    console.log(
      `test accuracy: ${result.testAccuracy?.toFixed(4)}; epoch times (s): ` +
        result.epochMs.map((ms) => (ms / 1000).toFixed(1)).join(', '),
    );
    if (o.json) {
      console.log(
        JSON.stringify({
          dataset: o.dataset,
          epochs: o.epochs,
          trainSamples: o.limit ?? 60000,
          batchSize: o.batchSize,
          testAccuracy: result.testAccuracy,
          epochMs: result.epochMs.map(Math.round),
          adapter: result.adapter,
          browser: browser.version(),
        }),
      );
    }
  });
}
