import { expect, test } from '@playwright/test';
import type { LessonResult } from '../examples/lesson';
import { expectClose } from '../test/helpers/expect-close';

test("the lesson's values come out the same in headless Chromium", async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/e2e/pages/lesson.html');
  await expect(page.locator('#status')).toHaveText('ready');
  const r = await page.evaluate(() =>
    (window as unknown as { lesson: () => Promise<LessonResult & { adapter: string }> }).lesson(),
  );
  test.info().annotations.push({ type: 'adapter', description: r.adapter });
  expectClose(
    [r.linear, r.sigmoid, r.relu, r.tanh, r.mae, r.mse],
    [1.8263, 0.6970569, 2.00322, 0.7090626, 1.66322, 2.7663008],
    { atol: 1e-5, rtol: 0 },
  );
  expectClose(r.gdWeights1000, [1.0, 0.11923], { atol: 1e-4, rtol: 0 });
  expectClose(r.gdWeights5000, [1.0, -0.99955], { atol: 1e-3, rtol: 0 });
  expect(r.summary).toContain('dense_1 (Dense)             (None, 1)                 2');
  expect(errors).toEqual([]);
});
