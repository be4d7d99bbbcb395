import { hashStream } from './hashStream.js';
import type { LoadCurve } from './LoadCurve.js';

/** One rectangular burst (or dip, with a negative height). */
export interface Spike {
  /** Start, in simulation milliseconds. */
  readonly atMs: number;
  /** Length, in milliseconds. */
  readonly durationMs: number;
  /** Added utilisation while the spike lasts, as a fraction of capacity (may be negative). */
  readonly height: number;
}

/** The sum of `spikes`: each adds `height` on `[atMs, atMs + durationMs)`. */
export function spikesCurve(spikes: readonly Spike[]): LoadCurve {
  const list = [...spikes];
  return (t) => {
    let sum = 0;
    for (const s of list) if (t >= s.atMs && t < s.atMs + s.durationMs) sum += s.height;
    return sum;
  };
}

/** Parameters of {@link burstsCurve}. */
export interface BurstParams {
  /** Seed of the run. */
  readonly seed: number | string;
  /** What the bursts belong to (node name): different keys burst independently. */
  readonly key: number | string;
  /** Mean time between burst starts, in milliseconds. */
  readonly meanIntervalMs: number;
  /** Length of each burst, in milliseconds. */
  readonly durationMs: number;
  /** Mean added utilisation during a burst, as a fraction of capacity. */
  readonly height: number;
  /** Relative spread of each burst's height: uniform in `height × (1 ± jitter)` (default 0). */
  readonly heightJitter?: number;
}

/**
 * Random bursts without state: time is cut into slots of `durationMs` (shifted by a per-key phase so
 * nodes do not burst in lockstep); each slot holds a burst with probability
 * `min(1, durationMs / meanIntervalMs)`, decided by a hash of (seed, key, slot). A Bernoulli-per-slot
 * approximation of Poisson burst arrivals, exact in the mean rate.
 */
export function burstsCurve(params: BurstParams): LoadCurve {
  const stream = hashStream(params.seed, params.key);
  const slotMs = Math.max(1, params.durationMs);
  const p = Math.min(1, slotMs / Math.max(1, params.meanIntervalMs));
  const phase = stream(-1) * slotMs;
  const jitter = params.heightJitter ?? 0;
  return (t) => {
    const slot = Math.floor((t + phase) / slotMs);
    if (stream(slot, 0) >= p) return 0;
    return params.height * (1 + jitter * (2 * stream(slot, 1) - 1));
  };
}
