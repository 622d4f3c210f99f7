import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/headless';

// Chromium without --enable-unsafe-webgpu hands out no adapter on a machine without a GPU:
// the pages must say what to enable instead of failing silently.
test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS.filter((a) => a !== '--enable-unsafe-webgpu'), '--disable-gpu'],
  },
});

test('the demo page explains that WebGPU is missing', async ({ page }) => {
  await page.goto('/demo/');
  await expect(page.locator('#error')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('#error')).toContainText(
    /WebGPU(UnavailableError)?.*(no GPU adapter|not available)/,
  );
  await expect(page.locator('#error')).toContainText('--enable-unsafe-webgpu');
  await expect(page.locator('#start')).toBeDisabled();
});
