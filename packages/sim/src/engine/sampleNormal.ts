import type { RandomSource } from './RandomSource.js';

/**
 * A normal (Gaussian) draw with mean `mean` and standard deviation `sd`, by the Box–Muller transform.
 * Takes exactly two draws from `source` and keeps no spare, so it stays a pure function of its source.
 *
 * @throws RangeError when `mean` is not finite or `sd` is negative or not finite.
 */
export function sampleNormal(source: RandomSource, mean = 0, sd = 1): number {
  if (!Number.isFinite(mean) || !(Number.isFinite(sd) && sd >= 0)) {
    throw new RangeError(`sampleNormal: mean ${mean} / sd ${sd} must be finite with sd ≥ 0`);
  }
  const u1 = 1 - source(); // (0, 1]: the logarithm stays finite
  const u2 = source();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
