/**
 * Arrivals at fixed times (integer simulation ms), sorted.
 *
 * @throws RangeError when a time is not a non-negative safe integer.
 */
export function fixedArrivals(timesMs: readonly number[]): number[] {
  for (const t of timesMs) {
    if (!Number.isSafeInteger(t) || t < 0) throw new RangeError(`fixedArrivals: ${t} is not a time in ms ≥ 0`);
  }
  return [...timesMs].sort((a, b) => a - b);
}
