// Dense: y = activation(x · kernel + bias), with kernel [in, units] as Keras lays it out.
import { InputError } from '../engine/errors';
import { activationBackward } from '../kernels/activation';
import { activationSpec, type ActivationSpec } from '../kernels/activation-codes';
import { matmul } from '../kernels/matmul';
import { columnSums } from '../kernels/reduce';
import { softmax, softmaxBackward } from '../kernels/softmax';
import type { Tensor } from '../engine/tensor';
import { initializer, type InitializerLike } from './initializers';
import {
  Layer,
  type BackwardOptions,
  type LayerOptions,
  type PassContext,
  type WeightSpec,
} from './layer';

export interface DenseOptions extends LayerOptions {
  /** By Keras name ('relu', 'softmax', ...) or with parameters; linear when absent. */
  activation?: string | ActivationSpec | null;
  useBias?: boolean;
  kernelInitializer?: InitializerLike;
  biasInitializer?: InitializerLike;
}

export class Dense extends Layer {
  readonly units: number;
  readonly useBias: boolean;
  /** undefined for softmax, which runs as its own kernel after the matmul. */
  private readonly act: ActivationSpec | undefined;
  readonly activationName: string;
  private readonly kernelInit: InitializerLike;
  private readonly biasInit: InitializerLike;

  /**
   * @example new Dense(800, { inputDim: 784, activation: 'relu' })
   */
  constructor(units: number, options: DenseOptions = {}) {
    super(options);
    if (!Number.isInteger(units) || units < 1) {
      throw new InputError(`Dense: units must be a positive integer, got ${units}`);
    }
    if (
      options.inputDim !== undefined &&
      (!Number.isInteger(options.inputDim) || options.inputDim < 1)
    ) {
      throw new InputError(
        `Dense "${this.name}": inputDim must be a positive integer, got ${options.inputDim}`,
      );
    }
    this.units = units;
    this.useBias = options.useBias ?? true;
    const a = options.activation;
    const isSoftmax =
      a === 'softmax' || (typeof a === 'object' && a?.name === ('softmax' as string));
    this.act = isSoftmax ? undefined : activationSpec(a, `Dense "${this.name}"`);
    this.activationName = isSoftmax ? 'softmax' : this.act!.name;
    this.kernelInit = options.kernelInitializer ?? 'glorot_uniform';
    this.biasInit = options.biasInitializer ?? 'zeros';
    initializer(this.kernelInit, `Dense "${this.name}" kernelInitializer`);
    initializer(this.biasInit, `Dense "${this.name}" biasInitializer`);
  }

  override get className(): string {
    return 'Dense';
  }

  outputWidth(): number {
    return this.units;
  }

  override get endsInSoftmax(): boolean {
    return this.act === undefined;
  }

  override weightSpecs(inWidth: number): WeightSpec[] {
    const specs = [
      {
        name: 'kernel',
        shape: [inWidth, this.units],
        initializer: initializer(this.kernelInit, this.name),
      },
    ];
    if (this.useBias)
      specs.push({
        name: 'bias',
        shape: [this.units],
        initializer: initializer(this.biasInit, this.name),
      });
    return specs;
  }

  private get needsPreActivation(): boolean {
    return this.act !== undefined && this.act.name !== 'linear';
  }

  forward(ctx: PassContext, x: Tensor): Tensor {
    this.checkInput(x);
    const [kernel, bias] = this.weights;
    const y = this.buffer(ctx, 'output', this.units);
    if (this.act === undefined) {
      const z = this.buffer(ctx, 'logits', this.units);
      matmul(ctx.r, ctx.engine, x, kernel, z, { bias });
      softmax(ctx.r, ctx.engine, z, y);
    } else {
      const z = this.needsPreActivation ? this.buffer(ctx, 'preactivation', this.units) : undefined;
      matmul(ctx.r, ctx.engine, x, kernel, y, { bias, activation: this.act, preActivation: z });
    }
    return y;
  }

  backward(
    ctx: PassContext,
    x: Tensor,
    dOut: Tensor,
    options: BackwardOptions,
  ): Tensor | undefined {
    const [kernel] = this.weights;
    const [dKernel, dBias] = this.grads;
    let dz = dOut;
    if (!options.dOutIsPreActivation) {
      if (this.act === undefined) {
        dz = this.buffer(ctx, 'dlogits', this.units);
        softmaxBackward(ctx.r, this.buffer(ctx, 'output', this.units), dOut, dz);
      } else if (this.needsPreActivation) {
        dz = this.buffer(ctx, 'dpreactivation', this.units);
        activationBackward(
          ctx.r,
          this.buffer(ctx, 'preactivation', this.units),
          dOut,
          dz,
          this.act,
        );
      }
    }
    matmul(ctx.r, ctx.engine, x, dz, dKernel, { transA: true });
    if (dBias) columnSums(ctx.r, dz, dBias);
    if (!options.needInputGrad) return undefined;
    const dx = this.buffer(ctx, 'dinput', this.inWidth);
    matmul(ctx.r, ctx.engine, dz, kernel, dx, { transB: true });
    return dx;
  }
}
