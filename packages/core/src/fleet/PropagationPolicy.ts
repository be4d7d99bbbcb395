import type { LabelSelector, StringMap, Toleration } from '../model/index.js';

/**
 * The API groups a propagation policy may come from: ACK One Fleet's and upstream Karmada's. Both carry
 * the same spec; ACK adds `customSchedulingType` and a few other extensions.
 */
export type PolicyApiVersion = 'policy.one.alibabacloud.com/v1alpha1' | 'policy.karmada.io/v1alpha1';

/** One `spec.resourceSelectors[]` entry: which resource templates a policy claims. */
export interface ResourceSelector {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly labelSelector?: LabelSelector;
}

/** A `fieldSelector.matchExpressions[]` entry: keys `provider`, `region`, `zone`; operators `In`/`NotIn`. */
export interface FieldSelectorRequirement {
  readonly key: 'provider' | 'region' | 'zone';
  readonly operator: 'In' | 'NotIn';
  readonly values: readonly string[];
}

/** `placement.clusterAffinity`: all given parts are ANDed; an empty affinity matches every member. */
export interface ClusterAffinity {
  readonly labelSelector?: LabelSelector;
  readonly fieldSelector?: { readonly matchExpressions: readonly FieldSelectorRequirement[] };
  readonly clusterNames?: readonly string[];
  readonly exclude?: readonly string[];
}

/** One ordered `placement.clusterAffinities[]` group; later groups are tried only if earlier ones fail. */
export interface ClusterAffinityTerm extends ClusterAffinity {
  readonly affinityName: string;
}

/** `placement.spreadConstraints[]`. */
export interface SpreadConstraint {
  readonly spreadByField?: 'cluster' | 'region' | 'zone' | 'provider';
  readonly spreadByLabel?: string;
  readonly maxGroups?: number;
  readonly minGroups?: number;
}

/** A `staticWeightList[]` entry: members matching `targetCluster` get `weight` (≥ 1). */
export interface StaticClusterWeight {
  readonly targetCluster: ClusterAffinity;
  readonly weight: number;
}

/** `replicaScheduling.weightPreference`. A set `dynamicWeight` overrides the static list. */
export interface WeightPreference {
  readonly staticWeightList?: readonly StaticClusterWeight[];
  readonly dynamicWeight?: 'AvailableReplicas';
}

/** `placement.replicaScheduling` with Karmada's field names (plus ACK's `customSchedulingType`). */
export interface ReplicaSchedulingStrategy {
  /** `Duplicated`: every selected member gets all replicas. `Divided`: replicas are split. */
  readonly replicaSchedulingType: 'Duplicated' | 'Divided';
  /** With `Divided`: `Weighted` (the default) or `Aggregated` (as few members as possible). */
  readonly replicaDivisionPreference?: 'Aggregated' | 'Weighted';
  readonly weightPreference?: WeightPreference;
  /** ACK One Fleet extension: `Gang` places a whole multi-component job (driver + executors) in one member. */
  readonly customSchedulingType?: 'Gang';
}

/** `spec.placement`. */
export interface Placement {
  readonly clusterAffinity?: ClusterAffinity;
  readonly clusterAffinities?: readonly ClusterAffinityTerm[];
  readonly clusterTolerations?: readonly Toleration[];
  readonly spreadConstraints?: readonly SpreadConstraint[];
  /** Absent = Duplicated, as Karmada's `Placement.ReplicaSchedulingType()` decides. */
  readonly replicaScheduling?: ReplicaSchedulingStrategy;
}

/**
 * A PropagationPolicy (namespaced: claims resources of its own namespace) or ClusterPropagationPolicy
 * (cluster-scoped), in Karmada's or ACK One Fleet's API group.
 */
export interface PropagationPolicy {
  readonly apiVersion: PolicyApiVersion;
  readonly kind: 'PropagationPolicy' | 'ClusterPropagationPolicy';
  readonly name: string;
  /** Set for a PropagationPolicy, absent for a ClusterPropagationPolicy. */
  readonly namespace?: string;
  readonly labels: StringMap;
  readonly resourceSelectors: readonly ResourceSelector[];
  readonly placement: Placement;
  /** `spec.priority` (default 0): the higher wins when several policies match. */
  readonly priority: number;
  readonly preemption: 'Always' | 'Never';
  readonly propagateDeps: boolean;
  readonly preserveResourcesOnDeletion: boolean;
  readonly schedulerName: string;
}
