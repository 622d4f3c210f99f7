// Serves the MNIST files to pages under /data/mnist/ and /data/fashion-mnist/ from the same
// directories the CLI uses (MNIST_DIR, FASHION_MNIST_DIR or data/), downloading missing ones.
import type { Plugin } from 'vite';
import { FILES, type DatasetName } from '../src/data/mnist';
import { dataDir, fileReader } from './mnist-files';

const ROUTES: Record<string, DatasetName> = {
  '/data/mnist/': 'mnist',
  '/data/fashion-mnist/': 'fashion',
};
const NAMES = new Set<string>(Object.values(FILES));

export function mnistData(): Plugin {
  return {
    name: 'webgpu-nn-mnist-data',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const url = (req.url ?? '').split('?')[0];
        const prefix = Object.keys(ROUTES).find((p) => url.startsWith(p));
        const file = prefix && url.slice(prefix.length);
        if (!prefix || !file || !NAMES.has(file)) return next();
        try {
          const dataset = ROUTES[prefix];
          const bytes = await fileReader(dataset, dataDir(dataset))(file);
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
