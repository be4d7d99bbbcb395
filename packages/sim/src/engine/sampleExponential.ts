import type { RandomSource } from './RandomSource.js';

/**
 * An exponential draw with the given `rate` (events per unit, mean `1/rate`), the gap between Poisson
 * arrivals: with `rate` in jobs per millisecond, the result is milliseconds to the next job. One draw
 * from `source`, by inversion.
 *
 * @throws RangeError when `rate` is not a finite positive number.
 */
export function sampleExponential(source: RandomSource, rate: number): number {
  if (!(Number.isFinite(rate) && rate > 0)) {
    throw new RangeError(`sampleExponential: rate ${rate} is not a finite positive number`);
  }
  // log1p(−u) = ln(1 − u) is finite for u in [0, 1), exact for small u, and gives +0 (not −0) at u = 0.
  return -Math.log1p(-source()) / rate;
}
