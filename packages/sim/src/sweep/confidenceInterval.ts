import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Mean of a sample with a two-sided Student-t confidence interval. */
export interface MeanInterval {
  /** Number of values (runs) the mean is over. */
  readonly n: number;
  /** The mean. */
  readonly mean: number;
  /** Lower bound of the interval; equals `mean` when `n` < 2 (no spread to estimate). */
  readonly low: number;
  /** Upper bound of the interval; equals `mean` when `n` < 2. */
  readonly high: number;
  /** Half the interval's width (`t × s / √n`); `null` when `n` < 2. */
  readonly halfWidth: number | null;
}

/**
 * The mean of `values` with its Student-t confidence interval at `level` (default 95%): mean ± t(1 − α/2,
 * n − 1) · s / √n, with s the sample standard deviation. The sum runs in the given order, so the same
 * values in the same order give the same bits. Returns `null` for no values.
 */
export function meanConfidenceInterval(values: readonly number[], level = 0.95): MeanInterval | null {
  if (!(level > 0 && level < 1)) throw new RangeError(`meanConfidenceInterval: level must be in (0, 1), got ${level}`);
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n < 2) return { n, mean, low: mean, high: mean, halfWidth: null };
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  const halfWidth = tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, low: mean - halfWidth, high: mean + halfWidth, halfWidth };
}
