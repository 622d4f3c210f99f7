import { expect, test } from '@playwright/test';

// Chromium without --enable-unsafe-webgpu hands out no adapter on a machine without a GPU:
// the pages must say what to enable instead of failing silently.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic', '--disable-gpu'],
  },
});

test('the demo page explains that WebGPU is missing', async ({ page }) => {
  await page.goto('/demo/');
  await expect(page.locator('#error')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('#error')).toContainText(/WebGPU(UnavailableError)?.*(no GPU adapter|not available)/);
  await expect(page.locator('#error')).toContainText('--enable-unsafe-webgpu');
  await expect(page.locator('#start')).toBeDisabled();
});
