import type { LabelSelector, Pod } from '../model/index.js';
import { matchesLabelSelector } from '../model/index.js';

/**
 * A `policy/v1 PodDisruptionBudget` as preemption reads it: which pods it protects and how many of them
 * may be disrupted now. Either give `status.disruptionsAllowed` directly or let it be derived from
 * `minAvailable` / `maxUnavailable` and the pods of the cluster (see {@link disruptionsAllowed}).
 */
export interface PodDisruptionBudget {
  /** `metadata.name`. */
  readonly name: string;
  /** `metadata.namespace`; the budget only covers pods of this namespace. */
  readonly namespace: string;
  /**
   * `spec.selector`. Absent or empty selects no pod: kube-scheduler's preemption skips such budgets
   * (`filterPodsWithPDBViolation` in `pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go`).
   */
  readonly selector?: LabelSelector;
  /** `spec.minAvailable`: a pod count, or a whole percentage such as `"50%"` (rounded up). */
  readonly minAvailable?: number | string;
  /** `spec.maxUnavailable`: a pod count, or a whole percentage such as `"25%"` (rounded up). */
  readonly maxUnavailable?: number | string;
  /** `status.disruptionsAllowed`: how many selected pods may be evicted now; derived when absent. */
  readonly disruptionsAllowed?: number;
  /** `status.disruptedPods`: names of pods already being disrupted; preempting them costs the budget nothing. */
  readonly disruptedPods?: readonly string[];
}

function selectorIsEmpty(selector: LabelSelector | undefined): boolean {
  if (selector === undefined) return true;
  const labels = selector.matchLabels === undefined ? 0 : Object.keys(selector.matchLabels).length;
  return labels === 0 && (selector.matchExpressions?.length ?? 0) === 0;
}

/**
 * Whether a budget covers a pod, as kube-scheduler's preemption decides it: same namespace, the pod has
 * labels, and the budget's non-empty selector matches them.
 */
export function pdbSelectsPod(pdb: PodDisruptionBudget, pod: Pod): boolean {
  if (pdb.namespace !== pod.namespace) return false;
  if (Object.keys(pod.labels).length === 0) return false;
  if (selectorIsEmpty(pdb.selector)) return false;
  return matchesLabelSelector(pdb.selector!, pod.labels);
}

const PERCENT = /^(\d+)%$/;

/** An IntOrString budget value scaled against `expected` pods, percentages rounded up (as the disruption controller does). */
function scaled(value: number | string, expected: number, field: string, pdb: PodDisruptionBudget): number {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`PodDisruptionBudget ${pdb.namespace}/${pdb.name}: ${field} must be a non-negative integer`);
    }
    return value;
  }
  const m = PERCENT.exec(value);
  if (m === null) {
    throw new RangeError(
      `PodDisruptionBudget ${pdb.namespace}/${pdb.name}: ${field} "${value}" is not a count or "N%"`,
    );
  }
  return Math.ceil((Number(m[1]) * expected) / 100);
}

/**
 * `status.disruptionsAllowed` of a budget: the given value when set, otherwise derived as the disruption
 * controller would with every selected pod counted as healthy and expected — `healthy − desiredHealthy`,
 * floored at 0, where `desiredHealthy` is `minAvailable`, or `expected − maxUnavailable` (floored at 0),
 * or `expected` when neither is set (Gleaner's conservative assumption: no disruption allowed).
 */
export function disruptionsAllowed(pdb: PodDisruptionBudget, pods: Iterable<Pod>): number {
  if (pdb.disruptionsAllowed !== undefined) return pdb.disruptionsAllowed;
  let expected = 0;
  for (const pod of pods) if (pdbSelectsPod(pdb, pod)) expected++;
  let desired = expected;
  if (pdb.minAvailable !== undefined) desired = scaled(pdb.minAvailable, expected, 'minAvailable', pdb);
  else if (pdb.maxUnavailable !== undefined) {
    desired = Math.max(0, expected - scaled(pdb.maxUnavailable, expected, 'maxUnavailable', pdb));
  }
  return Math.max(0, expected - desired);
}
