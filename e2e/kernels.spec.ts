import { execFileSync } from 'node:child_process';
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
      (
        window as unknown as {
          runKernels: (
            ...args: unknown[]
          ) => Promise<{ adapter: string; matmul: number[]; softmax: number[] }>;
        }
      ).runKernels(a, b, m, k, n, logits, cols),
    [a, b, m, k, n, logits, cols] as const,
  );
  test.info().annotations.push({ type: 'adapter', description: got.adapter });
  expectClose(got.matmul, matmulRef(a, b, m, k, n), { atol: 1e-5 * Math.sqrt(k), rtol: 1e-5 });
  expectClose(got.softmax, softmaxRef(logits, cols), { atol: 1e-6, rtol: 1e-5 });
  expect(errors).toEqual([]);
});

test('a model saved in Node loads in the page from a URL and predicts the same', async ({
  page,
}) => {
  // Saved under the served root so that the page can fetch it.
  const dir = 'test-results/url-model';
  const x = Array.from({ length: 4 }, (_, r) => Array.from(randomArray(3, r + 9)));
  const out = execFileSync(
    'npx',
    [
      'tsx',
      '--import',
      './scripts/raw-loader.mjs',
      'e2e/fixtures/save-model.ts',
      dir,
      JSON.stringify(x),
    ],
    { encoding: 'utf8' },
  );
  const expected = JSON.parse(out.trim().split('\n').pop()!) as number[];
  await page.goto('/e2e/pages/kernels.html');
  await expect(page.locator('#status')).toHaveText('ready');
  const got = await page.evaluate(
    ([u, flat]) =>
      (
        window as unknown as {
          predictFromUrl: (u: string, x: number[], r: number, c: number) => Promise<number[]>;
        }
      ).predictFromUrl(u, flat, 4, 3),
    [`/${dir}/model.json`, x.flat()] as const,
  );
  expectClose(got, expected, { atol: 1e-6, rtol: 1e-6 });
});
