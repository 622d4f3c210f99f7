// Metrics by Keras name: accuracies (counted on the GPU) and losses used as metrics.
import { InputError } from '../engine/errors';
import { LOSSES, lossName, type LossName } from '../kernels/loss-codes';
import type { AccuracyMode } from '../kernels/reduce';

export type Metric =
  | { key: string; kind: 'accuracy'; mode: AccuracyMode }
  | { key: string; kind: 'loss'; loss: LossName };

const ACCURACIES: Record<string, AccuracyMode> = {
  categorical_accuracy: 'categorical',
  sparse_categorical_accuracy: 'sparse',
  binary_accuracy: 'binary',
};

/**
 * Resolves a metric name. 'accuracy' (or 'acc') picks the accuracy the loss implies, as Keras
 * does: sparse for sparse crossentropy, binary for binary crossentropy or one output,
 * categorical otherwise.
 */
export function getMetric(name: string, loss: LossName, outputWidth: number): Metric {
  if (name === 'accuracy' || name === 'acc') {
    let mode: AccuracyMode = 'categorical';
    if (loss === 'sparse_categorical_crossentropy') mode = 'sparse';
    else if (loss === 'binary_crossentropy' || outputWidth === 1) mode = 'binary';
    return { key: name, kind: 'accuracy', mode };
  }
  if (name in ACCURACIES) return { key: name, kind: 'accuracy', mode: ACCURACIES[name] };
  try {
    return { key: name, kind: 'loss', loss: lossName(name, 'metrics') };
  } catch {
    throw new InputError(
      `compile: unknown metric "${name}"; expected one of accuracy, acc, ` +
        `${[...Object.keys(ACCURACIES), ...Object.keys(LOSSES)].join(', ')}`,
    );
  }
}
