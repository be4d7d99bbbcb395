/**
 * Order statistics of benchmark samples: quantiles, median, interquartile range and a five-number summary.
 * Pure functions over numbers; the bench reports every figure as a median with its p25–p75 spread.
 * @module
 */

/** The spread of a set of samples: median and the quartiles around it. */
export interface Spread {
  /** Number of samples. */
  readonly n: number;
  /** Smallest sample. */
  readonly min: number;
  /** 25th percentile. */
  readonly p25: number;
  /** Median (50th percentile). */
  readonly median: number;
  /** 75th percentile. */
  readonly p75: number;
  /** Largest sample. */
  readonly max: number;
  /** Interquartile range, `p75 − p25`. */
  readonly iqr: number;
}

/** A sorted copy of `xs` (ascending, numeric). */
export function sortedCopy(xs: ArrayLike<number>): Float64Array {
  return Float64Array.from(xs).sort();
}

/**
 * The `q`-quantile (0 ≤ q ≤ 1) of samples already sorted ascending, interpolating linearly between the two
 * nearest ranks (Hyndman & Fan type 7, as R, NumPy and tinybench do). `NaN` for an empty input.
 *
 * @throws RangeError when `q` is outside [0, 1].
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantileSorted: q ${q} is not in [0, 1]`);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

/** The `q`-quantile of unsorted samples; see {@link quantileSorted}. */
export function quantile(xs: ArrayLike<number>, q: number): number {
  return quantileSorted(sortedCopy(xs), q);
}

/** The median of `xs` (mean of the two middle values for an even count); `NaN` when empty. */
export function median(xs: ArrayLike<number>): number {
  return quantile(xs, 0.5);
}

/** The interquartile range `p75 − p25` of `xs`; `NaN` when empty. */
export function iqr(xs: ArrayLike<number>): number {
  const s = sortedCopy(xs);
  return quantileSorted(s, 0.75) - quantileSorted(s, 0.25);
}

/** Min, quartiles, median, max and IQR of `xs` in one pass over a sorted copy. */
export function spread(xs: ArrayLike<number>): Spread {
  const s = sortedCopy(xs);
  const p25 = quantileSorted(s, 0.25);
  const p75 = quantileSorted(s, 0.75);
  return {
    n: s.length,
    min: s.length === 0 ? Number.NaN : s[0]!,
    p25,
    median: quantileSorted(s, 0.5),
    p75,
    max: s.length === 0 ? Number.NaN : s[s.length - 1]!,
    iqr: p75 - p25,
  };
}

/** The arithmetic mean of `xs`; `NaN` when empty. */
export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  return sum / xs.length;
}

/**
 * Means of `batches` consecutive, equal-size batches of `xs` (the remainder joins the last batch): the method
 * of batch means, which turns one long autocorrelated simulation output into nearly independent samples.
 *
 * @throws RangeError when `batches` is not a positive integer or exceeds the number of values.
 */
export function batchMeans(xs: ArrayLike<number>, batches: number): number[] {
  if (!(Number.isInteger(batches) && batches >= 1 && batches <= xs.length)) {
    throw new RangeError(`batchMeans: ${batches} batches for ${xs.length} values`);
  }
  const size = Math.floor(xs.length / batches);
  const out: number[] = [];
  for (let b = 0; b < batches; b++) {
    const end = b < batches - 1 ? (b + 1) * size : xs.length;
    let sum = 0;
    for (let i = b * size; i < end; i++) sum += xs[i]!;
    out.push(sum / (end - b * size));
  }
  return out;
}

/** Standard error of the mean of independent samples `xs` (sample standard deviation ÷ √n); `NaN` below 2. */
export function standardError(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const m = mean(xs);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i]! - m) ** 2;
  return Math.sqrt(ss / (n - 1) / n);
}
