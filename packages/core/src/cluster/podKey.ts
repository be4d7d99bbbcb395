import type { Pod } from '../model/index.js';

/** A pod's identity in a cluster: `namespace/name`, as kube-scheduler keys its cache. */
export function podKey(pod: Pod): string {
  return `${pod.namespace}/${pod.name}`;
}
