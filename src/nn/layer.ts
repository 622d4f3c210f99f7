// Layer: the base of every layer. A layer declares its weights; the model places them in one
// parameter arena and records the layer's forward and backward passes into its steps.
import type { Engine } from '../engine/engine';
import { InputError } from '../engine/errors';
import type { Recorder } from '../engine/recorder';
import type { Tensor } from '../engine/tensor';
import type { Initializer } from './initializers';
import { snakeCase, uniqueName } from './names';

/** A weight a layer declares: Keras's name ("kernel", "bias") and shape. */
export interface WeightSpec {
  name: string;
  shape: number[];
  initializer: Initializer;
}

/** What a layer's passes record into, for one batch size. */
export interface PassContext {
  r: Recorder;
  engine: Engine;
  batch: number;
}

export interface BackwardOptions {
  /** dOut is already the gradient w.r.t. the pre-activation (softmax fused into the loss). */
  dOutIsPreActivation?: boolean;
  /** The layer's input gradient is wanted (false for the first layer). */
  needInputGrad: boolean;
}

export interface LayerOptions {
  name?: string;
  /** Input width of the first layer of a model (Keras's input_dim). */
  inputDim?: number;
}

export abstract class Layer {
  readonly name: string;
  readonly inputDim: number | undefined;
  /** Input width, known once the layer is built. */
  protected inWidth = 0;
  /** Views of the model's parameter and gradient arenas, in the order of weightSpecs(). */
  weights: Tensor[] = [];
  grads: Tensor[] = [];
  private readonly buffers = new Map<string, Tensor>();

  constructor(options: LayerOptions = {}) {
    this.name = options.name ?? uniqueName(snakeCase(this.className));
    this.inputDim = options.inputDim;
  }

  /** Keras's class name, shown by summary() and in errors. */
  get className(): string {
    return 'Layer';
  }

  /** Output width for an input of width `inWidth`. */
  abstract outputWidth(inWidth: number): number;

  /** Weights of a layer built for input width `inWidth`; none by default. */
  weightSpecs(_inWidth: number): WeightSpec[] {
    return [];
  }

  build(inWidth: number): void {
    this.inWidth = inWidth;
  }

  get built(): boolean {
    return this.inWidth > 0;
  }

  get outWidth(): number {
    return this.outputWidth(this.inWidth);
  }

  /** Records y = layer(x); x: [batch, in]. Returns the output tensor, owned by the layer. */
  abstract forward(ctx: PassContext, x: Tensor): Tensor;

  /**
   * Records the gradients of this layer's weights (into `grads`) and returns dx, or undefined
   * when options.needInputGrad is false. `x` is the input forward() saw.
   */
  abstract backward(
    ctx: PassContext,
    x: Tensor,
    dOut: Tensor,
    options: BackwardOptions,
  ): Tensor | undefined;

  /** Whether the layer ends in a softmax that the loss may fuse with. */
  get endsInSoftmax(): boolean {
    return false;
  }

  /** A per-batch-size buffer of the layer, made on first use and kept for later steps. */
  protected buffer(ctx: PassContext, role: string, width: number): Tensor {
    const key = `${role}:${ctx.batch}`;
    let t = this.buffers.get(key);
    if (!t) {
      t = ctx.engine.empty([ctx.batch, width], `${this.name}.${role}`);
      this.buffers.set(key, t);
    }
    return t;
  }

  /** Frees the per-batch buffers (weights belong to the model's arena). */
  disposeBuffers(): void {
    for (const t of this.buffers.values()) t.dispose();
    this.buffers.clear();
  }

  protected checkInput(x: Tensor): void {
    if (x.shape[1] !== this.inWidth) {
      throw new InputError(
        `${this.className} "${this.name}": expected input [*, ${this.inWidth}], got [${x.shape}]`,
      );
    }
  }
}
