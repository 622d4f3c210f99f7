// PReLU: a leaky ReLU whose negative slope is learned, one per feature (Keras's PReLU layer).
import type { Tensor } from '../engine/tensor';
import { prelu, preluBackward } from '../kernels/prelu';
import { initializer, type InitializerLike } from './initializers';
import {
  Layer,
  type BackwardOptions,
  type LayerOptions,
  type PassContext,
  type WeightSpec,
} from './layer';

export class PReLU extends Layer {
  private readonly alphaInit: InitializerLike;

  /** @example new PReLU() // slopes start at zero, as Keras's alpha_initializer='zeros' */
  constructor(options: LayerOptions & { alphaInitializer?: InitializerLike } = {}) {
    super(options);
    this.alphaInit = options.alphaInitializer ?? 'zeros';
    initializer(this.alphaInit, `PReLU "${this.name}" alphaInitializer`);
  }

  override get className(): string {
    return 'PReLU';
  }

  outputWidth(inWidth: number): number {
    return inWidth;
  }

  override weightSpecs(inWidth: number): WeightSpec[] {
    return [
      { name: 'alpha', shape: [inWidth], initializer: initializer(this.alphaInit, this.name) },
    ];
  }

  forward(ctx: PassContext, x: Tensor): Tensor {
    this.checkInput(x);
    const y = this.buffer(ctx, 'output', this.inWidth);
    prelu(ctx.r, x, this.weights[0], y);
    return y;
  }

  backward(
    ctx: PassContext,
    x: Tensor,
    dOut: Tensor,
    options: BackwardOptions,
  ): Tensor | undefined {
    const dx = options.needInputGrad ? this.buffer(ctx, 'dinput', this.inWidth) : undefined;
    preluBackward(ctx.r, x, this.weights[0], dOut, dx, this.grads[0]);
    return dx;
  }
}
