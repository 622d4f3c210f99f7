// Loss and metric totals of an epoch, summed on the GPU and read back once.
import type { Engine } from '../engine/engine';
import type { Recorder } from '../engine/recorder';
import type { Tensor } from '../engine/tensor';
import { lossValue } from '../kernels/loss';
import type { LossName } from '../kernels/loss-codes';
import { countCorrect, totalSum } from '../kernels/reduce';
import type { Logs } from './callbacks';
import type { Metric } from './metrics';

export class Accumulators {
  /** sums[0]: loss; sums[1 + i]: the i-th loss metric. Per-sample sums. */
  private readonly sums: Tensor;
  /** One u32 counter per accuracy metric (a binding offset must be aligned, so not one tensor). */
  private readonly counts: Tensor[];
  private readonly lossMetrics: Extract<Metric, { kind: 'loss' }>[];
  private readonly accuracies: Extract<Metric, { kind: 'accuracy' }>[];

  constructor(
    engine: Engine,
    private readonly loss: LossName,
    metrics: Metric[],
    label: string,
  ) {
    this.lossMetrics = metrics.filter((m) => m.kind === 'loss');
    this.accuracies = metrics.filter((m) => m.kind === 'accuracy');
    this.sums = engine.zeros([1 + this.lossMetrics.length], `${label}.sums`);
    this.counts = this.accuracies.map((m) => engine.zeros([1], `${label}.${m.key}`, 'u32'));
  }

  clear(r: Recorder): void {
    r.clear(this.sums.binding);
    for (const c of this.counts) r.clear(c.binding);
  }

  /** Adds a batch: pred [B, out], truth its targets, perSample a scratch [B]. */
  add(r: Recorder, pred: Tensor, truth: Tensor, perSample: Tensor): void {
    lossValue(r, this.loss, pred, truth, perSample);
    totalSum(r, perSample, this.sums, { index: 0, accumulate: true });
    this.lossMetrics.forEach((m, i) => {
      lossValue(r, m.loss, pred, truth, perSample);
      totalSum(r, perSample, this.sums, { index: 1 + i, accumulate: true });
    });
    this.accuracies.forEach((m, i) => countCorrect(r, pred, truth, this.counts[i], m.mode));
  }

  /** Means over `samples` samples of `outputWidth` values each. */
  async read(samples: number, outputWidth: number, prefix = ''): Promise<Logs> {
    const sums = await this.sums.read();
    const counts = await Promise.all(this.counts.map((c) => c.read()));
    const logs: Logs = { [`${prefix}loss`]: sums[0] / samples };
    this.lossMetrics.forEach((m, i) => (logs[prefix + m.key] = sums[1 + i] / samples));
    this.accuracies.forEach((m, i) => {
      const per = m.mode === 'categorical' || m.mode === 'sparse' ? 1 : outputWidth;
      logs[prefix + m.key] = counts[i][0] / (samples * per);
    });
    return logs;
  }

  dispose(): void {
    this.sums.dispose();
    for (const c of this.counts) c.dispose();
  }
}
