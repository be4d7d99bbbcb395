import type { Pod } from '../model/index.js';
import { toleratesUnschedulable } from './filters.js';
import type { AffinityResult, Internals, TolerationResult } from './internals.js';
import type { PodShape } from './requests.js';
import { podShape } from './requests.js';
import { affinityResult, tolerationResult } from './staticFilters.js';

/** Everything the per-node loop needs about one pod (internal). */
export interface PodContext {
  readonly pod: Pod;
  readonly shape: PodShape;
  readonly tolerations: TolerationResult;
  readonly affinity: AffinityResult;
  /** Whether cordoned nodes must be skipped. */
  readonly skipCordoned: boolean;
  /** Whether the pod tolerates cordoned nodes (NodeUnschedulable). */
  readonly toleratesCordon: boolean;
}

/** Precomputes a pod's context against a view's node classes. */
export function podContext(internals: Internals, pod: Pod): PodContext {
  const toleratesCordon = toleratesUnschedulable(pod.tolerations);
  return {
    pod,
    shape: podShape(pod),
    tolerations: tolerationResult(internals, pod),
    affinity: affinityResult(internals, pod),
    skipCordoned: internals.memo.cordoned > 0 && !toleratesCordon,
    toleratesCordon,
  };
}
