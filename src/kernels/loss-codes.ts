// The losses the kernels know, by Keras name, with their aliases and the codes loss.wgsl uses.
import { InputError } from '../engine/errors';

export const LOSSES = {
  mean_squared_error: 0,
  mean_absolute_error: 1,
  mean_absolute_percentage_error: 2,
  mean_squared_logarithmic_error: 3,
  binary_crossentropy: 4,
  categorical_crossentropy: 5,
  sparse_categorical_crossentropy: 6,
  hinge: 7,
  squared_hinge: 8,
  categorical_hinge: 9,
  huber: 10,
  log_cosh: 11,
  kl_divergence: 12,
  poisson: 13,
  cosine_similarity: 14,
} as const;

export type LossName = keyof typeof LOSSES;

const ALIASES: Record<string, LossName> = {
  mse: 'mean_squared_error',
  mae: 'mean_absolute_error',
  mape: 'mean_absolute_percentage_error',
  msle: 'mean_squared_logarithmic_error',
  huber_loss: 'huber',
  logcosh: 'log_cosh',
  kld: 'kl_divergence',
  kullback_leibler_divergence: 'kl_divergence',
};

/** Resolves a Keras loss name or alias; an unknown name lists the valid ones. */
export function lossName(name: string, where = 'loss'): LossName {
  const resolved = (ALIASES[name] ?? name) as LossName;
  if (!(resolved in LOSSES)) {
    throw new InputError(
      `${where}: unknown loss "${name}"; expected one of ` +
        `${[...Object.keys(LOSSES), ...Object.keys(ALIASES)].join(', ')}`,
    );
  }
  return resolved;
}

/** Losses whose target is one class index per sample. */
export const isSparse = (name: LossName): boolean => name === 'sparse_categorical_crossentropy';
