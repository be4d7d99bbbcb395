export type {
  ClusterAffinity,
  ClusterAffinityTerm,
  FieldSelectorRequirement,
  Placement,
  PolicyApiVersion,
  PropagationPolicy,
  ReplicaSchedulingStrategy,
  ResourceSelector,
  SpreadConstraint,
  StaticClusterWeight,
  WeightPreference,
} from './PropagationPolicy.js';
