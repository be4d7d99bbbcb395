import type { Pod } from '../model/index.js';
import { BATCH_CPU, BATCH_MEMORY, CPU, MEMORY, PODS } from '../resources/index.js';

/**
 * CPU (millicores) that kube-scheduler's scoring assumes for a container with no cpu request
 * (`DefaultMilliCPURequest`, pkg/scheduler/util/pod_resources.go). Scoring only, never filtering.
 */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** Memory (bytes, 200 MiB) that scoring assumes for a container with no memory request (`DefaultMemoryRequest`). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/**
 * A pod's cpu (millicores) or memory (bytes) request for scoring: the request when the pod names the
 * resource, else the non-zero default. Gleaner keeps one request per pod, so the default applies when
 * the whole pod leaves the resource out (upstream applies it per container).
 */
export function nonZeroRequest(pod: Pod, resource: typeof CPU | typeof MEMORY): number {
  if (Object.hasOwn(pod.requests, resource)) return pod.requests[resource]!;
  return resource === CPU ? DEFAULT_MILLI_CPU_REQUEST : DEFAULT_MEMORY_REQUEST;
}

/** Most extended resources (beyond cpu, memory and the batch pair) one pod may request. */
export const MAX_EXTENDED_RESOURCES = 24;

/** A pending pod's requests unpacked for the struct-of-arrays hot path (internal). */
export interface PodShape {
  readonly cpu: number;
  readonly memory: number;
  readonly batchCpu: number;
  readonly batchMemory: number;
  readonly nonZeroCpu: number;
  readonly nonZeroMemory: number;
  /** Other requested resources with a non-zero amount, sorted by name. */
  readonly extNames: readonly string[];
  readonly extAmounts: readonly number[];
  /** Identifies the request vector (cache key). */
  readonly key: string;
}

/** Unpacks a pod's requests; `pods` in a request list is ignored (pod count is checked separately). */
export function podShape(pod: Pod): PodShape {
  const r = pod.requests;
  const cpu = r[CPU] ?? 0;
  const memory = r[MEMORY] ?? 0;
  const batchCpu = r[BATCH_CPU] ?? 0;
  const batchMemory = r[BATCH_MEMORY] ?? 0;
  const nonZeroCpu = nonZeroRequest(pod, CPU);
  const nonZeroMemory = nonZeroRequest(pod, MEMORY);
  let extNames: string[] = [];
  for (const name in r) {
    if (name === CPU || name === MEMORY || name === BATCH_CPU || name === BATCH_MEMORY || name === PODS) continue;
    if (r[name] !== 0) extNames.push(name);
  }
  let key = `${cpu}|${memory}|${batchCpu}|${batchMemory}|${nonZeroCpu}|${nonZeroMemory}`;
  let extAmounts: number[] = [];
  if (extNames.length > MAX_EXTENDED_RESOURCES) {
    throw new RangeError(
      `scheduleInCluster: pod ${pod.namespace}/${pod.name} requests ${extNames.length} extended resources; at most ${MAX_EXTENDED_RESOURCES} are supported`,
    );
  }
  if (extNames.length > 0) {
    extNames = extNames.sort();
    extAmounts = extNames.map((n) => r[n]!);
    for (let k = 0; k < extNames.length; k++) key += `|${extNames[k]}=${extAmounts[k]}`;
  }
  return { cpu, memory, batchCpu, batchMemory, nonZeroCpu, nonZeroMemory, extNames, extAmounts, key };
}
