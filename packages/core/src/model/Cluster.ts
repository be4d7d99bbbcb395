import type { StringMap } from './labels.js';
import type { Node } from './Node.js';
import type { Pod } from './Pod.js';
import type { Taint } from './taints.js';

/** A Kubernetes minor version such as 1.28, compared numerically (1.9 < 1.28). */
export interface KubernetesVersion {
  /** Major version (1 for every Kubernetes release so far). */
  readonly major: number;
  /** Minor version (28 in 1.28); compared as a number, so 9 < 28. */
  readonly minor: number;
}

/**
 * A member cluster of the fleet as the global scheduler knows it (Karmada's `Cluster` object): name,
 * Kubernetes version, labels and taints, and, when a snapshot is known, its nodes and pods.
 */
export interface Cluster {
  /** The member's name in the fleet (Karmada `Cluster` `metadata.name`), as policies' `clusterNames` use it. */
  readonly name: string;
  /** The member's Kubernetes minor version; 1.28 and later get preoccupation. */
  readonly kubernetesVersion: KubernetesVersion;
  /** The `Cluster` object's labels, matched by a placement's `clusterAffinity.labelSelector`. */
  readonly labels: StringMap;
  /** The `Cluster` object's taints (`spec.taints`), tolerated by a placement's `clusterTolerations`. */
  readonly taints: readonly Taint[];
  /** `spec.provider`, `spec.region`, `spec.zone(s)`: matched by Karmada's `fieldSelector`. */
  readonly provider?: string;
  /** `spec.region` (e.g. `cn-hangzhou`). */
  readonly region?: string;
  /** `spec.zone` (e.g. `cn-hangzhou-h`). */
  readonly zone?: string;
  /** The member's nodes, when a snapshot is known. */
  readonly nodes: readonly Node[];
  /** Pods running (or bound) in the cluster, each with `nodeName` set. */
  readonly pods: readonly Pod[];
}
