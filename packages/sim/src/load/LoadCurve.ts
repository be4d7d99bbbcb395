/**
 * Online (LS) utilisation as a pure function of simulated time: `curve(timeMs)` is the fraction of a
 * node's capacity in use at `timeMs` (milliseconds since the start of the simulation). Curves hold no
 * state, so any time can be evaluated in any order and the same inputs always give the same value.
 */
export type LoadCurve = (timeMs: number) => number;

/** One hour, in milliseconds. */
export const HOUR_MS = 3_600_000;
/** One day, in milliseconds. */
export const DAY_MS = 86_400_000;
/** One week, in milliseconds. */
export const WEEK_MS = 7 * DAY_MS;

/** A curve that is `value` at every time. */
export function constantCurve(value: number): LoadCurve {
  return () => value;
}
