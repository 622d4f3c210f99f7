// Runs a function that a test page exposes on `window` in headless Chromium, and returns
// what it returns.
import { withPage } from '../scripts/headless';

export async function inBrowser<T>(
  fn: string,
  args: unknown[],
  path = 'e2e/pages/kernels.html',
): Promise<{ value: T; browserVersion: string }> {
  return withPage(path, async (tab, browser) => {
    await tab.waitForFunction((name) => name in window, fn);
    const value = (await tab.evaluate(
      ([name, a]) =>
        (window as unknown as Record<string, (...x: unknown[]) => Promise<unknown>>)[
          name as string
        ](...(a as unknown[])),
      [fn, args] as const,
    )) as T;
    return { value, browserVersion: browser.version() };
  });
}
