import type { RandomSource } from './RandomSource.js';
import { sampleNormal } from './sampleNormal.js';

/**
 * A log-normal draw: `exp(N(mu, sigma))`, the usual shape of batch task durations (median `e^mu`, long
 * right tail). `mu` and `sigma` are the mean and standard deviation of the logarithm. Two draws from
 * `source`.
 *
 * @throws RangeError when `mu` is not finite or `sigma` is negative or not finite.
 */
export function sampleLognormal(source: RandomSource, mu: number, sigma: number): number {
  if (!Number.isFinite(mu) || !(Number.isFinite(sigma) && sigma >= 0)) {
    throw new RangeError(`sampleLognormal: mu ${mu} / sigma ${sigma} must be finite with sigma ≥ 0`);
  }
  return Math.exp(sampleNormal(source, mu, sigma));
}
