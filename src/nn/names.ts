// Keras-style unique names: the first Dense is "dense", then "dense_1", "dense_2", ...

const counters = new Map<string, number>();

/** The next unique name for `base` ("dense", "sequential", ...). */
export function uniqueName(base: string): string {
  const n = counters.get(base) ?? 0;
  counters.set(base, n + 1);
  return n === 0 ? base : `${base}_${n}`;
}

/** Starts the counts again, as Keras's `clear_session()` does. */
export function clearSession(): void {
  counters.clear();
}

/** "ThresholdedReLU" -> "thresholded_re_lu", as Keras derives layer names from class names. */
export function snakeCase(className: string): string {
  return className
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase();
}
