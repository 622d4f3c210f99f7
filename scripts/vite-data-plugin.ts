// Serves the MNIST files to pages under /data/mnist/ and /data/fashion-mnist/ from the same
// directories the CLI uses (MNIST_DIR, FASHION_MNIST_DIR or data/), downloading missing ones.
// The file helpers load through Vite itself, so the config imports nothing of the project.
import type { Plugin } from 'vite';

type Files = typeof import('./mnist-files');
type Dataset = import('../src/data/mnist').DatasetName;

const ROUTES: Record<string, Dataset> = {
  '/data/mnist/': 'mnist',
  '/data/fashion-mnist/': 'fashion',
};

export function mnistData(): Plugin {
  return {
    name: 'webgpu-nn-mnist-data',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const url = (req.url ?? '').split('?')[0];
        const prefix = Object.keys(ROUTES).find((p) => url.startsWith(p));
        const file = prefix && url.slice(prefix.length);
        if (!prefix || !file || !/^[\w.-]+-idx[13]-ubyte\.gz$/.test(file)) return next();
        try {
          const files = (await server.ssrLoadModule('/scripts/mnist-files.ts')) as Files;
          const dataset = ROUTES[prefix];
          const bytes = await files.fileReader(dataset, files.dataDir(dataset))(file);
          res.setHeader('Content-Type', 'application/octet-stream');
          res.end(Buffer.from(bytes));
        } catch (err) {
          res.statusCode = 404;
          res.end((err as Error).message);
        }
      });
    },
  };
}
