import type { RandomSource } from './RandomSource.js';

/**
 * A uniform draw from [`lo`, `hi`) (e.g. a jitter in milliseconds). One draw from `source`.
 *
 * @throws RangeError when a bound is not finite or `lo > hi`.
 */
export function sampleUniform(source: RandomSource, lo: number, hi: number): number {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) {
    throw new RangeError(`sampleUniform: bounds [${lo}, ${hi}) are not finite with lo ≤ hi`);
  }
  return lo + (hi - lo) * source();
}
