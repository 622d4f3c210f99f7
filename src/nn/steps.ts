// The passes a model records per batch: forward, and the training step (forward, loss
// gradient, backward, update of every parameter), each into the caller's recorder.
import type { Engine } from '../engine/engine';
import type { Recorder } from '../engine/recorder';
import type { Tensor } from '../engine/tensor';
import { lossGradient } from '../kernels/loss';
import { isSparse, type LossName } from '../kernels/loss-codes';
import type { Accumulators } from './accumulators';
import type { ParameterArena } from './arena';
import type { Layer, PassContext } from './layer';
import type { Optimizer } from './optimizers';

export interface Network {
  engine: Engine;
  layers: Layer[];
  arena: ParameterArena;
}

export interface Training extends Network {
  optimizer: Optimizer;
  loss: LossName;
}

/** Scratch tensors of the model for one batch size, made on first use. */
export class BatchBuffers {
  private readonly map = new Map<string, Tensor>();

  constructor(
    private readonly engine: Engine,
    private readonly label: string,
  ) {}

  get(role: string, shape: number[]): Tensor {
    const key = `${role}:${shape}`;
    let t = this.map.get(key);
    if (!t) {
      t = this.engine.empty(shape, `${this.label}.${role}`);
      this.map.set(key, t);
    }
    return t;
  }

  dispose(): void {
    for (const t of this.map.values()) t.dispose();
    this.map.clear();
  }
}

/** Records the forward pass; returns every layer's input and the output. */
export function recordForward(
  ctx: PassContext,
  layers: Layer[],
  x: Tensor,
): { inputs: Tensor[]; output: Tensor } {
  const inputs: Tensor[] = [];
  let a = x;
  for (const layer of layers) {
    inputs.push(a);
    a = layer.forward(ctx, a);
  }
  return { inputs, output: a };
}

/** Softmax followed by crossentropy: the loss gradient goes straight to the logits. */
export function fusesSoftmax(layers: Layer[], loss: LossName): boolean {
  const last = layers[layers.length - 1];
  return last.endsInSoftmax && (loss === 'categorical_crossentropy' || isSparse(loss));
}

/** Records one training step on the batch (x, y) and adds its loss and metrics to `acc`. */
export function recordTrainStep(
  r: Recorder,
  net: Training,
  buffers: BatchBuffers,
  x: Tensor,
  y: Tensor,
  acc: Accumulators,
): void {
  const batch = x.shape[0];
  const ctx: PassContext = { r, engine: net.engine, batch };
  const { inputs, output } = recordForward(ctx, net.layers, x);
  acc.add(r, output, y, buffers.get('perSample', [batch]));

  const fused = fusesSoftmax(net.layers, net.loss);
  let d: Tensor | undefined = buffers.get('dOutput', [...output.shape]);
  lossGradient(r, net.loss, output, y, d, { throughSoftmax: fused });
  for (let i = net.layers.length - 1; i >= 0 && d; i--) {
    d = net.layers[i].backward(ctx, inputs[i], d, {
      dOutIsPreActivation: fused && i === net.layers.length - 1,
      needInputGrad: i > 0,
    });
  }
  net.optimizer.update(r, net.engine, net.arena);
}
