import type { LoadCurve } from './LoadCurve.js';

/** A level shift (a sale event, a migration): adds `delta` from `atMs` on, until `untilMs` if given. */
export interface Step {
  /** Start, in simulation milliseconds. */
  readonly atMs: number;
  /** Added utilisation, as a fraction of capacity (may be negative). */
  readonly delta: number;
  /** End (exclusive), in simulation milliseconds; absent = for the rest of the run. */
  readonly untilMs?: number;
}

/** The sum of the `steps` in force at each time. */
export function stepsCurve(steps: readonly Step[]): LoadCurve {
  const list = [...steps];
  return (t) => {
    let sum = 0;
    for (const s of list) if (t >= s.atMs && (s.untilMs === undefined || t < s.untilMs)) sum += s.delta;
    return sum;
  };
}
