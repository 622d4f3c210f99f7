// Callbacks and the History that fit() returns, as Keras names them.

export type Logs = Record<string, number>;

export interface Callback {
  onTrainBegin?(): void | Promise<void>;
  onEpochBegin?(epoch: number): void | Promise<void>;
  /**
   * After each batch. `logs` holds the epoch's running means as of the last asynchronous
   * read-back (at most one in flight, a few per second), so it may lag a few batches.
   */
  onBatchEnd?(batch: number, logs: Logs): void | Promise<void>;
  onEpochEnd?(epoch: number, logs: Logs): void | Promise<void>;
  onTrainEnd?(logs: Logs): void | Promise<void>;
}

export class History {
  readonly epoch: number[] = [];
  readonly history: Record<string, number[]> = {};

  record(epoch: number, logs: Logs): void {
    this.epoch.push(epoch);
    for (const [k, v] of Object.entries(logs)) (this.history[k] ??= []).push(v);
  }
}

/** Stops fit() with an error when the loss becomes NaN or infinite (Keras's TerminateOnNaN). */
export class TerminateOnNaN implements Callback {
  onEpochEnd(epoch: number, logs: Logs): void {
    if (!Number.isFinite(logs.loss)) {
      throw new Error(
        `TerminateOnNaN: loss became ${logs.loss} in epoch ${epoch + 1}; training stopped`,
      );
    }
  }
}
