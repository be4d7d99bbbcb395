import type { KubernetesVersion, NodeSelector, StringMap, Taint, Toleration } from '../model/index.js';
import type { ResourceList } from '../resources/index.js';

/**
 * The facts about a member cluster that Karmada's `ClusterAffinity` and static weights match against
 * (`pkg/util/selector.go ClusterMatches`): name, `metadata.labels`, `spec.provider`, `spec.region`,
 * `spec.zones`.
 */
export interface MemberClusterFacts {
  readonly name: string;
  readonly labels: StringMap;
  readonly provider?: string;
  readonly region?: string;
  /** `spec.zones` (Karmada ≥ 1.7); the deprecated single `spec.zone` is written as a one-element list. */
  readonly zones?: readonly string[];
}

/**
 * One node of a member cluster as the fleet last saw it: `status.allocatable` and the sum of the requests
 * of the pods bound to it, both in integer units (cpu millicores, memory bytes, `kubernetes.io/batch-cpu`
 * millicores, `kubernetes.io/batch-memory` bytes, extended resources as counts). `requested.pods` is the
 * number of pods on the node; an `allocatable` without `pods` means no pod-count limit.
 */
export interface MemberNodeSnapshot {
  readonly name: string;
  readonly labels: StringMap;
  readonly taints: readonly Taint[];
  readonly allocatable: ResourceList;
  readonly requested: ResourceList;
  /** `spec.unschedulable` (cordoned): the node takes no new pods. */
  readonly unschedulable?: boolean;
}

/**
 * Karmada's `Cluster.status.resourceSummary`: Σ allocatable over all nodes, Σ requests of bound pods
 * (`allocated`) and of pods not yet bound (`allocating`), each with a `pods` count. Integer units.
 */
export interface MemberResourceSummary {
  readonly allocatable: ResourceList;
  readonly allocated: ResourceList;
  readonly allocating: ResourceList;
}

/**
 * A resource hold the fleet placed on one node of a member at dispatch (ACK One "resource preoccupation"):
 * the application's pods' requests (with a `pods` count) held for its owner until `expiresAtMs`; other
 * decisions see it as used, the owner's own pods consume it. Times in ms of (simulated) time.
 */
export interface FleetReservation {
  /** {@link fleetResourceKey} of the application that owns the hold. */
  readonly owner: string;
  readonly member: string;
  readonly node: string;
  /** Held amounts in integer units; `pods` is the number of pod slots held. */
  readonly resources: ResourceList;
  readonly createdAtMs: number;
  readonly expiresAtMs: number;
}

/**
 * A member cluster as the fleet (Karmada / ACK One Fleet control plane) knows it **as of its last sync**
 * (`syncedAt`, ms), not live: identity, version, labels, taints, topology, per-node allocatable/requested,
 * pending requests, and the fleet's own reservations held in it.
 */
export interface MemberSnapshot extends MemberClusterFacts {
  /** `status.kubernetesVersion`; preoccupation needs ≥ 1.28 by default. */
  readonly kubernetesVersion: KubernetesVersion;
  /** `spec.taints` of the Cluster object (e.g. `cluster.karmada.io/not-ready:NoSchedule`). */
  readonly taints: readonly Taint[];
  readonly nodes: readonly MemberNodeSnapshot[];
  /**
   * Σ requests of the member's pending (unbound) pods with a `pods` count: Karmada's `allocating`. Absent =
   * none. Only the general (summary) estimate sees it; pending pods have no node.
   */
  readonly allocating?: ResourceList;
  /**
   * A precomputed `resourceSummary` (as the cluster status controller publishes it). When absent the fleet
   * derives it from `nodes` and `allocating`.
   */
  readonly resourceSummary?: MemberResourceSummary;
  /** When the fleet last synced this member's state, in ms of (simulated) time. */
  readonly syncedAt: number;
  /** Reservations the fleet holds in this member (see {@link FleetReservation}). */
  readonly reservations: readonly FleetReservation[];
  /**
   * `status.apiEnablements` as `apiVersion/Kind` strings (`sparkoperator.k8s.io/v1beta2/SparkApplication`):
   * Karmada's APIEnablement filter drops a member that does not serve the resource. Absent = serves all.
   */
  readonly apiEnablements?: readonly string[];
}

