import type { RandomSource } from './RandomSource.js';

/**
 * A sampler over a discrete empirical distribution: `values[i]` is drawn with probability
 * `weights[i] / Σ weights` (all equal when `weights` is omitted, i.e. resampling observations from a
 * trace). The cumulative table is built once; each draw takes one number from `source` and a binary
 * search. A zero weight is never drawn.
 *
 * @throws RangeError when `values` is empty, or `weights` has another length, a negative or non-finite
 * entry, or sums to zero.
 */
export function empiricalSampler<T>(values: readonly T[], weights?: readonly number[]): (source: RandomSource) => T {
  const n = values.length;
  if (n === 0) throw new RangeError('empiricalSampler: no values to draw from');
  if (weights !== undefined && weights.length !== n) {
    throw new RangeError(`empiricalSampler: ${weights.length} weights for ${n} values`);
  }
  const cumulative = new Float64Array(n);
  let total = 0;
  let lastPositive = -1;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : weights[i]!;
    if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(`empiricalSampler: weight ${i} is ${w}`);
    if (w > 0) lastPositive = i;
    total += w;
    cumulative[i] = total;
  }
  if (!(total > 0 && Number.isFinite(total))) {
    throw new RangeError(`empiricalSampler: weights sum to ${total}, not a finite positive number`);
  }
  const own = values.slice();
  return (source) => {
    const target = source() * total;
    // First index whose cumulative weight exceeds the target: zero-weight entries never qualify.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    // Float rounding can put the target at the very top; fall back to the last drawable value.
    return own[lo < n ? lo : lastPositive]!;
  };
}
