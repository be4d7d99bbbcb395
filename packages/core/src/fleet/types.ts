import type { KubernetesVersion, NodeSelector, StringMap, Taint, Toleration } from '../model/index.js';
import type { ResourceList } from '../resources/index.js';
import type { MemberIndex } from './memberIndex.js';

/**
 * The facts about a member cluster that Karmada's `ClusterAffinity` and static weights match against
 * (`pkg/util/selector.go ClusterMatches`): name, `metadata.labels`, `spec.provider`, `spec.region`,
 * `spec.zones`.
 */
export interface MemberClusterFacts {
  /** The member's name (Karmada `Cluster` `metadata.name`). */
  readonly name: string;
  /** The Cluster object's `metadata.labels`, matched by `clusterAffinity.labelSelector`. */
  readonly labels: StringMap;
  /** `spec.provider` (e.g. `alibaba`), matched by `fieldSelector` key `provider`. */
  readonly provider?: string;
  /** `spec.region` (e.g. `cn-hangzhou`), matched by `fieldSelector` key `region`. */
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
  /** Node name, unique in its member. */
  readonly name: string;
  /** Node labels, matched by a pod's `nodeSelector` and required node affinity. */
  readonly labels: StringMap;
  /** Node taints; NoSchedule/NoExecute ones keep out pods that do not tolerate them. */
  readonly taints: readonly Taint[];
  /** `status.allocatable` in integer units, with Koordinator's `kubernetes.io/batch-*` when published. */
  readonly allocatable: ResourceList;
  /** Σ requests of the pods bound to the node (integer units), with their number under `pods`. */
  readonly requested: ResourceList;
  /** `spec.unschedulable` (cordoned): the node takes no new pods. */
  readonly unschedulable?: boolean;
}

/**
 * Karmada's `Cluster.status.resourceSummary`: Σ allocatable over all nodes, Σ requests of bound pods
 * (`allocated`) and of pods not yet bound (`allocating`), each with a `pods` count. Integer units.
 */
export interface MemberResourceSummary {
  /** Σ `status.allocatable` over all nodes. */
  readonly allocatable: ResourceList;
  /** Σ requests of pods bound to a node and not finished. */
  readonly allocated: ResourceList;
  /** Σ requests of pods not yet bound to a node. */
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
  /** The member the hold is in. */
  readonly member: string;
  /** The node of that member the hold is on. */
  readonly node: string;
  /** Held amounts in integer units; `pods` is the number of pod slots held. */
  readonly resources: ResourceList;
  /** When the fleet placed the hold (dispatch time), ms. */
  readonly createdAtMs: number;
  /** When the hold lapses unless consumed or released earlier, ms (exclusive). */
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
  /** The member's nodes as of `syncedAt`. */
  readonly nodes: readonly MemberNodeSnapshot[];
  /**
   * The same nodes' resources as columns, when the caller keeps them (see `memberIndexFromColumns`): the
   * fleet then reads free amounts from it instead of indexing `nodes`, which it still reads for names,
   * labels and taints. Absent = built from `nodes` (memoized per array). Must describe `nodes`, in order.
   */
  readonly nodeIndex?: MemberIndex;
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
  /** The member clusters (order does not matter: decisions sort by name). */
  readonly members: readonly MemberSnapshot[];
}

/**
 * Karmada's `ReplicaRequirements.nodeClaim`: the node constraints of one replica — `nodeSelector`,
 * tolerations of node taints, and the required node affinity.
 */
export interface NodeClaim {
  /** The pod's `spec.nodeSelector`: every key/value must be a node label. */
  readonly nodeSelector?: StringMap;
  /** The pod's tolerations of node taints. */
  readonly tolerations?: readonly Toleration[];
  /** The pod's `requiredDuringSchedulingIgnoredDuringExecution` node affinity. */
  readonly hardNodeAffinity?: NodeSelector;
}

/**
 * Karmada's `ReplicaRequirements`: what one replica (pod) needs — `resourceRequest` in integer units (a BE
 * pod requests `kubernetes.io/batch-cpu`/`batch-memory` instead of cpu/memory) and its node claim. One pod
 * slot is always needed in addition.
 */
