// Builds the library (src/index.ts -> dist/) or, with --mode demo, the demo pages
// (-> dist/site/); serves the repository root in development; configures the unit tests.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { mnistData } from './scripts/vite-data-plugin.ts';

const root = import.meta.dirname;

export default defineConfig(({ mode }) => ({
  build:
    mode === 'demo'
      ? {
          outDir: resolve(root, 'dist/site'),
          emptyOutDir: true,
          rollupOptions: {
            input: {
              index: resolve(root, 'demo/index.html'),
              bench: resolve(root, 'demo/bench.html'),
            },
          },
        }
      : {
          outDir: resolve(root, 'dist'),
          emptyOutDir: false,
          lib: { entry: resolve(root, 'src/index.ts'), formats: ['es'], fileName: 'index' },
          rollupOptions: { external: ['webgpu', /^node:/] },
          sourcemap: true,
        },
  plugins: [mnistData()],
  server: { host: '127.0.0.1' },
  test: {
    include: ['test/**/*.test.ts'],
    // Dawn's native module is happiest in child processes (see ../shared/WEBGPU-HERE.md).
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
}));
