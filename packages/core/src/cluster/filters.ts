import type { Node, NodeSelectorTerm, Pod, Toleration } from '../model/index.js';
import { matchesNodeSelector, matchesNodeSelectorMap, toleratesTaint } from '../model/index.js';

// Filter predicates of kube-scheduler's default profile that do not depend on what is already on the
// node, in the framework's order: NodeUnschedulable, TaintToleration, NodeAffinity. (NodeResourcesFit,
// the only one that depends on bound pods, is evaluated on the columns by the scheduling code.)

/** Taint key kube-scheduler checks on cordoned nodes (`node.kubernetes.io/unschedulable`). */
export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';

/**
 * NodeUnschedulable (plugins/nodeunschedulable/node_unschedulable.go): a cordoned node still admits a pod
 * that tolerates the taint `node.kubernetes.io/unschedulable:NoSchedule`.
 */
export function toleratesUnschedulable(tolerations: readonly Toleration[]): boolean {
  const taint = { key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule' as const };
  return tolerations.some((t) => toleratesTaint(t, taint));
}

/** Whether a pod's node affinity uses `matchFields` anywhere (then results depend on the node name). */
export function usesMatchFields(pod: Pod): boolean {
  const na = pod.affinity?.nodeAffinity;
  if (na === undefined) return false;
  const has = (t: NodeSelectorTerm): boolean => (t.matchFields?.length ?? 0) > 0;
  return (
    (na.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms.some(has) ?? false) ||
    (na.preferredDuringSchedulingIgnoredDuringExecution?.some((p) => has(p.preference)) ?? false)
  );
}

/**
 * NodeAffinity filter (plugins/nodeaffinity/node_affinity.go): every `nodeSelector` entry equals the
 * node's label, and the node matches `requiredDuringSchedulingIgnoredDuringExecution` (terms ORed).
 */
export function matchesPodNodeAffinity(pod: Pod, node: Node): boolean {
  if (!matchesNodeSelectorMap(pod.nodeSelector, node.labels)) return false;
  const required = pod.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return required === undefined || matchesNodeSelector(required, node.name, node.labels);
}
