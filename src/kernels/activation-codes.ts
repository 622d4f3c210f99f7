// The activations the kernels know, by Keras name, with the codes activation_fns.wgsl switches on.
import { InputError } from '../engine/errors';

export const ACTIVATIONS = {
  linear: 0,
  relu: 1,
  sigmoid: 2,
  tanh: 3,
  elu: 4,
  selu: 5,
  softplus: 6,
  softsign: 7,
  hard_sigmoid: 8,
  exponential: 9,
  leaky_relu: 10,
  thresholded_relu: 11,
  silu: 12,
} as const;

export type ActivationName = keyof typeof ACTIVATIONS;

/** An activation with its parameters, as the kernels take it. */
export interface ActivationSpec {
  name: ActivationName;
  /** relu's negative slope, leaky_relu's slope, elu's alpha. */
  alpha?: number;
  /** relu's max value; undefined for none. */
  maxValue?: number;
  /** relu's threshold, thresholded_relu's theta. */
  threshold?: number;
}

const ALIASES: Record<string, ActivationName> = { swish: 'silu', relu6: 'relu' };

/** Keras's defaults for each activation used by name. */
const DEFAULTS: Partial<Record<ActivationName, Omit<ActivationSpec, 'name'>>> = {
  elu: { alpha: 1.0 },
  leaky_relu: { alpha: 0.2 },
  thresholded_relu: { threshold: 1.0 },
};

/** Resolves a name or spec to a full spec; unknown names list the known ones. */
export function activationSpec(
  a: string | ActivationSpec | undefined | null,
  where: string,
): ActivationSpec {
  if (a === undefined || a === null) return { name: 'linear' };
  const spec = typeof a === 'string' ? { name: a } : a;
  const raw = spec.name as string;
  const name = (ALIASES[raw] ?? raw) as ActivationName;
  if (!(name in ACTIVATIONS)) {
    throw new InputError(
      `${where}: unknown activation "${raw}"; expected one of ` +
        `${[...Object.keys(ACTIVATIONS), ...Object.keys(ALIASES), 'softmax'].join(', ')}`,
    );
  }
  const base = { ...DEFAULTS[name], ...(raw === 'relu6' ? { maxValue: 6 } : {}) };
  return { ...base, ...stripUndefined(spec), name };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The code and the vec4 parameter block (alpha, max value or -1, threshold, 0). */
export function activationParams(a: ActivationSpec): { code: number; params: number[] } {
  const spec = activationSpec(a, 'activation');
  return {
    code: ACTIVATIONS[spec.name],
    params: [spec.alpha ?? 0, spec.maxValue ?? -1, spec.threshold ?? 0, 0],
  };
}
