import { describe, expect, it } from 'vitest';
import { prelu, preluBackward } from '../../src/kernels/prelu';
import { Dense } from '../../src/nn/dense';
import { PReLU } from '../../src/nn/prelu';
import { SGD } from '../../src/nn/optimizers';
import { Sequential } from '../../src/nn/sequential';
import { expectClose } from '../helpers/expect-close';
import { randomArray, testEngine } from '../helpers/engine';

describe('PReLU', () => {
  it.each([
    [1, 1],
    [7, 7],
    [257, 64],
  ])('forward, input and slope gradients match the reference at %i x %i', async (rows, cols) => {
    const engine = await testEngine();
    const xs = randomArray(rows * cols, rows, -3, 3);
    const as = randomArray(cols, cols, 0, 0.5);
    const dys = randomArray(rows * cols, rows + 1);
    const [x, a, dy] = [
      engine.tensor(xs, [rows, cols], 'x'),
      engine.tensor(as, [cols], 'alpha'),
      engine.tensor(dys, [rows, cols], 'dy'),
    ];
    const [y, dx, da] = [
      engine.empty([rows, cols], 'y'),
      engine.empty([rows, cols], 'dx'),
      engine.empty([cols], 'da'),
    ];
    engine.run('test', (r) => {
      prelu(r, x, a, y);
      preluBackward(r, x, a, dy, dx, da);
    });
    expectClose(
      await y.read(),
      xs.map((v, i) => (v > 0 ? v : as[i % cols] * v)),
      { atol: 1e-7, rtol: 1e-6 },
    );
    expectClose(
      await dx.read(),
      xs.map((v, i) => dys[i] * (v > 0 ? 1 : as[i % cols])),
      { atol: 1e-7, rtol: 1e-6 },
    );
    const daRef = Array.from({ length: cols }, (_, c) => {
      let s = 0;
      for (let r = 0; r < rows; r++)
        if (xs[r * cols + c] <= 0) s += dys[r * cols + c] * xs[r * cols + c];
      return s;
    });
    expectClose(await da.read(), daRef, { atol: 1e-5 * Math.sqrt(rows), rtol: 1e-5 });
    [x, a, dy, y, dx, da].forEach((t) => t.dispose());
  });

  it('learns its slopes in a model: one SGD step moves alpha by -lr * dL/dalpha', async () => {
    const m = new Sequential({ engine: await testEngine() });
    m.add(new Dense(2, { inputDim: 2, useBias: false }));
    m.add(new PReLU());
    m.add(new Dense(1, { useBias: false }));
    await m.setWeights([
      [
        [1, 0],
        [0, 1],
      ],
      [0.1, 0.2],
      [[1], [1]],
    ]);
    m.compile({ optimizer: new SGD({ learningRate: 0.5 }), loss: 'mse' });
    // x = (-1, -2): hidden = (-0.1, -0.4), y = -0.5, target 1: dL/dy = 2 (y - 1) = -3;
    // dL/dalpha_j = dL/dy * x_j = (3, 6); alpha -= 0.5 * (3, 6).
    await m.fit([[-1, -2]], [[1]], { epochs: 1, batchSize: 1 });
    const [, alpha] = await m.getWeights();
    expectClose(alpha.data, [0.1 - 1.5, 0.2 - 3], { atol: 1e-6, rtol: 1e-6 });
    expect(m.summary()).toMatch(/ p_re_lu \(PReLU\) +\(None, 2\) +2\n/);
    m.dispose();
  });
});
