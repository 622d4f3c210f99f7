// Browser tests: pages served by Vite from 127.0.0.1 in headless Chromium with WebGPU.
// Uses the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium); never downloads one.
// Playwright gives each launch a fresh temporary profile.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/headless';

const PORT = 4317;

export default defineConfig({
  testDir: 'e2e',
  timeout: 600_000,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `npx vite --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/e2e/pages/kernels.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
