// One engine per test file on the software adapter, destroyed after the file's tests.
import { afterAll } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { Random } from '../../src/nn/random';

let engine: Promise<Engine> | undefined;

export function testEngine(): Promise<Engine> {
  if (!engine) {
    engine = Engine.create();
    afterAll(async () => (await engine)?.destroy());
  }
  return engine;
}

/** Deterministic values in [lo, hi) from a seed. */
export function randomArray(n: number, seed: number, lo = -1, hi = 1): Float32Array<ArrayBuffer> {
  const rng = new Random(seed);
  return Float32Array.from({ length: n }, () => rng.uniform(lo, hi));
}
