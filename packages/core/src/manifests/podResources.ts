import { addResources, maxResources, type ResourceList } from '../resources/index.js';

/** One container's resources in integer units, with API defaulting already applied. */
export interface ContainerResources {
  /** `resources.requests`. */
  readonly requests: ResourceList;
  /** `resources.limits`. */
  readonly limits: ResourceList;
  /** An init container with `restartPolicy: Always` (a sidecar): it keeps running beside the app containers. */
  readonly sidecar?: boolean;
}

/** A pod's effective requests and limits, as the scheduler accounts them. */
export interface PodResources {
  /** Effective requests (what NodeResourcesFit checks). */
  readonly requests: ResourceList;
  /** Effective limits; a resource absent here is unlimited in at least one container. */
  readonly limits: ResourceList;
}

/**
 * A container's requests after the API server's defaulting: a resource with a limit but no request is
 * requested at its limit.
 */
export function defaultContainerRequests(requests: ResourceList, limits: ResourceList): ResourceList {
  const out: Record<string, number> = { ...requests };
  for (const name in limits) if (out[name] === undefined) out[name] = limits[name]!;
  return out;
}

function aggregate(
  containers: readonly ContainerResources[],
  initContainers: readonly ContainerResources[],
  pick: (c: ContainerResources) => ResourceList,
): ResourceList {
  let total: ResourceList = {};
  for (const c of containers) total = addResources(total, pick(c));
  // Init containers run one at a time before the app containers, each beside the sidecars started
  // before it; sidecars keep running, so they also add to the steady-state sum.
  let sidecars: ResourceList = {};
  let initPeak: ResourceList = {};
  for (const c of initContainers) {
    if (c.sidecar === true) {
      total = addResources(total, pick(c));
      sidecars = addResources(sidecars, pick(c));
      initPeak = maxResources(initPeak, sidecars);
    } else {
      initPeak = maxResources(initPeak, addResources(pick(c), sidecars));
    }
  }
  return maxResources(total, initPeak);
}

/**
 * A pod's effective requests and limits as kube-scheduler computes them (`resource.PodRequests` /
 * `PodLimits`): the sum over app containers and sidecars, raised to the peak of any init container
 * (plus the sidecars started before it), plus `spec.overhead`. Overhead is added to every request but
 * only to the limits that are set.
 */
export function podResources(
  containers: readonly ContainerResources[],
  initContainers: readonly ContainerResources[],
  overhead: ResourceList,
): PodResources {
  const requests = addResources(
    aggregate(containers, initContainers, (c) => c.requests),
    overhead,
  );
  const limits: Record<string, number> = { ...aggregate(containers, initContainers, (c) => c.limits) };
  for (const name in limits) limits[name]! += overhead[name] ?? 0;
  return { requests, limits };
}
