import type { ResourceList } from '../resources/index.js';
import type { Affinity, StringMap } from './labels.js';
import type { Toleration } from './taints.js';

/** `spec.preemptionPolicy`: whether a pending pod may preempt lower-priority pods. */
export type PreemptionPolicy = 'PreemptLowerPriority' | 'Never';

/** The controller that owns a pod (`metadata.ownerReferences` with `controller: true`). */
export interface OwnerReference {
  /** The owner's API group/version, e.g. `sparkoperator.k8s.io/v1beta2`. */
  readonly apiVersion: string;
  /** The owner's kind, e.g. `SparkApplication`. */
  readonly kind: string;
  /** The owner's `metadata.name`. */
  readonly name: string;
  /** The owner's `metadata.uid`, when known. */
  readonly uid?: string;
}

/**
 * A pod as the scheduler sees it: the sum of its containers' requests and limits (plus overhead) in
 * integer units, its resolved priority and its placement constraints.
 */
export interface Pod {
  /** `metadata.name`, unique in its namespace. */
  readonly name: string;
  /** `metadata.namespace`. */
  readonly namespace: string;
  /** `metadata.uid`, when known. */
  readonly uid?: string;
  /** `metadata.labels`. */
  readonly labels: StringMap;
  /** `metadata.annotations` (Koordinator and the Spark operator read some). */
  readonly annotations: StringMap;
  /** Resolved `spec.priority` (from `priorityClassName`, or the global default, or 0). May be negative. */
  readonly priority: number;
  /** `spec.priorityClassName`, when set. */
  readonly priorityClassName?: string;
  /** Resolved `spec.preemptionPolicy`; `Never` pods wait instead of preempting. */
  readonly preemptionPolicy: PreemptionPolicy;
  /** Effective requests: `cpu` millicores, `memory` bytes, `kubernetes.io/batch-*`, extended resources. */
  readonly requests: ResourceList;
  /** Effective limits, same units; a name absent here has no limit. */
  readonly limits: ResourceList;
  /** `spec.nodeSelector`: labels a node must carry (empty when unset). */
  readonly nodeSelector: StringMap;
  /** `spec.affinity` (node affinity only). */
  readonly affinity?: Affinity;
  /** `spec.tolerations`. */
  readonly tolerations: readonly Toleration[];
  /** The controlling owner (e.g. the SparkApplication of a driver), when known. */
  readonly owner?: OwnerReference;
  /** `spec.nodeName` once bound (or for a pod in a snapshot that is running). */
  readonly nodeName?: string;
  /** `spec.schedulerName`; `default-scheduler` when absent. */
  readonly schedulerName?: string;
  /** `status.startTime` in milliseconds of (simulated) time, when running. */
  readonly startTime?: number;
}
