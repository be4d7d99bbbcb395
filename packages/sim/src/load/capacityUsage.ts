import type { LoadCurve } from './LoadCurve.js';

/**
 * Integer usage of a resource at `timeMs`: the curve's fraction clamped to [0, 1] times `capacity`
 * (millicores or bytes), truncated toward zero as Koordinator truncates percentages.
 */
export function usageAt(curve: LoadCurve, timeMs: number, capacity: number): number {
  const f = curve(timeMs);
  const clamped = f > 0 ? Math.min(f, 1) : 0; // NaN → 0
  return Math.floor(clamped * capacity);
}

/** A function of time giving the integer usage (millicores or bytes) of a node of `capacity`; see {@link usageAt}. */
export function capacityUsageCurve(curve: LoadCurve, capacity: number): (timeMs: number) => number {
  return (t) => usageAt(curve, t, capacity);
}
