// Sequential: a stack of layers with Keras's compile / fit / evaluate / predict / summary.
import type { Engine } from '../engine/engine';
import { DeviceLostError, InputError } from '../engine/errors';
import { isSparse, lossName, type LossName } from '../kernels/loss-codes';
import { Accumulators } from './accumulators';
import { getEngine } from './backend';
import type { History, Logs } from './callbacks';
import type { GpuDataset } from './dataset';
import { checkX, checkY, toDataset, type ModelIo } from './model-input';
import type { Layer } from './layer';
import {
  checkBatchSize,
  evaluateRange,
  fitLoop,
  predictLoop,
  trainOnBatchLoop,
  type FitOptions,
  type LoopState,
} from './loops';
import { Matrix, type MatrixLike } from './matrix';
import { getMetric, type Metric } from './metrics';
import { uniqueName } from './names';
import { getOptimizer, type Optimizer } from './optimizers';
import { placeModel, releaseModel, type Built } from './built-model';
import { formatSummary } from './summary';
import { saveModel } from '../io/model-io';
import { setWeightsOf, type WeightArray, type WeightLike } from './weights';

export interface CompileOptions {
  optimizer: string | Optimizer;
  loss: string;
  metrics?: string[];
}

export interface SequentialOptions {
  name?: string;
  layers?: Layer[];
  /** The engine to run on; the shared one (getEngine()) by default. */
  engine?: Engine;
}

export class Sequential {
  readonly name: string;
  readonly layers: Layer[] = [];
  private built: Built | undefined;
  private compiled:
    { optimizer: Optimizer; loss: LossName; metrics: Metric[]; state?: LoopState } | undefined;
  private disposed = false;
  private building: Promise<Built> | undefined;
  /** The weights as the last fit() epoch ended; what survives a lost device. */
  private snapshot: Float32Array[] | undefined;

  /** @example const model = new Sequential(); model.add(new Dense(2, { inputDim: 2 })); */
  constructor(private options: SequentialOptions = {}) {
    this.name = options.name ?? uniqueName('sequential');
    for (const layer of options.layers ?? []) this.add(layer);
  }

  /** Appends a layer; its input must fit the previous layer's output. */
  add(layer: Layer): void {
    this.assertLive();
    if (this.built)
      throw new InputError(`${this.name}: cannot add layers after the model is built`);
    const prev = this.layers[this.layers.length - 1];
    const inWidth = prev ? prev.outWidth : layer.inputDim;
    if (inWidth === undefined) {
      throw new InputError(
        `${layer.className} "${layer.name}": the first layer needs inputDim (the input width)`,
      );
    }
    if (prev && layer.inputDim !== undefined && layer.inputDim !== inWidth) {
      throw new InputError(
        `${layer.className} "${layer.name}": inputDim ${layer.inputDim} does not fit ` +
          `the previous layer "${prev.name}", whose output is (None, ${inWidth})`,
      );
    }
    layer.build(inWidth);
    this.layers.push(layer);
  }

  /** Set true (from a callback, say) to end fit() after the current batch, as Keras's stop_training. */
  get stopTraining(): boolean {
    return this.compiled?.state?.stopTraining ?? false;
  }

  set stopTraining(stop: boolean) {
    if (this.compiled?.state) this.compiled.state.stopTraining = stop;
  }

  get inputWidth(): number {
    return this.layerAt(0).inputDim!;
  }

  get outputWidth(): number {
    return this.layerAt(this.layers.length - 1).outWidth;
  }

