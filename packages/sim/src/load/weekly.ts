import type { LoadCurve } from './LoadCurve.js';
import { DAY_MS } from './LoadCurve.js';

/** Parameters of {@link weeklyCurve}. */
export interface WeeklyParams {
  /** Seven multipliers, one per day, starting with the day the simulation starts on. */
  readonly factors: readonly number[];
  /** Offset of the member's local clock from simulation time, in milliseconds (days change at local midnight). */
  readonly timeZoneOffsetMs?: number;
}

/**
 * A weekly shape: the multiplier of the current local day (`factors[day mod 7]`, day 0 being the day the
 * simulation starts on), a step function that changes at local midnight. Multiply a daily curve by it
 * (e.g. factors `[1, 1, 1, 1, 1, 0.7, 0.6]` for quieter weekends).
 *
 * @throws RangeError when `factors` does not hold exactly seven finite numbers.
 */
export function weeklyCurve(params: WeeklyParams): LoadCurve {
  const factors = [...params.factors];
  if (factors.length !== 7 || !factors.every(Number.isFinite)) {
    throw new RangeError(`weeklyCurve: expected 7 finite factors, got ${params.factors.length}`);
  }
  const offset = params.timeZoneOffsetMs ?? 0;
  return (t) => {
    const day = Math.floor((t + offset) / DAY_MS);
    return factors[((day % 7) + 7) % 7]!;
  };
}
