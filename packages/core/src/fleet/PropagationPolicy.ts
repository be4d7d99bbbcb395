import type { LabelSelector, StringMap, Toleration } from '../model/index.js';

/**
 * The API groups a propagation policy may come from: ACK One Fleet's and upstream Karmada's. Both carry
 * the same spec; ACK adds `customSchedulingType` and a few other extensions.
 */
export type PolicyApiVersion = 'policy.one.alibabacloud.com/v1alpha1' | 'policy.karmada.io/v1alpha1';

/** One `spec.resourceSelectors[]` entry: which resource templates a policy claims. */
export interface ResourceSelector {
  /** API group/version of the claimed objects, e.g. `sparkoperator.k8s.io/v1beta2`. */
  readonly apiVersion: string;
  /** Kind of the claimed objects, e.g. `SparkApplication`. */
  readonly kind: string;
  /** Namespace of the claimed objects; a PropagationPolicy's own namespace when it gives none. */
  readonly namespace?: string;
  /** Name of the one claimed object; absent = every object of the kind. */
  readonly name?: string;
  /** Labels the claimed objects must carry (ignored when `name` is set). */
  readonly labelSelector?: LabelSelector;
}

/** A `fieldSelector.matchExpressions[]` entry: keys `provider`, `region`, `zone`; operators `In`/`NotIn`. */
export interface FieldSelectorRequirement {
  /** The member cluster field compared: `spec.provider`, `spec.region` or `spec.zones`. */
  readonly key: 'provider' | 'region' | 'zone';
  /** `In` or `NotIn`. */
  readonly operator: 'In' | 'NotIn';
  /** The values compared against. */
  readonly values: readonly string[];
}

/** `placement.clusterAffinity`: all given parts are ANDed; an empty affinity matches every member. */
export interface ClusterAffinity {
  /** Labels a member cluster must carry. */
  readonly labelSelector?: LabelSelector;
  /** Provider/region/zone conditions on the member cluster. */
  readonly fieldSelector?: {
    /** Requirements on `provider`, `region`, `zone`; all must hold. */
    readonly matchExpressions: readonly FieldSelectorRequirement[];
  };
  /** Member clusters named explicitly; absent or empty = any. */
  readonly clusterNames?: readonly string[];
  /** Member clusters never selected, whatever else matches. */
  readonly exclude?: readonly string[];
}

/** One ordered `placement.clusterAffinities[]` group; later groups are tried only if earlier ones fail. */
export interface ClusterAffinityTerm extends ClusterAffinity {
  /** The group's name (1–32 characters, unique in the policy). */
  readonly affinityName: string;
}

/** `placement.spreadConstraints[]`. */
export interface SpreadConstraint {
  /** Spread across clusters, regions, zones or providers (default `cluster`). */
  readonly spreadByField?: 'cluster' | 'region' | 'zone' | 'provider';
  /** Spread across the values of this cluster label instead of a field. */
  readonly spreadByLabel?: string;
  /** Most groups to select. */
  readonly maxGroups?: number;
  /** Fewest groups to select (default 1). */
  readonly minGroups?: number;
}

/** A `staticWeightList[]` entry: members matching `targetCluster` get `weight` (≥ 1). */
export interface StaticClusterWeight {
  /** Which members get the weight. */
  readonly targetCluster: ClusterAffinity;
  /** The relative share (≥ 1). */
  readonly weight: number;
}

/** `replicaScheduling.weightPreference`. A set `dynamicWeight` overrides the static list. */
export interface WeightPreference {
  /** Fixed weights per member group. */
  readonly staticWeightList?: readonly StaticClusterWeight[];
  /** `AvailableReplicas`: weight each member by how many replicas it can still hold. */
  readonly dynamicWeight?: 'AvailableReplicas';
}

/** `placement.replicaScheduling` with Karmada's field names (plus ACK's `customSchedulingType`). */
export interface ReplicaSchedulingStrategy {
  /** `Duplicated`: every selected member gets all replicas. `Divided`: replicas are split. */
  readonly replicaSchedulingType: 'Duplicated' | 'Divided';
  /** With `Divided`: `Weighted` (the default) or `Aggregated` (as few members as possible). */
  readonly replicaDivisionPreference?: 'Aggregated' | 'Weighted';
  /** With `Divided` + `Weighted`: the weights; absent = equal static weights. */
  readonly weightPreference?: WeightPreference;
  /** ACK One Fleet extension: `Gang` places a whole multi-component job (driver + executors) in one member. */
  readonly customSchedulingType?: 'Gang';
}

/** `spec.placement`. */
export interface Placement {
  /** The member clusters that may receive the resources. */
  readonly clusterAffinity?: ClusterAffinity;
  /** Ordered affinity groups tried one after another (exclusive with `clusterAffinity`). */
  readonly clusterAffinities?: readonly ClusterAffinityTerm[];
  /** Member cluster taints the policy tolerates. */
  readonly clusterTolerations?: readonly Toleration[];
  /** How many clusters/regions/zones to spread over. */
  readonly spreadConstraints?: readonly SpreadConstraint[];
  /** Absent = Duplicated, as Karmada's `Placement.ReplicaSchedulingType()` decides. */
  readonly replicaScheduling?: ReplicaSchedulingStrategy;
}

/**
 * A PropagationPolicy (namespaced: claims resources of its own namespace) or ClusterPropagationPolicy
 * (cluster-scoped), in Karmada's or ACK One Fleet's API group.
 */
export interface PropagationPolicy {
  /** Karmada's or ACK One Fleet's API group. */
  readonly apiVersion: PolicyApiVersion;
  /** Namespaced `PropagationPolicy` or cluster-scoped `ClusterPropagationPolicy`. */
  readonly kind: 'PropagationPolicy' | 'ClusterPropagationPolicy';
  /** `metadata.name`; breaks ties between equally specific policies (smaller wins). */
  readonly name: string;
  /** Set for a PropagationPolicy, absent for a ClusterPropagationPolicy. */
  readonly namespace?: string;
  /** `metadata.labels`. */
  readonly labels: StringMap;
  /** `spec.resourceSelectors`: the objects the policy claims (at least one). */
  readonly resourceSelectors: readonly ResourceSelector[];
  /** `spec.placement`: where and how the claimed objects are propagated. */
  readonly placement: Placement;
  /** `spec.priority` (default 0): the higher wins when several policies match. */
  readonly priority: number;
  /** `spec.preemption` (default `Never`): whether the policy may take objects claimed by lower-priority policies. */
  readonly preemption: 'Always' | 'Never';
  /** `spec.propagateDeps` (default false): dependencies (ConfigMaps, ServiceAccounts, …) follow the workload. */
  readonly propagateDeps: boolean;
  /** `spec.preserveResourcesOnDeletion` (default false): keep member copies when the template is deleted. */
  readonly preserveResourcesOnDeletion: boolean;
  /** `spec.schedulerName` (default `default-scheduler`). */
  readonly schedulerName: string;
}
