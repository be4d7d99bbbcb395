import type { Pod } from '../model/index.js';

/** Koordinator annotation naming a pod's gang. */
export const GANG_NAME_ANNOTATION = 'gang.scheduling.koordinator.sh/name';
/** Label joining a pod to a `scheduling.sigs.k8s.io` PodGroup. */
export const POD_GROUP_LABEL = 'pod-group.scheduling.sigs.k8s.io';

/**
 * The job a victim belongs to, for Koordinator's job-level preemption cost (one cost per distinct job on a
 * node, `estimatePreemptionCost` in coscheduling/core/preemption.go): its gang (annotation or PodGroup
 * label), else its controlling owner, else the pod itself. Koordinator reads a similar key from labels.
 */
export function preemptionJobKey(pod: Pod): string {
  const gang = pod.annotations[GANG_NAME_ANNOTATION] ?? pod.labels[POD_GROUP_LABEL];
  if (gang !== undefined) return `${pod.namespace}/${gang}`;
  if (pod.owner !== undefined) return `${pod.namespace}/${pod.owner.kind}/${pod.owner.name}`;
  return `${pod.namespace}/${pod.name}`;
}
