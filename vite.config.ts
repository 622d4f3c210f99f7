// Builds the library (src/index.ts -> dist/) and the demo pages; configures the unit tests.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig(({ mode }) => ({
  root: mode === 'demo' ? resolve(root, 'demo') : root,
  build: mode === 'demo'
    ? {
        outDir: resolve(root, 'dist/demo'),
        emptyOutDir: true,
        rollupOptions: {
          input: {
            index: resolve(root, 'demo/index.html'),
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
  server: { host: '127.0.0.1' },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
}));
