import { describe, expect, it } from 'vitest';
import { BYTE_SCALE, gatherBatch } from '../../src/kernels/data';
import { testEngine } from '../helpers/engine';

describe('gather batch', () => {
  it('gathers rows by index, scales bytes by 1/255 exactly and one-hots the labels', async () => {
    const engine = await testEngine();
    const [samples, features, classes, batch] = [11, 7, 4, 3];
    const bytes = Uint8Array.from({ length: samples * features }, (_, i) => (i * 37) % 256);
    const labelBytes = Uint8Array.from({ length: samples }, (_, i) => i % classes);
    const orderValues = Uint32Array.from([10, 3, 7, 0, 5]);
    const images = engine.bytes(bytes, 'images');
    const labels = engine.bytes(labelBytes, 'labels');
    const order = engine.tensor(orderValues, [orderValues.length], 'order', 'u32');
    const table = engine.tensor(BYTE_SCALE, [256], 'table');
    const x = engine.empty([batch, features], 'x');
    const y = engine.empty([batch, classes], 'y');
    engine.run('test', (r) =>
      gatherBatch(r, { images, labels, order, table, start: 1, batch, features, classes, x, y }),
    );
    const xs = await x.read();
    const ys = await y.read();
    for (let row = 0; row < batch; row++) {
      const s = orderValues[1 + row];
      for (let f = 0; f < features; f++) {
        // Bit for bit the f32 that k / 255 rounds to (what NumPy's astype/255 gives).
        expect(xs[row * features + f]).toBe(Math.fround(bytes[s * features + f] / 255));
      }
      for (let c = 0; c < classes; c++)
        expect(ys[row * classes + c]).toBe(c === labelBytes[s] ? 1 : 0);
    }
    [images, labels, order, table, x, y].forEach((t) => t.dispose());
  });
});
