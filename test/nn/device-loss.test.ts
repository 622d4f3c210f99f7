import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { DeviceLostError } from '../../src/engine/errors';
import { Dense } from '../../src/nn/dense';
import { Sequential } from '../../src/nn/sequential';
import { expectClose } from '../helpers/expect-close';
import { randomArray } from '../helpers/engine';

describe('device loss', () => {
  it('rejects the running fit, keeps the last epoch weights, and trains on in a new device', async () => {
    const first = await Engine.create();
    const m = new Sequential({ engine: first });
    m.add(new Dense(8, { inputDim: 4, activation: 'relu' }));
    m.add(new Dense(1));
    m.compile({ optimizer: 'adam', loss: 'mse' });
    const x = { data: randomArray(64 * 4, 1), shape: [64, 4] };
    const y = { data: randomArray(64, 2), shape: [64, 1] };
    let afterEpoch1: Float32Array[] = [];
    const fit = m.fit(x, y, {
      epochs: 50,
      batchSize: 8,
      callbacks: [
        {
          onEpochEnd: async (epoch) => {
            if (epoch === 1) afterEpoch1 = (await m.getWeights()).map((w) => w.data);
          },
          onBatchEnd: (batch) => {
            // Mid-epoch 3 (after two finished epochs), the device goes away.
            if (afterEpoch1.length && batch === 3) first.device.destroy();
          },
        },
      ],
    });
    await expect(fit).rejects.toThrow(DeviceLostError);
    await expect(m.predict(x)).rejects.toThrow(/GPU device was lost \(reason: destroyed\)/);

    const kept = await m.getWeights();
    kept.forEach((w, i) => expectClose(w.data, afterEpoch1[i], { atol: 0, rtol: 0 }));

    const second = await Engine.create();
    await m.useEngine(second);
    const moved = await m.getWeights();
    moved.forEach((w, i) => expectClose(w.data, afterEpoch1[i], { atol: 0, rtol: 0 }));
    const h = await m.fit(x, y, { epochs: 3, batchSize: 8 });
    expect(h.history.loss.every(Number.isFinite)).toBe(true);
    expect((await m.predict(x)).shape).toEqual([64, 1]);
    m.dispose();
    second.destroy();
  });
});
