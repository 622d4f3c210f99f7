// Finds the MNIST files on disk for the CLI: in a directory (flag, environment, or data/),
// downloaded from a public mirror with a progress bar when missing, checked by SHA-256.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { FILES, MIRRORS, SHA256, type DatasetName } from '../src/data/mnist';

const ENV: Record<DatasetName, string> = { mnist: 'MNIST_DIR', fashion: 'FASHION_MNIST_DIR' };
const DEFAULT_DIR: Record<DatasetName, string> = {
  mnist: 'data/mnist',
  fashion: 'data/fashion-mnist',
};

/** The directory to use: --data, then MNIST_DIR (FASHION_MNIST_DIR), then data/mnist. */
export function dataDir(dataset: DatasetName, flag?: string): string {
  return resolve(flag ?? process.env[ENV[dataset]] ?? DEFAULT_DIR[dataset]);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function download(dataset: DatasetName, file: string, dest: string): Promise<void> {
  const failures: string[] = [];
  for (const mirror of MIRRORS[dataset]) {
    const url = mirror + file;
    try {
      const res = await fetch(url);
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      const total = Number(res.headers.get('content-length')) || 0;
      const bar = new cliProgress.SingleBar(
        { format: `${file} |{bar}| {percentage}% {value}/{total} bytes` },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
      const chunks: Uint8Array[] = [];
      let got = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        chunks.push(chunk);
        got += chunk.length;
        bar.update(got);
      }
      bar.stop();
      const bytes = Buffer.concat(chunks);
      const sum = sha256(bytes);
      if (sum !== SHA256[dataset][file])
        throw new Error(`SHA-256 ${sum} does not match the original's`);
      await writeFile(`${dest}.part`, bytes);
      await rename(`${dest}.part`, dest);
      return;
    } catch (err) {
      failures.push(`${url}: ${(err as Error).message}`);
    }
  }
  throw new Error(
    `could not download ${file}:\n  ${failures.join('\n  ')}\n` +
      `Put the four ${dataset} files (${Object.values(FILES).join(', ')}) in ${resolve(dest, '..')}, ` +
      `or point ${ENV[dataset]} or --data at a directory that holds them.`,
  );
}

/** A reader of the dataset's files by name, downloading any that are missing. */
export function fileReader(
  dataset: DatasetName,
  dir: string,
): (file: string) => Promise<Uint8Array> {
  return async (file) => {
    const path = join(dir, file);
    if (!existsSync(path)) {
      mkdirSync(dir, { recursive: true });
      await download(dataset, file, path);
    }
    const bytes = new Uint8Array(await readFile(path));
    const sum = sha256(bytes);
    if (sum !== SHA256[dataset][file]) {
      throw new Error(
        `${path}: SHA-256 ${sum} is not the original file's ${SHA256[dataset][file]}; ` +
          'delete it to download it again',
      );
    }
    return bytes;
  };
}
