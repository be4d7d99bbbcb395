import type { ResourceList } from '../resources/index.js';
import type { Affinity, StringMap } from './labels.js';
import type { Toleration } from './taints.js';

/** `spec.preemptionPolicy`: whether a pending pod may preempt lower-priority pods. */
export type PreemptionPolicy = 'PreemptLowerPriority' | 'Never';

/** The controller that owns a pod (`metadata.ownerReferences` with `controller: true`). */
export interface OwnerReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid?: string;
}

/**
 * A pod as the scheduler sees it: the sum of its containers' requests and limits (plus overhead) in
 * integer units, its resolved priority and its placement constraints.
 */
export interface Pod {
  readonly name: string;
  readonly namespace: string;
  readonly uid?: string;
  readonly labels: StringMap;
  readonly annotations: StringMap;
  /** Resolved `spec.priority` (from `priorityClassName`, or the global default, or 0). May be negative. */
  readonly priority: number;
  readonly priorityClassName?: string;
  readonly preemptionPolicy: PreemptionPolicy;
  /** Effective requests: `cpu` millicores, `memory` bytes, `kubernetes.io/batch-*`, extended resources. */
  readonly requests: ResourceList;
  /** Effective limits, same units; a name absent here has no limit. */
  readonly limits: ResourceList;
  readonly nodeSelector: StringMap;
  readonly affinity?: Affinity;
  readonly tolerations: readonly Toleration[];
  readonly owner?: OwnerReference;
  /** `spec.nodeName` once bound (or for a pod in a snapshot that is running). */
  readonly nodeName?: string;
  /** `spec.schedulerName`; `default-scheduler` when absent. */
  readonly schedulerName?: string;
  /** `status.startTime` in milliseconds of (simulated) time, when running. */
  readonly startTime?: number;
}
