import { describe, it } from 'vitest';
import { matmul, type MatmulVariant } from '../../src/kernels/matmul';
import { expectClose } from '../helpers/expect-close';
import { randomArray, testEngine } from '../helpers/engine';
import { matmulRef } from '../reference/matmul';
import { activationRef } from '../reference/activation';

const SIZES: [number, number, number][] = [
  [1, 1, 1],
  [7, 7, 7],
  [64, 64, 64],
  [257, 257, 257],
  [3, 130, 5],
  [65, 1, 67],
];
const VARIANTS: MatmulVariant[] = ['tiled', 'rows', 'naive'];

async function run(
  m: number,
  k: number,
  n: number,
  variant: MatmulVariant,
  transA = false,
  transB = false,
) {
  const engine = await testEngine();
  const av = randomArray(m * k, m * 31 + k);
  const bv = randomArray(k * n, n * 17 + k);
  const a = engine.tensor(av, transA ? [k, m] : [m, k], 'a');
  const b = engine.tensor(bv, transB ? [n, k] : [k, n], 'b');
  const out = engine.empty([m, n], 'out');
  engine.run('test', (r) => matmul(r, engine, a, b, out, { transA, transB, variant }));
  const got = await out.read();
  [a, b, out].forEach((t) => t.dispose());
  // f32 accumulation over k terms of size <= 1: error grows like sqrt(k)·eps.
  expectClose(got, matmulRef(av, bv, m, k, n, transA, transB), {
    atol: 1e-5 * Math.sqrt(k),
    rtol: 1e-5,
  });
}

describe.each(VARIANTS)('matmul %s', (variant) => {
  it.each(SIZES)('matches the CPU reference at %i x %i x %i', (m, k, n) => run(m, k, n, variant));
  it.each(SIZES.slice(1, 5))('reads A transposed at %i x %i x %i', (m, k, n) =>
    run(m, k, n, variant, true),
  );
  it.each(SIZES.slice(1, 5))('reads B transposed at %i x %i x %i', (m, k, n) =>
    run(m, k, n, variant, false, true),
  );
  it('reads both transposed at 33 x 65 x 17', () => run(33, 65, 17, variant, true, true));
});

describe('matmul epilogue', () => {
  it('adds the bias and applies relu, keeping the pre-activation', async () => {
    const engine = await testEngine();
    const [m, k, n] = [37, 19, 23];
    const av = randomArray(m * k, 1);
    const bv = randomArray(k * n, 2);
    const biasv = randomArray(n, 3);
    const [a, b, bias] = [
      engine.tensor(av, [m, k], 'a'),
      engine.tensor(bv, [k, n], 'b'),
      engine.tensor(biasv, [n], 'bias'),
    ];
    const out = engine.empty([m, n], 'out');
    const z = engine.empty([m, n], 'z');
    engine.run('test', (r) =>
      matmul(r, engine, a, b, out, { bias, activation: { name: 'relu' }, preActivation: z }),
    );
    const ref = matmulRef(av, bv, m, k, n).map((v, i) => v + biasv[i % n]);
    expectClose(await z.read(), ref, { atol: 1e-5, rtol: 1e-5 });
    expectClose(await out.read(), activationRef('relu', ref), { atol: 1e-5, rtol: 1e-5 });
    [a, b, bias, out, z].forEach((t) => t.dispose());
  });

  it('computes the lesson-sized product 128x784 by 784x800', async () => {
    await run(128, 784, 800, 'tiled');
  });
});