  /** Keras's table of layers, output shapes and parameter counts; printed when `print` is set. */
  summary(print = false): string {
    this.assertLive();
    const rows = this.layers.map((l) => ({
      name: l.name,
      className: l.className,
      outputWidth: l.outWidth,
      params: l
        .weightSpecs(this.inWidthOf(l))
        .reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0),
    }));
    const text = formatSummary(this.name, rows);
    if (print) console.log(text);
    return text;
  }

  /** @example model.compile({ optimizer: new Adam(0.001), loss: 'mse', metrics: ['mae'] }) */
  compile(options: CompileOptions): void {
    this.assertLive();
    if (!options || options.loss === undefined) throw new InputError('compile: a loss is required');
    const loss = lossName(options.loss, 'compile');
    const optimizer = getOptimizer(options.optimizer);
    this.layerAt(0);
    const metrics = (options.metrics ?? []).map((m) => getMetric(m, loss, this.outputWidth));
    this.compiled?.state?.trainAcc.dispose();
    this.compiled?.state?.evalAcc.dispose();
    this.compiled = { optimizer, loss, metrics };
  }

  /** Trains on (x, y) and returns the History of per-epoch loss and metrics. */
  async fit(
    x: MatrixLike | GpuDataset,
    y?: MatrixLike,
    options: FitOptions & {
      validationData?: [MatrixLike, MatrixLike] | GpuDataset;
    } = {},
  ): Promise<History> {
    const c = this.requireCompiled('fit');
    checkBatchSize(options.batchSize ?? 32, 'fit');
    const own: GpuDataset[] = [];
    const b = await this.build();
    const state = this.loopState(b, c);
    try {
      const data = toDataset(b.engine, this.io(), x, y, 'fit', own);
      const v = options.validationData;
      const validation =
        v &&
        (Array.isArray(v)
          ? toDataset(b.engine, this.io(), v[0], v[1], 'fit validationData', own)
          : v);
      return await fitLoop(state, data, {
        ...options,
        validationData: validation as GpuDataset | undefined,
      });
    } finally {
      if (!b.engine.isLost) for (const d of own) d.dispose();
    }
  }

  /** One gradient step on the batch (x, y); its loss and metrics before the update. */
  async trainOnBatch(x: MatrixLike, y: MatrixLike): Promise<Logs> {
    const c = this.requireCompiled('trainOnBatch');
    const xm = checkX(this.io(), Matrix.from(x, 'trainOnBatch x', this.inputWidth), 'trainOnBatch');
    const ym = checkY(
      this.io(),
      Matrix.from(y, 'trainOnBatch y', isSparse(c.loss) ? 1 : undefined),
      xm,
      'trainOnBatch',
    );
    const b = await this.build();
    return trainOnBatchLoop(this.loopState(b, c), xm, ym);
  }

  /** Loss and metrics over (x, y), e.g. { loss: 0.12, accuracy: 0.97 }. */
  async evaluate(
    x: MatrixLike | GpuDataset,
    y?: MatrixLike,
    { batchSize = 32 } = {},
  ): Promise<Logs> {
    const c = this.requireCompiled('evaluate');
    checkBatchSize(batchSize, 'evaluate');
    const own: GpuDataset[] = [];
    const b = await this.build();
    const data = toDataset(b.engine, this.io(), x, y, 'evaluate', own);
    const order = b.engine.tensor(
      Uint32Array.from({ length: data.size }, (_, i) => i),
      [data.size],
      'evaluate.order',
      'u32',
    );
    try {
      return await evaluateRange(this.loopState(b, c), data, order, 0, data.size, batchSize);
    } finally {
      if (!b.engine.isLost) {
        order.dispose();
        for (const d of own) d.dispose();
      }
    }
  }

  /** The model's outputs for x, as a Matrix [samples, outputs]. */
  async predict(x: MatrixLike, { batchSize = 32 } = {}): Promise<Matrix> {
    this.assertLive();
    checkBatchSize(batchSize, 'predict');
    const input = checkX(this.io(), Matrix.from(x, 'predict x', this.inputWidth), 'predict');
    const b = await this.build();
    const out = await predictLoop(
      { ...b, layers: this.layers, outputWidth: this.outputWidth },
      input,
      batchSize,
    );
    try {
      return new Matrix(await out.read(), [input.rows, this.outputWidth]);
    } finally {
      if (!b.engine.isLost) out.dispose();
    }
  }

  /**
   * The weights in Keras's order: per layer its kernel [in, out], then its bias [out]. After
   * the device is lost, the weights as the last finished fit() epoch left them.
   */
  async getWeights(): Promise<WeightArray[]> {
    this.assertLive();
    if (this.built?.engine.isLost) {
      if (!this.snapshot)
        throw new DeviceLostError('lost', 'no epoch finished, so no weights were kept');
      return this.weightShapes().map((shape, i) => ({ shape, data: this.snapshot![i].slice() }));
    }
    const b = await this.build();
    const values = await b.arena.read();
    return b.arena.placements.map((p, i) => ({ shape: p.shape, data: values[i] }));
  }

  /**
   * Moves the model to another engine (after its device was lost, say), with its current
   * weights, or those kept at the last finished epoch. Optimizer state starts afresh.
   */
  async useEngine(engine: Engine): Promise<void> {
    this.assertLive();
    const weights = this.built ? await this.getWeights() : undefined;
    this.releaseGpu();
    this.options = { ...this.options, engine };
    this.building = undefined;
    this.built = undefined;
    const b = await this.build();
    weights?.forEach((w, i) => b.arena.write(i, w.data as Float32Array<ArrayBuffer>));
  }

  /** Sets every weight; count and shapes must match getWeights(). */
  async setWeights(weights: WeightLike[]): Promise<void> {
    this.assertLive();
    const values = setWeightsOf(this.name, this.weightShapes(), weights);
    const b = await this.build();
    values.forEach((v, i) => b.arena.write(i, v));
  }

  /**
   * Saves the model in the TensorFlow.js Layers format (model.json and weights.bin) to a folder
   * (Node), "downloads://name" or "indexeddb://name" (browsers). Optimizer state is not saved.
   */
  save(target: string): Promise<{ modelJsonBytes: number; weightBytes: number }> {
    this.assertLive();
    return saveModel(this, target);
  }

  /** Frees the model's GPU memory; the model cannot be used afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.releaseGpu();
  }

  /** Gives back every GPU buffer of the model (no GPU work: buffers go back to the pool). */
  private releaseGpu(): void {
    if (!this.built) return;
    releaseModel(this.built, this.layers);
    if (this.compiled) {
      this.compiled.optimizer.dispose();
      this.compiled.state?.trainAcc.dispose();
      this.compiled.state?.evalAcc.dispose();
      this.compiled.state = undefined;
    }
  }

  /** The shape of every weight, in getWeights() order. */
  weightShapes(): number[][] {
    return this.layers.flatMap((l) => l.weightSpecs(this.inWidthOf(l)).map((w) => w.shape));
  }

  /** Places the weights on the GPU and initialises them (once). */
  private build(): Promise<Built> {
    this.assertLive();
    this.layerAt(0);
    this.building ??= (async () => {
      const engine = this.options.engine ?? (await getEngine());
      const inWidths = this.layers.map((l) => this.inWidthOf(l));
      this.built = placeModel(engine, this.layers, inWidths, this.name);
      return this.built;
    })();
    return this.building;
  }

  private loopState(b: Built, c: NonNullable<Sequential['compiled']>): LoopState {
    c.state ??= {
      engine: b.engine,
      layers: this.layers,
      arena: b.arena,
      optimizer: c.optimizer,
      loss: c.loss,
      buffers: b.buffers,
      trainAcc: new Accumulators(b.engine, c.loss, c.metrics, `${this.name}.train`),
      evalAcc: new Accumulators(b.engine, c.loss, c.metrics, `${this.name}.eval`),
      outputWidth: this.outputWidth,
      stopTraining: false,
      onWeights: (w) => (this.snapshot = w),
    };
    return c.state;
  }

  /** What the input checks need to know of the model. */
  private io(): ModelIo {
    return {
      name: this.name,
      first: this.layerAt(0),
      inputWidth: this.inputWidth,
      outputWidth: this.outputWidth,
      loss: this.compiled?.loss,
    };
  }

  private requireCompiled(what: string) {
    this.assertLive();
    if (!this.compiled) throw new InputError(`${what}: call compile() before ${what}()`);
    return this.compiled;
  }

  private inWidthOf(layer: Layer): number {
    const i = this.layers.indexOf(layer);
    return i === 0 ? this.inputWidth : this.layers[i - 1].outWidth;
  }

  private layerAt(i: number): Layer {
    const l = this.layers[i];
    if (!l) throw new InputError(`${this.name}: the model has no layers; add() some first`);
    return l;
  }

  private assertLive(): void {
    if (this.disposed) throw new InputError(`${this.name}: the model was disposed`);
  }
}
