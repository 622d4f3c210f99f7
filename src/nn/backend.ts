// The engine models use unless given one: created on first use, like Keras's global backend.
import { Engine, type EngineOptions } from '../engine/engine';

let current: Promise<Engine> | undefined;

/** The shared engine, created with `options` on the first call. */
export function getEngine(options?: EngineOptions): Promise<Engine> {
  current ??= Engine.create(options).catch((err) => {
    current = undefined;
    throw err;
  });
  return current;
}

/** Makes `engine` the one models use from now on. */
export function setEngine(engine: Engine): void {
  current = Promise.resolve(engine);
}
