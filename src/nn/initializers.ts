// Weight initializers with Keras's names and formulas; each takes an optional seed.
import { InputError } from '../engine/errors';
import { Random } from './random';

export interface Initializer {
  readonly name: string;
  /** Values for a weight of `shape`, laid out row-major. fanIn/fanOut as Keras computes them. */
  values(shape: readonly number[]): Float32Array<ArrayBuffer>;
}

let globalSeed: number | undefined;
let globalRng = new Random();

/** Makes every unseeded initializer and shuffle reproducible, as keras.utils.set_random_seed. */
export function setRandomSeed(seed: number): void {
  globalSeed = seed;
  globalRng = new Random(seed);
}

/** A generator: seeded if `seed` is given, else drawn from the global one. */
export function rngFor(seed?: number): Random {
  if (seed !== undefined) return new Random(seed);
  return new Random(globalSeed === undefined ? undefined : Math.floor(globalRng.next() * 2 ** 32));
}

function fans(shape: readonly number[]): [number, number] {
  if (shape.length === 1) return [shape[0], shape[0]];
  return [shape[0], shape[1]];
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

class Constant implements Initializer {
  constructor(
    readonly name: string,
    private readonly value: number,
  ) {}
  values(shape: readonly number[]): Float32Array<ArrayBuffer> {
    return new Float32Array(size(shape)).fill(this.value);
  }
}

class Uniform implements Initializer {
  constructor(
    readonly name: string,
    private readonly limit: (fanIn: number, fanOut: number) => number,
    private readonly seed?: number,
  ) {}
  values(shape: readonly number[]): Float32Array<ArrayBuffer> {
    const [fanIn, fanOut] = fans(shape);
    const limit = this.limit(fanIn, fanOut);
    const rng = rngFor(this.seed);
    return Float32Array.from({ length: size(shape) }, () => rng.uniform(-limit, limit));
  }
}

class TruncatedNormal implements Initializer {
  constructor(
    readonly name: string,
    private readonly std: (fanIn: number, fanOut: number) => number,
    private readonly seed?: number,
  ) {}
  values(shape: readonly number[]): Float32Array<ArrayBuffer> {
    const [fanIn, fanOut] = fans(shape);
    // Keras divides by .87962566103423978, the std of a unit normal truncated at 2.
    const std = this.std(fanIn, fanOut) / 0.8796256610342398;
    const rng = rngFor(this.seed);
    return Float32Array.from({ length: size(shape) }, () => {
      let v: number;
      do v = rng.normal();
      while (Math.abs(v) > 2);
      return v * std;
    });
  }
}

const FACTORIES: Record<string, (seed?: number) => Initializer> = {
  zeros: () => new Constant('zeros', 0),
  ones: () => new Constant('ones', 1),
  glorot_uniform: (s) => new Uniform('glorot_uniform', (i, o) => Math.sqrt(6 / (i + o)), s),
  he_uniform: (s) => new Uniform('he_uniform', (i) => Math.sqrt(6 / i), s),
  lecun_uniform: (s) => new Uniform('lecun_uniform', (i) => Math.sqrt(3 / i), s),
  random_uniform: (s) => new Uniform('random_uniform', () => 0.05, s),
  glorot_normal: (s) => new TruncatedNormal('glorot_normal', (i, o) => Math.sqrt(2 / (i + o)), s),
  he_normal: (s) => new TruncatedNormal('he_normal', (i) => Math.sqrt(2 / i), s),
  lecun_normal: (s) => new TruncatedNormal('lecun_normal', (i) => Math.sqrt(1 / i), s),
};

export type InitializerName = keyof typeof FACTORIES;
export type InitializerLike = string | { name: string; seed?: number } | Initializer;

/** Resolves a Keras initializer name (or {name, seed}) or passes an Initializer through. */
export function initializer(spec: InitializerLike, where: string): Initializer {
  if (typeof spec === 'object' && 'values' in spec) return spec;
  const { name, seed } = typeof spec === 'string' ? { name: spec, seed: undefined } : spec;
  const make = FACTORIES[name];
  if (!make) {
    throw new InputError(
      `${where}: unknown initializer "${name}"; expected one of ${Object.keys(FACTORIES).join(', ')}`,
    );
  }
  return make(seed);
}
