// Headless Chromium with WebGPU on a page that Vite serves from 127.0.0.1: for the commands
// that drive the demo and benchmark pages (train --browser, bench, bench:kernels --browser).
import { chromium, type Browser, type Page } from '@playwright/test';
import { createServer } from 'vite';

/** Chromium's flags here: WebGPU on a software adapter, and quiet on a closed network. */
export const CHROMIUM_ARGS = [
  '--enable-unsafe-webgpu',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Opens `path` (e.g. "demo/bench.html?quick=1") and hands the page to `use`; cleans up after. */
export async function withPage<T>(
  path: string,
  use: (page: Page, browser: Browser) => Promise<T>,
): Promise<T> {
  // No file watching: an edit elsewhere must not reload a page in the middle of a measurement.
  const server = await createServer({
    server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    logLevel: 'error',
  });
  await server.listen();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(server.resolvedUrls!.local[0] + path);
    return await use(page, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}
