import type { Taint, Toleration } from '../../model/index.js';
import { toleratesTaint } from '../../model/index.js';

/**
 * TaintToleration raw score (plugins/tainttoleration/taint_toleration.go): how many of the node's
 * `PreferNoSchedule` taints none of the pod's tolerations (those with effect `PreferNoSchedule` or empty)
 * tolerates. Normalised in reverse (fewest intolerable taints → 100), then weighted (default weight 3).
 */
export function intolerablePreferNoScheduleCount(taints: readonly Taint[], tolerations: readonly Toleration[]): number {
  let count = 0;
  for (const taint of taints) {
    if (taint.effect !== 'PreferNoSchedule') continue;
    const tolerated = tolerations.some(
      (t) => (t.effect === undefined || t.effect === 'PreferNoSchedule') && toleratesTaint(t, taint),
    );
    if (!tolerated) count++;
  }
  return count;
}
