import type { Pod } from '../model/index.js';
import type { ClusterView } from './ClusterView.js';
import type { ClusterDecision, GangDecision, PodDecision } from './decision.js';
import { scheduleGangFast } from './gang.js';
import { internalsOf } from './internals.js';
import type { ClusterSchedulingOptions } from './options.js';
import { resolveOptions } from './options.js';
import type { Gang } from './PodGroup.js';
import { isGang } from './PodGroup.js';
import { schedulePodFast } from './schedulePod.js';

/**
 * One member cluster's scheduling decision for a pending pod or a gang, as kube-scheduler (filter, score,
 * DefaultPreemption) and Koordinator's Coscheduling would make it. Pure: it reads `view` (from
 * {@link createClusterSnapshot} or {@link MutableClusterState.view}) and returns a decision; apply it with
 * {@link MutableClusterState.apply} or by hand.
 *
 * A pod gets `bind` (best-scoring feasible node), `preempt` (nominated node and the minimal victims of
 * strictly lower priority) or `unschedulable` (reasons like `0/5000 nodes are available: 3 Insufficient
 * cpu, …`). A gang gets `bind` with a binding for every member placed (at least `minMember`), `preempt`
 * with victims for all pending members at once, or `unschedulable` naming the member that failed.
 *
 * Deterministic: ties go to the first node in evaluation order unless `options.random` is given.
 *
 * @example
 * ```ts
 * const snapshot = createClusterSnapshot({ nodes, pods });
 * const decision = scheduleInCluster(snapshot, pod);
 * if (decision.kind === 'bind') console.log(decision.nodeName, decision.score);
 * ```
 */
export function scheduleInCluster(view: ClusterView, pod: Pod, options?: ClusterSchedulingOptions): PodDecision;
export function scheduleInCluster(view: ClusterView, gang: Gang, options?: ClusterSchedulingOptions): GangDecision;
export function scheduleInCluster(
  view: ClusterView,
  target: Pod | Gang,
  options?: ClusterSchedulingOptions,
): ClusterDecision;
export function scheduleInCluster(
  view: ClusterView,
  target: Pod | Gang,
  options?: ClusterSchedulingOptions,
): ClusterDecision {
  const internals = internalsOf(view);
  const opts = resolveOptions(options);
  return isGang(target) ? scheduleGangFast(internals, target, opts) : schedulePodFast(view, internals, target, opts);
}
