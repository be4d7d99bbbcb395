import type { Taint } from '../model/index.js';

// Failure reasons worded as kube-scheduler words them, so a simulated FailedScheduling event reads like
// a real one. Sources: NodeUnschedulable (node_unschedulable.go), TaintToleration (taint_toleration.go),
// NodeAffinity (node_affinity.go), NodeResourcesFit (noderesources/fit.go), DefaultPreemption and
// preemption.go, and FitError.Error in pkg/scheduler/framework/types.go.

/** NodeUnschedulable: the node is cordoned (`spec.unschedulable`) and the pod does not tolerate it. */
export const REASON_NODE_UNSCHEDULABLE = 'node(s) were unschedulable';
/** NodeAffinity: `nodeSelector` or required node affinity does not match the node. */
export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
/** NodeResourcesFit: the node already holds `allocatable.pods` pods. */
export const REASON_TOO_MANY_PODS = 'Too many pods';
/** Preemption: the node failed for a reason evicting pods cannot fix (taint, selector, cordon, size). */
export const REASON_PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
/** Preemption: the node holds no pod of strictly lower priority than the preemptor. */
export const REASON_NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod';
/** Koordinator job-level preemption: the node holds no pod of lower priority than the gang's trigger pod. */
export const REASON_NO_POTENTIAL_VICTIMS = 'no potential victims';
/** Preemption refused because the preemptor has `preemptionPolicy: Never`. */
export const MESSAGE_PREEMPTION_POLICY_NEVER = 'not eligible due to preemptionPolicy=Never.';
/** The message when the cluster has no node at all (`ErrNoNodesAvailable`). */
export const MESSAGE_NO_NODES = 'no nodes available to schedule pods';

/** TaintToleration's reason naming the first untolerated `NoSchedule`/`NoExecute` taint: `{key: value}`. */
export function untoleratedTaintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

/** NodeResourcesFit's reason for a resource the node lacks, e.g. `Insufficient cpu`. */
export function insufficientReason(resource: string): string {
  return `Insufficient ${resource}`;
}

/** How many nodes failed with one reason. */
export interface ReasonCount {
  /** The reason, e.g. `Insufficient cpu`. */
  readonly reason: string;
  /** Number of nodes reporting it (a node may report several resource reasons). */
  readonly count: number;
}

/** Reason counts and the `0/N nodes are available: …` line they make. */
export interface ReasonSummary {
  /** Counts in message order: the strings `"<count> <reason>"` sorted as kube-scheduler sorts them. */
  readonly reasons: readonly ReasonCount[];
  /** e.g. `0/5000 nodes are available: 2 node(s) had untolerated taint {gpu: }, 3 Insufficient cpu.` */
  readonly message: string;
}

/**
 * Formats reason counts like kube-scheduler's `FitError`: `"0/<total> nodes are available: "` followed by
 * the `"<count> <reason>"` strings sorted as strings and joined by `", "`, then a period.
 */
export function summarizeReasons(totalNodes: number, counts: ReadonlyMap<string, number>): ReasonSummary {
  if (totalNodes === 0) return { reasons: [], message: MESSAGE_NO_NODES };
  const entries = [...counts].map(([reason, count]) => ({ reason, count, text: `${count} ${reason}` }));
  entries.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const body = entries.map((e) => e.text).join(', ');
  return {
    reasons: entries.map(({ reason, count }) => ({ reason, count })),
    message: body === '' ? `0/${totalNodes} nodes are available.` : `0/${totalNodes} nodes are available: ${body}.`,
  };
}

/** Appends a preemption outcome to a filter message, as kube-scheduler's FailedScheduling event does. */
export function withPreemptionMessage(filterMessage: string, preemptionMessage: string | undefined): string {
  return preemptionMessage === undefined ? filterMessage : `${filterMessage} preemption: ${preemptionMessage}`;
}
