import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { DemoState } from '../demo/page-state';

test('the demo page trains MNIST on the GPU, predicts a drawn digit and shows no error', async ({
  page,
}, info) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.goto('/demo/?autostart=1&epochs=1&limit=3000&batchSize=32&test=500&seed=1');
  await page.waitForFunction(
    () => {
      const s = (window as unknown as { webgpuNN: DemoState }).webgpuNN.state;
      return s === 'done' || s === 'error';
    },
    undefined,
    { timeout: 540_000, polling: 1000 },
  );
  const result = await page.evaluate(() => (window as unknown as { webgpuNN: DemoState }).webgpuNN);
  info.annotations.push({ type: 'demo', description: JSON.stringify(result) });
  expect(result.error).toBeUndefined();
  expect(result.testAccuracy).toBeGreaterThan(0.85);

  // A scripted stroke: a vertical line, which a trained network calls a 1.
  const box = (await page.locator('#drawCanvas').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.15 + 0.06 * i));
  await page.mouse.up();
  await expect(page.locator('#drawPrediction')).toHaveText(/^Prediction: \d$/);
  await expect(page.locator('#probabilities .bar')).toHaveCount(10);
  await expect(page.locator('#gallery figure')).toHaveCount(24);
  await expect(page.locator('#confusion td')).toHaveCount(100);
  await expect(page.locator('#error')).toBeHidden();

  // The lesson's panel: 5,000 Adam steps end at the lesson's weights (1.0, -0.99955).
  await page.locator('#descend').click();
  await expect(page.locator('#descentStatus')).toHaveAttribute('data-done', 'true', {
    timeout: 240_000,
  });
  await expect(page.locator('#descentStatus')).toContainText('step 5000');
  await expect(page.locator('#descentStatus')).toContainText(/weights \(1\.0000\d, -0\.9995\d\)/);

  await page.screenshot({ path: info.outputPath('demo.png'), fullPage: true });

  // The trained model kept in IndexedDB and loaded back scores the same.
  const before = await page.locator('#testAccuracy').textContent();
  await page.locator('#saveBrowser').click();
  await expect(page.locator('#status')).toHaveText('Model kept in this browser (IndexedDB).');
  await page.locator('#loadBrowser').click();
  await expect(page.locator('#status')).toContainText('Loaded model');
  expect(await page.locator('#testAccuracy').textContent()).toBe(before);
  expect(errors).toEqual([]);
});

test('the demo page loads a model that `npm run train -- --save` wrote', async ({ page }, info) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const dir = info.outputPath('saved');
  // The files `npm run train -- --save DIR` writes (model.save in Node), here from a short run.
  execFileSync(
    'npx',
    [
      'tsx',
      '--import',
      './scripts/raw-loader.mjs',
      'scripts/train.ts',
      '--epochs',
      '1',
      '--limit',
      '2048',
      '--seed',
      '1',
      '--save',
      dir,
    ],
    { stdio: 'ignore' },
  );
  await page.goto('/demo/?test=500');
  await expect(page.locator('#status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await page
    .locator('#loadFiles')
    .setInputFiles([join(dir, 'model.json'), join(dir, 'weights.bin')]);
  await expect(page.locator('#status')).toContainText('Loaded model', { timeout: 120_000 });
  const accuracy = Number(
    (await page.locator('#testAccuracy').textContent())!.match(/([\d.]+)%/)![1],
  );
  expect(accuracy).toBeGreaterThan(80);
  expect(errors).toEqual([]);
});
