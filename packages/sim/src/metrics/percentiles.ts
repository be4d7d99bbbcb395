import type { Percentiles } from './SimulationResult.js';

/**
 * The nearest-rank percentile `p` (0–100) of ascending-sorted `sorted`: the smallest value with at least
 * p% of the samples at or below it. Nearest-rank returns an observed value, so integer inputs give
 * integer outputs and results are reproducible to the byte.
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Count, mean (rounded to an integer), p50/p90/p99 and max of integer samples such as durations in ms. */
export function summarisePercentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) return { count: 0, mean: null, p50: null, p90: null, p99: null, max: null };
  const sorted = [...samples].sort((a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    mean: Math.round(sum / sorted.length),
    p50: nearestRank(sorted, 50),
    p90: nearestRank(sorted, 90),
    p99: nearestRank(sorted, 99),
    max: sorted[sorted.length - 1]!,
  };
}
