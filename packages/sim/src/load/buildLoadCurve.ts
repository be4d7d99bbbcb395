import { clampCurve } from './compose.js';
import type { DiurnalParams } from './diurnal.js';
import { diurnalCurve } from './diurnal.js';
import type { LoadCurve } from './LoadCurve.js';
import { noiseCurve } from './noise.js';
import type { BurstParams, Spike } from './spikes.js';
import { burstsCurve, spikesCurve } from './spikes.js';
import type { Step } from './steps.js';
import { stepsCurve } from './steps.js';
import { weeklyCurve } from './weekly.js';

/**
 * The terms of an online-load curve, all optional, with times in milliseconds (the scenario file's
 * `loadCurve` after its durations are converted).
 */
export interface LoadCurveParams {
  /** Flat utilisation, as a fraction. */
  readonly constant?: number;
  /** Daily cycle (its time zone comes from the context). */
  readonly diurnal?: Omit<DiurnalParams, 'timeZoneOffsetMs'>;
  /** Seven day multipliers of the base level, starting with the simulation's first day. */
  readonly weekly?: readonly number[];
  /** Seeded per-key noise. */
  readonly noise?: {
    /** Standard deviation, as a fraction of capacity. */
    readonly stddev: number;
    /** Time over which noise values are correlated, ms. */
    readonly correlationMs?: number;
  };
  /** Fixed bursts or dips. */
  readonly spikes?: readonly Spike[];
  /** Seeded random bursts. */
  readonly bursts?: Omit<BurstParams, 'seed' | 'key'>;
  /** Level shifts. */
  readonly steps?: readonly Step[];
  /** A replayed trace (e.g. {@link seriesCurve} or {@link aggregateNodeCurve}), added to the base level. */
  readonly trace?: LoadCurve;
}

/** What makes a built curve specific to one node or pool. */
export interface LoadCurveContext {
  /** Seed of the run. */
  readonly seed: number | string;
  /** Node or pool name: keys the noise and bursts. */
  readonly key: string;
  /** Offset of the member's local clock from simulation time, in milliseconds (default 0). */
  readonly timeZoneOffsetMs?: number;
}

/**
 * Builds one node's (or pool's) online utilisation:
 * `clamp₀¹((constant + diurnal + trace) × weekly + steps + spikes + bursts + noise)`, missing terms
 * contributing 0 (weekly: 1). The weekly shape scales the base level only, so a sale-day step or a burst
 * is as large on a Sunday as on a Monday.
 */
export function buildLoadCurve(params: LoadCurveParams, context: LoadCurveContext): LoadCurve {
  const tz = context.timeZoneOffsetMs ?? 0;
  const constant = params.constant ?? 0;
  const diurnal = params.diurnal === undefined ? undefined : diurnalCurve({ ...params.diurnal, timeZoneOffsetMs: tz });
  const weekly =
    params.weekly === undefined ? undefined : weeklyCurve({ factors: params.weekly, timeZoneOffsetMs: tz });
  const trace = params.trace;
  const additive: LoadCurve[] = [];
  if (params.steps !== undefined && params.steps.length > 0) additive.push(stepsCurve(params.steps));
  if (params.spikes !== undefined && params.spikes.length > 0) additive.push(spikesCurve(params.spikes));
  if (params.bursts !== undefined)
    additive.push(burstsCurve({ ...params.bursts, seed: context.seed, key: context.key }));
  if (params.noise !== undefined && params.noise.stddev > 0) {
    additive.push(noiseCurve({ ...params.noise, seed: context.seed, key: context.key }));
  }
  return clampCurve((t) => {
    let base = constant;
    if (diurnal !== undefined) base += diurnal(t);
    if (trace !== undefined) base += trace(t);
    if (weekly !== undefined) base *= weekly(t);
    for (const term of additive) base += term(t);
    return base;
  });
}
