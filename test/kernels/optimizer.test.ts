import { describe, it } from 'vitest';
import { optimizerUpdate, type UpdateArgs } from '../../src/kernels/optimizer';
import { expectClose } from '../helpers/expect-close';
import { randomArray, testEngine } from '../helpers/engine';
import { adagradStep, adamStep, rmspropStep, sgdStep, type State } from '../reference/optimizer';

type Case = [
  string,
  Omit<UpdateArgs, 'n' | 'params' | 'grads' | 'slot1' | 'slot2' | 'lr'>,
  (s: State, g: Float32Array, t: number) => void,
  (t: number) => number,
];

const CASES: Case[] = [
  ['sgd', { kind: 'sgd' }, (s, g) => sgdStep(s, g, 0.01, 0, false), () => 0.01],
  [
    'sgd momentum',
    { kind: 'sgd', beta1: 0.9 },
    (s, g) => sgdStep(s, g, 0.01, 0.9, false),
    () => 0.01,
  ],
  [
    'sgd nesterov',
    { kind: 'sgd', beta1: 0.9, nesterov: true },
    (s, g) => sgdStep(s, g, 0.01, 0.9, true),
    () => 0.01,
  ],
  [
    'adam',
    { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
    (s, g, t) => adamStep(s, g, t),
    (t) => (0.001 * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t),
  ],
  [
    'rmsprop',
    { kind: 'rmsprop', beta1: 0.9, epsilon: 1e-7 },
    (s, g) => rmspropStep(s, g),
    () => 0.001,
  ],
  ['adagrad', { kind: 'adagrad', epsilon: 1e-7 }, (s, g) => adagradStep(s, g), () => 0.001],
];

describe.each(CASES)('optimizer %s', (_, args, reference, lrAt) => {
  it.each([1, 7, 257, 100_003])('three steps over %i parameters match the reference', async (n) => {
    const engine = await testEngine();
    const p0 = randomArray(n, n);
    const state: State = { p: [...p0], m: new Array(n).fill(0), v: new Array(n).fill(0) };
    if (args.kind === 'adagrad') state.m.fill(0.1);
    const params = engine.tensor(p0, [n], 'params');
    const grads = engine.empty([n], 'grads');
    const slot1 = engine.tensor(state.m, [n], 'slot1');
    const slot2 = engine.zeros([n], 'slot2');
    for (let t = 1; t <= 3; t++) {
      const g = randomArray(n, n * 10 + t);
      engine.device.queue.writeBuffer(grads.buffer, 0, g);
      engine.run('step', (r) =>
        optimizerUpdate(r, engine, {
          ...args,
          n,
          lr: lrAt(t),
          params: params.binding,
          grads: grads.binding,
          slot1: slot1.binding,
          slot2: slot2.binding,
        }),
      );
      reference(state, g, t);
    }
    expectClose(await params.read(), state.p, { atol: 1e-6, rtol: 1e-5 });
    [params, grads, slot1, slot2].forEach((x) => x.dispose());
  });
});
