import type { RandomSource } from '../engine/index.js';
import { sampleExponential, sampleLognormal, sampleUniform } from '../engine/index.js';

/**
 * A sampled quantity as scenario files write it: a number (constant), `{constant}`, `{uniform: [lo, hi]}`,
 * `{lognormal: {median, sigma}}` (sigma of the logarithm) or `{exponential: {mean}}`.
 */
export type Distribution =
  | number
  | {
      /** Always this value. */
      readonly constant: number;
    }
  | {
      /** Uniform between the two bounds. */
      readonly uniform: readonly [number, number];
    }
  | {
      /** Log-normal. */
      readonly lognormal: {
        /** The median. */
        readonly median: number;
        /** Standard deviation in log space. */
        readonly sigma: number;
      };
    }
  | {
      /** Exponential. */
      readonly exponential: {
        /** The mean. */
        readonly mean: number;
      };
    };

/** A sampler of `distribution` bound to `source`: each call draws one value. */
export function distributionSampler(distribution: Distribution, source: RandomSource): () => number {
  if (typeof distribution === 'number') return () => distribution;
  if ('constant' in distribution) return () => distribution.constant;
  if ('uniform' in distribution) {
    const [lo, hi] = distribution.uniform;
    return () => sampleUniform(source, lo, hi);
  }
  if ('lognormal' in distribution) {
    const mu = Math.log(distribution.lognormal.median);
    const { sigma } = distribution.lognormal;
    return () => sampleLognormal(source, mu, sigma);
  }
  const rate = 1 / distribution.exponential.mean;
  return () => sampleExponential(source, rate);
}

/** The mean of `distribution` (lognormal: `median × e^(σ²/2)`). */
export function distributionMean(distribution: Distribution): number {
  if (typeof distribution === 'number') return distribution;
  if ('constant' in distribution) return distribution.constant;
  if ('uniform' in distribution) return (distribution.uniform[0] + distribution.uniform[1]) / 2;
  if ('lognormal' in distribution)
    return distribution.lognormal.median * Math.exp(distribution.lognormal.sigma ** 2 / 2);
  return distribution.exponential.mean;
}
