import type { Pod } from '../model/index.js';

/** A pod's start time for ordering: `startTime`, or +∞ ("now", newest) when it has none. */
export function startTimeOrNow(pod: Pod): number {
  return pod.startTime ?? Number.POSITIVE_INFINITY;
}

/**
 * kube-scheduler's `MoreImportantPod` (pkg/scheduler/util/utils.go) as a sort comparator: higher priority
 * first, then earlier `startTime` first (a pod without one counts as just started). Stable sorts keep
 * the given order among equals.
 */
export function compareImportance(a: Pod, b: Pod): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const sa = a.startTime ?? Number.POSITIVE_INFINITY;
  const sb = b.startTime ?? Number.POSITIVE_INFINITY;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
