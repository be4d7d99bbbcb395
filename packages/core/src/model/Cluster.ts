import type { StringMap } from './labels.js';
import type { Node } from './Node.js';
import type { Pod } from './Pod.js';
import type { Taint } from './taints.js';

/** A Kubernetes minor version such as 1.28, compared numerically (1.9 < 1.28). */
export interface KubernetesVersion {
  readonly major: number;
  readonly minor: number;
}

/**
 * A member cluster of the fleet as the global scheduler knows it (Karmada's `Cluster` object): name,
 * Kubernetes version, labels and taints, and, when a snapshot is known, its nodes and pods.
 */
export interface Cluster {
  readonly name: string;
  readonly kubernetesVersion: KubernetesVersion;
  readonly labels: StringMap;
  readonly taints: readonly Taint[];
  /** `spec.provider`, `spec.region`, `spec.zone(s)`: matched by Karmada's `fieldSelector`. */
  readonly provider?: string;
  readonly region?: string;
  readonly zone?: string;
  readonly nodes: readonly Node[];
  /** Pods running (or bound) in the cluster, each with `nodeName` set. */
  readonly pods: readonly Pod[];
}
