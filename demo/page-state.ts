// What the demo and benchmark pages publish on `window` for the scripts and tests that drive them.
import type { BenchRecord } from '../bench/suite';

export type DemoPhase = 'loading' | 'ready' | 'training' | 'done' | 'error';

/** `window.webgpuNN` on demo/index.html. */
export interface DemoState {
  state: DemoPhase;
  testAccuracy?: number;
  epochMs: number[];
  adapter?: string;
  error?: string;
}

/** `window.webgpuNNBench` on demo/bench.html. */
export interface BenchState {
  state: string;
  results?: BenchRecord[];
  /** GPU time alone, where timestamp queries measure it. */
  gpu?: BenchRecord[];
  adapter?: string;
  browser: string;
  date?: string;
  error?: string;
}
