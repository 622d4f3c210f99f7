// Runs a function that a test page exposes on `window`, in headless Chromium on a page served
// by Vite from 127.0.0.1, and returns what it returns.
import { chromium } from '@playwright/test';
import { createServer } from 'vite';

export async function inBrowser<T>(fn: string, args: unknown[], page = 'e2e/pages/kernels.html'):
  Promise<{ value: T; browserVersion: string }> {
  const server = await createServer({ server: { port: 0, host: '127.0.0.1', hmr: false, watch: null }, logLevel: 'error' });
  await server.listen();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--enable-unsafe-webgpu', '--no-sandbox', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const tab = await browser.newPage();
    await tab.goto(server.resolvedUrls!.local[0] + page);
    await tab.waitForFunction((name) => name in window, fn);
    const value = await tab.evaluate(([name, a]) =>
      (window as unknown as Record<string, (...x: unknown[]) => Promise<unknown>>)[name as string](...(a as unknown[])),
    [fn, args] as const) as T;
    return { value, browserVersion: browser.version() };
  } finally {
    await browser.close();
    await server.close();
  }
}
