// Activation layers: an activation applied on its own, as Keras's ReLU, LeakyReLU, ELU, ... layers.
import { InputError } from '../engine/errors';
import type { Tensor } from '../engine/tensor';
import { activation, activationBackward } from '../kernels/activation';
import { activationSpec, type ActivationSpec } from '../kernels/activation-codes';
import { softmax, softmaxBackward } from '../kernels/softmax';
import { Layer, type BackwardOptions, type LayerOptions, type PassContext } from './layer';

/** Applies one elementwise activation; the base of the named activation layers. */
export class Activation extends Layer {
  readonly spec: ActivationSpec;

  /** @example new Activation('tanh') */
  constructor(act: string | ActivationSpec, options: LayerOptions = {}) {
    super(options);
    if (act === 'softmax') throw new InputError('Activation: use the Softmax layer for softmax');
    this.spec = activationSpec(act, `${this.className} "${this.name}"`);
  }

  override get className(): string {
    return 'Activation';
  }

  outputWidth(inWidth: number): number {
    return inWidth;
  }

  forward(ctx: PassContext, x: Tensor): Tensor {
    this.checkInput(x);
    const y = this.buffer(ctx, 'output', this.inWidth);
    activation(ctx.r, ctx.engine, x, y, this.spec);
    return y;
  }

  backward(
    ctx: PassContext,
    x: Tensor,
    dOut: Tensor,
    options: BackwardOptions,
  ): Tensor | undefined {
    if (!options.needInputGrad) return undefined;
    const dx = this.buffer(ctx, 'dinput', this.inWidth);
    activationBackward(ctx.r, x, dOut, dx, this.spec);
    return dx;
  }
}

function nonNegative(layer: string, name: string, v: number | undefined): void {
  if (v !== undefined && !(v >= 0))
    throw new InputError(`${layer}: ${name} must be >= 0, got ${v}`);
}

export interface ReLUOptions extends LayerOptions {
  maxValue?: number;
  negativeSlope?: number;
  threshold?: number;
}

export class ReLU extends Activation {
  /** @example new ReLU({ maxValue: 6 }) */
  constructor(options: ReLUOptions = {}) {
    nonNegative('ReLU', 'maxValue', options.maxValue);
    nonNegative('ReLU', 'negativeSlope', options.negativeSlope);
    super(
      {
        name: 'relu',
        alpha: options.negativeSlope ?? 0,
        maxValue: options.maxValue,
        threshold: options.threshold ?? 0,
      },
      options,
    );
  }

  override get className(): string {
    return 'ReLU';
  }
}

export class LeakyReLU extends Activation {
  /** Keras's layer default slope is 0.3 (the function's is 0.2). */
  constructor(options: LayerOptions & { negativeSlope?: number; alpha?: number } = {}) {
    super({ name: 'leaky_relu', alpha: options.negativeSlope ?? options.alpha ?? 0.3 }, options);
  }

  override get className(): string {
    return 'LeakyReLU';
  }
}

export class ELU extends Activation {
  constructor(options: LayerOptions & { alpha?: number } = {}) {
    super({ name: 'elu', alpha: options.alpha ?? 1.0 }, options);
  }

  override get className(): string {
    return 'ELU';
  }
}

export class ThresholdedReLU extends Activation {
  constructor(options: LayerOptions & { theta?: number } = {}) {
    nonNegative('ThresholdedReLU', 'theta', options.theta);
    super({ name: 'thresholded_relu', threshold: options.theta ?? 1.0 }, options);
  }

  override get className(): string {
    return 'ThresholdedReLU';
  }
}

/** Softmax over the last axis. */
export class Softmax extends Layer {
  override get className(): string {
    return 'Softmax';
  }

  outputWidth(inWidth: number): number {
    return inWidth;
  }

  override get endsInSoftmax(): boolean {
    return true;
  }

  forward(ctx: PassContext, x: Tensor): Tensor {
    this.checkInput(x);
    const y = this.buffer(ctx, 'output', this.inWidth);
    softmax(ctx.r, ctx.engine, x, y);
    return y;
  }

  backward(
    ctx: PassContext,
    _x: Tensor,
    dOut: Tensor,
    options: BackwardOptions,
  ): Tensor | undefined {
    if (!options.needInputGrad) return undefined;
    if (options.dOutIsPreActivation) return dOut;
    const dx = this.buffer(ctx, 'dinput', this.inWidth);
    softmaxBackward(ctx.r, this.buffer(ctx, 'output', this.inWidth), dOut, dx);
    return dx;
  }
}
