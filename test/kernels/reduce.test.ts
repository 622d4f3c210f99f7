import { describe, expect, it } from 'vitest';
import { columnSums, countCorrect, totalSum } from '../../src/kernels/reduce';
import { expectClose } from '../helpers/expect-close';
import { randomArray, testEngine } from '../helpers/engine';

describe('reductions', () => {
  it.each([
    [1, 1],
    [7, 7],
    [257, 64],
    [128, 800],
  ])('column sums match the reference at %i x %i', async (rows, cols) => {
    const engine = await testEngine();
    const xs = randomArray(rows * cols, rows + cols);
    const x = engine.tensor(xs, [rows, cols], 'x');
    const out = engine.tensor(new Float32Array(cols).fill(2), [cols], 'out');
    engine.run('test', (r) => columnSums(r, x, out, 0.5, true));
    const expected = Float64Array.from({ length: cols }, (_, c) => {
      let s = 0;
      for (let r = 0; r < rows; r++) s += xs[r * cols + c];
      return 2 + 0.5 * s;
    });
    expectClose(await out.read(), expected, { atol: 1e-5 * Math.sqrt(rows), rtol: 1e-5 });
    [x, out].forEach((t) => t.dispose());
  });

  it.each([1, 7, 257, 100_000])(
    'total sum of %i values accumulates into the chosen element',
    async (n) => {
      const engine = await testEngine();
      const xs = randomArray(n, n);
      const x = engine.tensor(xs, [n], 'x');
      const out = engine.tensor([5, 1, 5], [3], 'out');
      engine.run('test', (r) => {
        totalSum(r, x, out, { index: 1, scale: 2, accumulate: true });
        totalSum(r, x, out, { index: 1, scale: 1, accumulate: true });
      });
      const sum = xs.reduce((a, b) => a + b, 0);
      expectClose(await out.read(), [5, 1 + 3 * sum, 5], { atol: 1e-6 * Math.sqrt(n), rtol: 1e-5 });
      [x, out].forEach((t) => t.dispose());
    },
  );

  it('counts categorical, sparse and binary hits, adding up over calls', async () => {
    const engine = await testEngine();
    const pred = engine.tensor([0.1, 0.7, 0.2, 0.5, 0.3, 0.2, 0.2, 0.2, 0.6], [3, 3], 'pred');
    const onehot = engine.tensor([0, 1, 0, 0, 0, 1, 0, 0, 1], [3, 3], 'onehot');
    const labels = engine.tensor([1, 0, 0], [3], 'labels');
    const count = engine.zeros([1], 'count', 'u32');
    engine.run('test', (r) => countCorrect(r, pred, onehot, count, 'categorical'));
    expect([...(await count.read())]).toEqual([2]);
    engine.run('test', (r) => countCorrect(r, pred, labels, count, 'sparse'));
    expect([...(await count.read())]).toEqual([4]);
    engine.run('test', (r) => r.clear(count.binding));
    engine.run('test', (r) => countCorrect(r, pred, onehot, count, 'binary'));
    // pred > 0.5: [0,1,0, 0,0,0, 0,0,1] vs truth [0,1,0, 0,0,1, 0,0,1]: 8 of 9 agree.
    expect([...(await count.read())]).toEqual([8]);
    [pred, onehot, labels, count].forEach((t) => t.dispose());
  });
});
