import { expect, test } from '@playwright/test';
import { expectClose } from '../test/helpers/expect-close';
import { randomArray } from '../test/helpers/engine';
import { matmulRef } from '../test/reference/matmul';
import { softmaxRef } from '../test/reference/softmax';

test('matmul and softmax in headless Chromium match the CPU reference', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/e2e/pages/kernels.html');
  await expect(page.locator('#status')).toHaveText('ready');
  const [m, k, n, cols] = [67, 130, 33, 257];
  const a = Array.from(randomArray(m * k, 1));
  const b = Array.from(randomArray(k * n, 2));
  const logits = Array.from(randomArray(3 * cols, 3, -20, 20));
  const got = await page.evaluate(
    ([a, b, m, k, n, logits, cols]) =>
      (window as unknown as { runKernels: (...args: unknown[]) => Promise<{ adapter: string; matmul: number[];
        softmax: number[] }> }).runKernels(a, b, m, k, n, logits, cols),
    [a, b, m, k, n, logits, cols] as const,
  );
  test.info().annotations.push({ type: 'adapter', description: got.adapter });
  expectClose(got.matmul, matmulRef(a, b, m, k, n), { atol: 1e-5 * Math.sqrt(k), rtol: 1e-5 });
  expectClose(got.softmax, softmaxRef(logits, cols), { atol: 1e-6, rtol: 1e-5 });
  expect(errors).toEqual([]);
});
