import type { RandomSource } from '../engine/index.js';
import { sampleExponential } from '../engine/index.js';
import type { ArrivalWindow } from './arrivalWindow.js';

/** One hour, in milliseconds. */
const HOUR_MS = 3_600_000;

/**
 * Arrival times (integer simulation ms, non-decreasing) of a Poisson process with `ratePerHour` arrivals
 * per hour in `[startMs, endMs)`: exponential gaps of mean `1/rate`, accumulated in floating point and
 * floored to milliseconds. One draw from `source` per arrival plus one.
 */
export function poissonArrivals(
  params: ArrivalWindow & { readonly ratePerHour: number },
  source: RandomSource,
): number[] {
  const rate = params.ratePerHour / HOUR_MS;
  const max = params.maxCount ?? Number.POSITIVE_INFINITY;
  const out: number[] = [];
  let t = params.startMs ?? 0;
  while (out.length < max) {
    t += sampleExponential(source, rate);
    if (!(t < params.endMs)) break;
    out.push(Math.floor(t));
  }
  return out;
}
