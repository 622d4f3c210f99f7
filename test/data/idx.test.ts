import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIdx } from '../../src/data/idx';
import { FILES, loadMnist, toCategorical } from '../../src/data/mnist';

function idx(shape: number[], data: number[]): Uint8Array {
  const header = new DataView(new ArrayBuffer(4 + 4 * shape.length));
  header.setUint32(0, 0x0800 | shape.length);
  shape.forEach((d, i) => header.setUint32(4 + 4 * i, d));
  return Uint8Array.from([...new Uint8Array(header.buffer), ...data]);
}

describe('IDX files', () => {
  it('parses plain and gzipped files alike', async () => {
    const file = idx([2, 3], [1, 2, 3, 4, 5, 6]);
    for (const bytes of [file, new Uint8Array(gzipSync(file))]) {
      const parsed = await parseIdx(bytes, 'test');
      expect(parsed.shape).toEqual([2, 3]);
      expect([...parsed.data]).toEqual([1, 2, 3, 4, 5, 6]);
    }
  });

  it('names a truncated file, a wrong magic number and a broken gzip stream', async () => {
    await expect(parseIdx(idx([2, 3], [1, 2, 3]), 'labels')).rejects.toThrow(/labels: header says \[2,3\].*truncated/);
    await expect(parseIdx(Uint8Array.from([0, 0, 0x0d, 1, 0, 0, 0, 1, 7]), 'x')).rejects.toThrow(/magic number 0x00000d01/);
    const gz = new Uint8Array(gzipSync(idx([4], [1, 2, 3, 4])));
    await expect(parseIdx(gz.subarray(0, gz.length - 6), 'cut')).rejects.toThrow(/cut: not a valid gzip file/);
    await expect(parseIdx(Uint8Array.from([0, 0]), 'tiny')).rejects.toThrow(/too short/);
  });

  it('one-hots labels as to_categorical does and refuses labels out of range', () => {
    expect([...toCategorical([2, 0], 3)]).toEqual([0, 0, 1, 1, 0, 0]);
    expect(() => toCategorical([1, 10], 10)).toThrow(/label 10 at 1 is not an integer in \[0, 10\)/);
    expect(() => toCategorical([-1], 10)).toThrow(/label -1/);
  });
});

const dir = resolve(process.env.MNIST_DIR ?? '../shared/data/mnist');
const haveMnist = existsSync(resolve(dir, FILES.trainImages));

describe.skipIf(!haveMnist)(`the real MNIST files (from ${dir}; skipped when absent)`, () => {
  it('load as 60,000 and 10,000 images of 784 bytes with labels 0-9', async () => {
    const m = await loadMnist(async (f) => new Uint8Array(readFileSync(resolve(dir, f))));
    expect([m.train.count, m.test.count]).toEqual([60_000, 10_000]);
    expect(m.train.images.length).toBe(60_000 * 784);
    expect(m.test.images.length).toBe(10_000 * 784);
    expect([...m.train.labels.subarray(0, 5)]).toEqual([5, 0, 4, 1, 9]);
    expect([...m.test.labels.subarray(0, 5)]).toEqual([7, 2, 1, 0, 4]);
  });
});
