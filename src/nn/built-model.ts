// A model placed on a device: its weights in one parameter arena (each layer given views of its
// own), and the scratch buffers of its batches.
import type { Engine } from '../engine/engine';
import { ParameterArena } from './arena';
import type { Layer } from './layer';
import { BatchBuffers } from './steps';

export interface Built {
  engine: Engine;
  arena: ParameterArena;
  buffers: BatchBuffers;
}

/** Lays out and initialises the weights of `layers` (layer i takes input width inWidths[i]). */
export function placeModel(
  engine: Engine,
  layers: Layer[],
  inWidths: number[],
  name: string,
): Built {
  const specs = layers.map((l, i) => l.weightSpecs(inWidths[i]));
  const flat = specs.flat();
  const align = engine.limits.minStorageBufferOffsetAlignment;
  const layout = ParameterArena.layout(
    flat.map((s) => s.shape),
    align,
  );
  const arena = new ParameterArena(engine, layout, name);
  flat.forEach((s, i) => arena.write(i, s.initializer.values(s.shape)));
  const weights = arena.weightViews();
  const grads = arena.gradViews();
  let k = 0;
  layers.forEach((l, i) => {
    const n = specs[i].length;
    l.weights = weights.slice(k, k + n);
    l.grads = grads.slice(k, k + n);
    k += n;
  });
  return { engine, arena, buffers: new BatchBuffers(engine, name) };
}

/** Gives every buffer back to the pool; no GPU work, so it is safe on a lost device too. */
export function releaseModel(b: Built, layers: Layer[]): void {
  for (const l of layers) l.disposeBuffers();
  b.buffers.dispose();
  b.arena.dispose();
}