export interface ReplicaRequirements {
  /** Requests of one pod in integer units (cpu millicores, memory bytes, `kubernetes.io/batch-*`, …). */
  readonly resourceRequest: ResourceList;
  /** Node constraints of one pod; absent = any schedulable, untainted node. */
  readonly nodeClaim?: NodeClaim;
  /** The pod's PriorityClass name (informational: the fleet scheduler does not preempt). */
  readonly priorityClassName?: string;
}

/**
 * One component of a multi-component workload (Karmada `spec.components[]`, v1.16+): for a SparkApplication
 * `driver` ×1 and `executor` ×N, each with its per-pod requirements.
 */
export interface FleetComponent {
  /** Component name (`driver`, `executor`), as the Fleet event prints it. */
  readonly name: string;
  /** Number of pods of this component. */
  readonly replicas: number;
  /** What each pod of the component needs. */
  readonly replicaRequirements: ReplicaRequirements;
}

/** Replicas of one component in one member (Karmada `TargetCluster.components[]`). */
export interface ComponentReplicas {
  /** Component name. */
  readonly name: string;
  /** Pods of the component in this member. */
  readonly replicas: number;
}

/**
 * One entry of a scheduling result (Karmada `ResourceBinding.spec.clusters[]`): the member and the replicas it
 * runs; a multi-component workload has `replicas` 0 and its per-component split in `components`.
 */
export interface TargetCluster {
  /** Member name. */
  readonly name: string;
  /** Replicas in this member (0 for a non-workload or a multi-component job). */
  readonly replicas: number;
  /** Per-component replicas of a multi-component job. */
  readonly components?: readonly ComponentReplicas[];
}

/** Identity of a resource template on the fleet (`apiVersion`, `kind`, namespace/name, UID, labels). */
export interface ResourceTemplate {
  /** `apiVersion`, e.g. `sparkoperator.k8s.io/v1beta2`. */
  readonly apiVersion: string;
  /** `kind`, e.g. `SparkApplication`. */
  readonly kind: string;
  /** `metadata.name`. */
  readonly name: string;
  /** Absent for a cluster-scoped resource (Namespace, PriorityClass). */
  readonly namespace?: string;
  /** `metadata.uid`; Karmada's Webster tie order depends on its FNV-1a parity. */
  readonly uid?: string;
  /** `metadata.labels`, matched by `resourceSelectors[].labelSelector`. */
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
  | {
      /** A non-workload template. */
      readonly shape: 'object';
      /** Its identity. */
      readonly template: ResourceTemplate;
    }
  | {
      /** A replicated workload. */
      readonly shape: 'workload';
      /** Its identity (the UID orders Webster ties). */
      readonly template: ResourceTemplate;
      /** `spec.replicas`: a non-negative integer. */
      readonly replicas: number;
      /** Per-pod requirements; absent = capacity is not estimated. */
      readonly replicaRequirements?: ReplicaRequirements;
    }
  | {
      /** A multi-component job. */
      readonly shape: 'multiComponent';
      /** Its identity. */
      readonly template: ResourceTemplate;
      /** Its components in placement order (driver first). */
      readonly components: readonly FleetComponent[];
    };

/** A problem in the user's input found while scheduling (not a crash): e.g. a policy naming an unknown member. */
export interface FleetIssue {
  /** What kind of problem: a cluster name that is not a member, or an invalid replica count. */
  readonly code: 'UnknownCluster' | 'InvalidReplicas';
  /** One line naming the policy, the field path and the value. */
  readonly message: string;
  /** Field path inside the policy, e.g. `spec.placement.clusterAffinity.clusterNames[1]`. */
  readonly path?: string;
}

/** `replicas` pods of one component placed on one node of a member (the node-level fit result). */
export interface NodePlacement {
  /** Node name. */
  readonly node: string;
  /** Component name. */
  readonly component: string;
  /** Pods of the component on that node. */
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