/** The whole fleet as the global scheduler sees it: its member clusters. */
export interface FleetSnapshot {
  readonly members: readonly MemberSnapshot[];
}

/**
 * Karmada's `ReplicaRequirements.nodeClaim`: the node constraints of one replica — `nodeSelector`,
 * tolerations of node taints, and the required node affinity.
 */
export interface NodeClaim {
  readonly nodeSelector?: StringMap;
  readonly tolerations?: readonly Toleration[];
  readonly hardNodeAffinity?: NodeSelector;
}

/**
 * Karmada's `ReplicaRequirements`: what one replica (pod) needs — `resourceRequest` in integer units (a BE
 * pod requests `kubernetes.io/batch-cpu`/`batch-memory` instead of cpu/memory) and its node claim. One pod
 * slot is always needed in addition.
 */
export interface ReplicaRequirements {
  readonly resourceRequest: ResourceList;
  readonly nodeClaim?: NodeClaim;
  readonly priorityClassName?: string;
}

/**
 * One component of a multi-component workload (Karmada `spec.components[]`, v1.16+): for a SparkApplication
 * `driver` ×1 and `executor` ×N, each with its per-pod requirements.
 */
export interface FleetComponent {
  readonly name: string;
  readonly replicas: number;
  readonly replicaRequirements: ReplicaRequirements;
}

/** Replicas of one component in one member (Karmada `TargetCluster.components[]`). */
export interface ComponentReplicas {
  readonly name: string;
  readonly replicas: number;
}

/**
 * One entry of a scheduling result (Karmada `ResourceBinding.spec.clusters[]`): the member and the replicas it
 * runs; a multi-component workload has `replicas` 0 and its per-component split in `components`.
 */
export interface TargetCluster {
  readonly name: string;
  readonly replicas: number;
  readonly components?: readonly ComponentReplicas[];
}

/** Identity of a resource template on the fleet (`apiVersion`, `kind`, namespace/name, UID, labels). */
export interface ResourceTemplate {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** Absent for a cluster-scoped resource (Namespace, PriorityClass). */
  readonly namespace?: string;
  /** `metadata.uid`; Karmada's Webster tie order depends on its FNV-1a parity. */
  readonly uid?: string;
  readonly labels: StringMap;
}

/**
 * What the global scheduler places:
 * - `object`: a non-workload template (Namespace, PriorityClass, ConfigMap): propagated whole to every
 *   selected member, no capacity check;
 * - `workload`: `replicas` identical pods (a Deployment-like template) divided by `divideReplicas`;
 * - `multiComponent`: a job of several pod shapes (a SparkApplication: driver + executors) placed whole in
 *   one member (Gang or Karmada's multi-component scheduling).
 */
export type FleetResource =
  | { readonly shape: 'object'; readonly template: ResourceTemplate }
  | {
      readonly shape: 'workload';
      readonly template: ResourceTemplate;
      readonly replicas: number;
      readonly replicaRequirements?: ReplicaRequirements;
    }
  | {
      readonly shape: 'multiComponent';
      readonly template: ResourceTemplate;
      readonly components: readonly FleetComponent[];
    };

/** A problem in the user's input found while scheduling (not a crash): e.g. a policy naming an unknown member. */
export interface FleetIssue {
  readonly code: 'UnknownCluster' | 'UnsupportedSpreadConstraint' | 'InvalidReplicas';
  /** One line naming the policy, the field path and the value. */
  readonly message: string;
  /** Field path inside the policy, e.g. `spec.placement.clusterAffinity.clusterNames[1]`. */
  readonly path?: string;
}

/** `replicas` pods of one component placed on one node of a member (the node-level fit result). */
export interface NodePlacement {
  readonly node: string;
  readonly component: string;
  readonly replicas: number;
}

/**
 * Key of a resource template for reservations and dispatch records: `Kind/namespace/name`
 * (`Kind/name` when cluster-scoped).
 */
export function fleetResourceKey(template: ResourceTemplate): string {
  return template.namespace === undefined || template.namespace === ''
    ? `${template.kind}/${template.name}`
    : `${template.kind}/${template.namespace}/${template.name}`;
}
