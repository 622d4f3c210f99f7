// Where model files live: a folder in Node, a URL, a pair of files a person picked, IndexedDB,
// or the browser's downloads. Weight files are checked against their declared size before
// they are read whole.
import { InputError } from '../engine/errors';

export interface Reader {
  /** model.json's text. */
  json(): Promise<string>;
  /** A weights file named in the manifest, which must hold exactly `bytes` bytes. */
  file(path: string, bytes: number): Promise<Uint8Array>;
}

export interface Writer {
  /** The weights file's name, as model.json will list it. */
  weightsPath: string;
  write(modelJson: string, weights: Uint8Array): Promise<void>;
}

const isNode = typeof process !== 'undefined' && !!process.versions?.node;
const DB = 'webgpu-nn';
const STORE = 'models';

function sizeCheck(path: string, actual: number, expected: number): void {
  if (actual < expected) {
    throw new InputError(
      `weights file "${path}" is truncated: the manifest declares ${expected} bytes, it holds ${actual}`,
    );
  }
  if (actual > expected) {
    throw new InputError(
      `weights file "${path}" holds ${actual} bytes, more than the ${expected} the manifest declares`,
    );
  }
}

async function nodeModules() {
  const [fs, path] = ['node:fs/promises', 'node:path'];
  return { fs: await import(/* @vite-ignore */ fs), path: await import(/* @vite-ignore */ path) };
}

function folderReader(target: string): Reader {
  return {
    async json() {
      const { fs, path } = await nodeModules();
      const file = target.endsWith('.json') ? target : path.join(target, 'model.json');
      return fs.readFile(file, 'utf8');
    },
    async file(p, bytes) {
      const { fs, path } = await nodeModules();
      const dir = target.endsWith('.json') ? path.dirname(target) : target;
      const file = path.join(dir, p);
      sizeCheck(p, (await fs.stat(file)).size, bytes);
      return new Uint8Array(await fs.readFile(file));
    },
  };
}

function urlReader(url: string): Reader {
  const base = new URL(url, typeof location === 'undefined' ? undefined : location.href);
  return {
    async json() {
      const res = await fetch(base);
      if (!res.ok) throw new InputError(`could not fetch ${base} (HTTP ${res.status})`);
      return res.text();
    },
    async file(p, bytes) {
      const res = await fetch(new URL(p, base));
      if (!res.ok) throw new InputError(`could not fetch weights ${p} (HTTP ${res.status})`);
      const length = Number(res.headers.get('content-length') ?? NaN);
      if (Number.isFinite(length) && !res.headers.get('content-encoding'))
        sizeCheck(p, length, bytes);
      const data = new Uint8Array(await res.arrayBuffer());
      sizeCheck(p, data.length, bytes);
      return data;
    },
  };
}

function filesReader(files: File[]): Reader {
  const json = files.find((f) => f.name.endsWith('.json'));
  if (!json) throw new InputError('loadModel: among the files there is no .json file');
  return {
    json: () => json.text(),
    async file(p, bytes) {
      const name = p.split('/').pop();
      const f = files.find((x) => x.name === name);
      if (!f)
        throw new InputError(`loadModel: the weights file "${p}" was not among the files given`);
      sizeCheck(p, f.size, bytes);
      return new Uint8Array(await f.arrayBuffer());
    },
  };
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function idb<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = op(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result as T);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

interface Stored {
  json: string;
  weights: ArrayBuffer;
}

function idbReader(key: string): Reader {
  const stored = idb<Stored | undefined>('readonly', (s) => s.get(key)).then((v) => {
    if (!v) throw new InputError(`loadModel: no model "${key}" in IndexedDB`);
    return v;
  });
  return {
    json: async () => (await stored).json,
    async file(p, bytes) {
      const w = (await stored).weights;
      sizeCheck(p, w.byteLength, bytes);
      return new Uint8Array(w);
    },
  };
}

/** A reader for "indexeddb://name", a URL, File objects, or (in Node) a folder or its model.json. */
export function readerFor(source: string | File[]): Reader {
  if (typeof source !== 'string') return filesReader(Array.from(source));
  if (source.startsWith('indexeddb://')) return idbReader(source.slice('indexeddb://'.length));
  if (/^https?:\/\//.test(source) || (!isNode && !source.startsWith('file://')))
    return urlReader(source);
  if (!isNode) throw new InputError(`loadModel: "${source}" needs Node's file system`);
  return folderReader(source.replace(/^file:\/\//, ''));
}

/** A writer for "indexeddb://name", "downloads://name", or (in Node) a folder. */
export function writerFor(target: string): Writer {
  if (target.startsWith('indexeddb://')) {
    const key = target.slice('indexeddb://'.length);
    return {
      weightsPath: 'weights.bin',
      write: async (json, weights) =>
        void (await idb('readwrite', (s) =>
          s.put({ json, weights: weights.slice().buffer } satisfies Stored, key),
        )),
    };
  }
  if (target.startsWith('downloads://')) {
    const name = target.slice('downloads://'.length) || 'model';
    return {
      weightsPath: `${name}.weights.bin`,
      async write(json, weights) {
        for (const [file, blob] of [
          [`${name}.json`, new Blob([json], { type: 'application/json' })],
          [`${name}.weights.bin`, new Blob([weights as Uint8Array<ArrayBuffer>])],
        ] as const) {
          const a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = file;
          a.click();
          setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
        }
      },
    };
  }
  if (!isNode)
    throw new InputError(
      `save: "${target}" needs Node's file system; use downloads:// or indexeddb://`,
    );
  const dir = target.replace(/^file:\/\//, '');
  return {
    weightsPath: 'weights.bin',
    async write(json, weights) {
      const { fs, path } = await nodeModules();
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, 'model.json'), json);
      await fs.writeFile(path.join(dir, 'weights.bin'), weights);
    },
  };
}
