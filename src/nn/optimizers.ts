// Optimizers with Keras 3's defaults; each keeps its state on the GPU beside the parameters.
import type { Engine } from '../engine/engine';
import { InputError } from '../engine/errors';
import type { Recorder } from '../engine/recorder';
import type { Tensor } from '../engine/tensor';
import { optimizerUpdate, type OptimizerKind } from '../kernels/optimizer';
import type { ParameterArena } from './arena';

export abstract class Optimizer {
  /** Steps taken so far (Keras's `iterations`). */
  iterations = 0;
  learningRate: number;
  private slots: Tensor[] = [];

  protected constructor(
    readonly kind: OptimizerKind,
    learningRate: number,
  ) {
    if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
      throw new InputError(
        `${this.constructor.name}: learningRate must be a positive number, got ${learningRate}`,
      );
    }
    this.learningRate = learningRate;
  }

  protected abstract slotCount(): number;
  protected slotInit(): number {
    return 0;
  }
  /** The learning rate, β1, β2 and ε of step t (1-based). */
  protected abstract stepValues(t: number): {
    lr: number;
    beta1?: number;
    beta2?: number;
    epsilon?: number;
  };
  protected get nesterov(): boolean {
    return false;
  }

  /** Records one update of every parameter in the arena from its gradient. */
  update(r: Recorder, engine: Engine, arena: ParameterArena): void {
    if (this.slots.length === 0) {
      for (let i = 0; i < this.slotCount(); i++) {
        const init = this.slotInit();
        this.slots.push(
          init === 0
            ? engine.zeros([arena.length], `${this.kind}.slot${i + 1}`)
            : engine.tensor(
                new Float32Array(arena.length).fill(init),
                [arena.length],
                `${this.kind}.slot${i + 1}`,
              ),
        );
      }
    }
    this.iterations++;
    optimizerUpdate(r, engine, {
      kind: this.kind,
      n: arena.length,
      params: arena.params.binding,
      grads: arena.grads.binding,
      slot1: this.slots[0]?.binding,
      slot2: this.slots[1]?.binding,
      nesterov: this.nesterov,
      ...this.stepValues(this.iterations),
    });
  }

  /** Frees the optimizer's state; the next update starts it afresh. */
  dispose(): void {
    for (const s of this.slots) s.dispose();
    this.slots = [];
    this.iterations = 0;
  }
}

type Options<T> = number | (T & { learningRate?: number });

function split<T extends object>(o: Options<T> | undefined, lr: number): [number, Partial<T>] {
  if (typeof o === 'number') return [o, {}];
  return [o?.learningRate ?? lr, o ?? {}];
}

export class SGD extends Optimizer {
  readonly momentum: number;
  private readonly useNesterov: boolean;

  /** @example new SGD({ learningRate: 0.01, momentum: 0.9, nesterov: true }) */
  constructor(options?: Options<{ momentum?: number; nesterov?: boolean }>) {
    const [lr, o] = split(options, 0.01);
    super('sgd', lr);
    this.momentum = o.momentum ?? 0;
    this.useNesterov = o.nesterov ?? false;
    if (!(this.momentum >= 0 && this.momentum <= 1)) {
      throw new InputError(`SGD: momentum must be in [0, 1], got ${this.momentum}`);
    }
  }

  protected slotCount(): number {
    return this.momentum === 0 ? 0 : 1;
  }

  protected override get nesterov(): boolean {
    return this.useNesterov;
  }

  protected stepValues() {
    return { lr: this.learningRate, beta1: this.momentum };
  }
}

export class Adam extends Optimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;

  /** @example new Adam(0.001) */
  constructor(options?: Options<{ beta1?: number; beta2?: number; epsilon?: number }>) {
    const [lr, o] = split(options, 0.001);
    super('adam', lr);
    this.beta1 = o.beta1 ?? 0.9;
    this.beta2 = o.beta2 ?? 0.999;
    this.epsilon = o.epsilon ?? 1e-7;
  }

  protected slotCount(): number {
    return 2;
  }

  protected stepValues(t: number) {
    // Keras folds the bias corrections into the step size; ε stays outside the square root.
    const lr = (this.learningRate * Math.sqrt(1 - this.beta2 ** t)) / (1 - this.beta1 ** t);
    return { lr, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}

export class RMSprop extends Optimizer {
  readonly rho: number;
  readonly epsilon: number;

  constructor(options?: Options<{ rho?: number; epsilon?: number }>) {
    const [lr, o] = split(options, 0.001);
    super('rmsprop', lr);
    this.rho = o.rho ?? 0.9;
    this.epsilon = o.epsilon ?? 1e-7;
  }

  protected slotCount(): number {
    return 1;
  }

  protected stepValues() {
    return { lr: this.learningRate, beta1: this.rho, epsilon: this.epsilon };
  }
}

export class Adagrad extends Optimizer {
  readonly initialAccumulatorValue: number;
  readonly epsilon: number;

  constructor(options?: Options<{ initialAccumulatorValue?: number; epsilon?: number }>) {
    const [lr, o] = split(options, 0.001);
    super('adagrad', lr);
    this.initialAccumulatorValue = o.initialAccumulatorValue ?? 0.1;
    this.epsilon = o.epsilon ?? 1e-7;
  }

  protected slotCount(): number {
    return 1;
  }

  protected override slotInit(): number {
    return this.initialAccumulatorValue;
  }

  protected stepValues() {
    return { lr: this.learningRate, epsilon: this.epsilon };
  }
}

const BY_NAME: Record<string, () => Optimizer> = {
  sgd: () => new SGD(),
  adam: () => new Adam(),
  rmsprop: () => new RMSprop(),
  adagrad: () => new Adagrad(),
};

/** An optimizer by Keras name ('adam', 'sgd', ...) or the object itself. */
export function getOptimizer(o: string | Optimizer): Optimizer {
  if (o instanceof Optimizer) return o;
  const make = BY_NAME[String(o).toLowerCase()];
  if (!make)
    throw new InputError(
      `compile: unknown optimizer "${o}"; expected one of ${Object.keys(BY_NAME).join(', ')}`,
    );
  return make();
}
