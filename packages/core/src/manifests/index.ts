// The manifests face: Kubernetes YAML/JSON in, typed manifests or issues out.

export { formatFieldPath } from './fieldPath.js';
export type { LoadManifestsOptions, LoadManifestsResult } from './loadManifests.js';
export { DEFAULT_MAX_ALIAS_COUNT, DEFAULT_MAX_MANIFEST_SIZE, loadManifests } from './loadManifests.js';
export type {
  ClusterObjectsManifest,
  ConfigMapManifest,
  Manifest,
  NamespaceManifest,
  PriorityClassManifest,
  PropagationPolicyManifest,
  SkippedPod,
  SparkApplicationManifest,
} from './Manifest.js';
export type { ManifestIssue, ManifestIssueCode } from './ManifestIssue.js';
export type { ContainerResources, PodResources } from './podResources.js';
export { defaultContainerRequests, podResources } from './podResources.js';
