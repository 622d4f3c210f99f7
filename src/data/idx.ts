// The IDX format of MNIST and Fashion-MNIST: a magic number naming the element type and rank,
// the dimensions, then the bytes. Gzipped files are recognised and inflated.
import { InputError } from '../engine/errors';

export interface IdxArray {
  shape: number[];
  data: Uint8Array;
}

const UBYTE = 0x08;

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflates gzip: with zlib in Node, DecompressionStream in browsers. */
export async function gunzip(bytes: Uint8Array, what: string): Promise<Uint8Array> {
  try {
    if (typeof process !== 'undefined' && process.versions?.node) {
      const zlib = 'node:zlib';
      const { gunzipSync } = await import(/* @vite-ignore */ zlib);
      return new Uint8Array(gunzipSync(bytes));
    }
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
      .pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (err) {
    const reason = (err as Error).message;
    throw new InputError(`${what}: not a valid gzip file (${reason}); the file may be truncated`);
  }
}

/** Parses an IDX file of unsigned bytes (gzipped or not), checking header, counts and length. */
export async function parseIdx(file: Uint8Array, what: string): Promise<IdxArray> {
  const bytes = isGzip(file) ? await gunzip(file, what) : file;
  if (bytes.length < 4) throw new InputError(`${what}: ${bytes.length} bytes is too short for an IDX header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  const type = (magic >> 8) & 0xff;
  const rank = magic & 0xff;
  if (magic >>> 16 !== 0 || type !== UBYTE || rank < 1 || rank > 4) {
    const hex = magic.toString(16).padStart(8, '0');
    throw new InputError(`${what}: magic number 0x${hex} is not an IDX file ` +
      'of unsigned bytes (expected 0x00000801 for labels or 0x00000803 for images)');
  }
  const header = 4 + 4 * rank;
  if (bytes.length < header) throw new InputError(`${what}: truncated header (${bytes.length} bytes)`);
  const shape = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const size = shape.reduce((a, b) => a * b, 1);
  if (bytes.length !== header + size) {
    throw new InputError(`${what}: header says [${shape}] (${size} bytes of data) but the file holds ` +
      `${bytes.length - header}; the file is ${bytes.length < header + size ? 'truncated' : 'too long'}`);
  }
  return { shape, data: bytes.subarray(header) };
}
