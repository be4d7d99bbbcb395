import type { RandomSource } from '../engine/index.js';
import { sampleExponential } from '../engine/index.js';
import type { ArrivalWindow } from './arrivalWindow.js';

const HOUR_MS = 3_600_000;

/** Parameters of {@link batchPoissonArrivals}. */
export interface BatchPoissonParams extends ArrivalWindow {
  /** Mean rate of bursts, per hour. */
  readonly ratePerHour: number;
  /** Applications per burst: a sampler, rounded to an integer ≥ 1. */
  readonly burstSize: () => number;
  /** The members of a burst arrive spread uniformly over this many ms after its start (default 0: together). */
  readonly spreadMs?: number;
}

/**
 * A batch-arrival (compound Poisson) process: bursts arrive as a Poisson process of `ratePerHour`; each
 * brings `burstSize()` applications at once, or spread uniformly over `spreadMs` (a nightly pipeline
 * submitting its jobs, a user resubmitting a failed batch). Arrivals after `endMs` are dropped; the
 * result is sorted.
 */
export function batchPoissonArrivals(params: BatchPoissonParams, source: RandomSource): number[] {
  const rate = params.ratePerHour / HOUR_MS;
  const max = params.maxCount ?? Number.POSITIVE_INFINITY;
  const spread = params.spreadMs ?? 0;
  const out: number[] = [];
  let t = params.startMs ?? 0;
  while (out.length < max) {
    t += sampleExponential(source, rate);
    if (!(t < params.endMs)) break;
    const size = Math.max(1, Math.round(params.burstSize()));
    for (let i = 0; i < size && out.length < max; i++) {
      const at = Math.floor(t + (spread > 0 ? source() * spread : 0));
      if (at < params.endMs) out.push(at);
    }
  }
  return out.sort((a, b) => a - b);
}

/** Parameters of {@link mmppArrivals}. */
export interface MmppParams extends ArrivalWindow {
  /** Arrival rate per hour in the quiet and the busy state. */
  readonly ratesPerHour: readonly [quiet: number, busy: number];
  /** Mean time spent in the quiet and the busy state before switching, in milliseconds (exponential). */
  readonly meanDwellMs: readonly [quiet: number, busy: number];
  /** State at `startMs` (default quiet). */
  readonly initialState?: 'quiet' | 'busy';
}

/**
 * A two-state Markov-modulated Poisson process: the source switches between a quiet and a busy state
 * after exponential dwell times and emits Poisson arrivals at the state's rate, so arrivals cluster in
 * busy periods. Both the dwell and the gap are memoryless, so each step draws the next switch and the
 * next arrival and keeps whichever comes first.
 */
export function mmppArrivals(params: MmppParams, source: RandomSource): number[] {
  const max = params.maxCount ?? Number.POSITIVE_INFINITY;
  const out: number[] = [];
  let state = params.initialState === 'busy' ? 1 : 0;
  let t = params.startMs ?? 0;
  let switchAt = t + sampleExponential(source, 1 / params.meanDwellMs[state]!);
  while (out.length < max && t < params.endMs) {
    const rate = params.ratesPerHour[state]! / HOUR_MS;
    const next = rate > 0 ? t + sampleExponential(source, rate) : Number.POSITIVE_INFINITY;
    if (next < switchAt) {
      t = next;
      if (t < params.endMs) out.push(Math.floor(t));
    } else {
      t = switchAt;
      state = 1 - state;
      switchAt = t + sampleExponential(source, 1 / params.meanDwellMs[state]!);
    }
  }
  return out;
}
