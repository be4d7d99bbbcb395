export type { Cluster, KubernetesVersion } from './Cluster.js';
export type {
  Affinity,
  LabelSelector,
  LabelSelectorRequirement,
  NodeAffinity,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  PreferredSchedulingTerm,
  StringMap,
} from './labels.js';
export {
  findUntoleratedTaint,
  matchesLabelSelector,
  matchesNodeSelector,
  matchesNodeSelectorMap,
  matchesNodeSelectorTerm,
  toleratesTaint,
} from './matching.js';
export type { Node } from './Node.js';
export { VIRTUAL_KUBELET_LABEL, VIRTUAL_KUBELET_TAINT } from './Node.js';
export type { OwnerReference, Pod, PreemptionPolicy } from './Pod.js';
export type { PriorityClass } from './PriorityClass.js';
export type { ResolvedPriority } from './priority.js';
export { resolvePriority } from './priority.js';
export type { Taint, TaintEffect, Toleration } from './taints.js';
export { compareKubernetesVersions, formatKubernetesVersion, parseKubernetesVersion } from './version.js';
