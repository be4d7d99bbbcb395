import type { Pod } from '../model/index.js';

// What koordlet's eviction loops share: the victim record, the per-pod eviction-policy annotation and the
// cool-down after an eviction round.
// koordinator: pkg/koordlet/qosmanager/plugins/util/evict.go, pkg/koordlet/qosmanager/framework/config.go,
//              apis/extension/constants.go

/** Pod annotation (JSON list such as `["BECPUEvict"]`) restricting which eviction features may evict it. */
export const ANNOTATION_POD_EVICTION_POLICY = 'koordinator.sh/eviction-policy';

/** Cool-down after a CPU eviction round (`cpu-evict-cool-time-seconds`, 20 s), in ms. */
export const CPU_EVICT_COOL_TIME_MS = 20_000;
/** Cool-down after a memory eviction round (`memory-evict-cool-time-seconds`, 4 s), in ms. */
export const MEMORY_EVICT_COOL_TIME_MS = 4_000;
/** koordlet's usage collection interval (`CollectResUsedInterval`, 1 s), in seconds. */
export const DEFAULT_COLLECT_INTERVAL_SECONDS = 1;

/** Feature names koordlet matches against the eviction-policy annotation. */
export type EvictionFeature = 'BECPUEvict' | 'BEMemoryEvict' | 'CPUEvict' | 'MemoryEvict';

/** One pod koordlet evicts, with what its eviction is counted as releasing. */
export interface EvictionVictim {
  /** The pod's namespace. */
  readonly namespace: string;
  /** The pod's name. */
  readonly name: string;
  /** The pod's `spec.priority` (the first sort key). */
  readonly priority: number;
  /** What evicting it releases toward the target: batch-cpu request (millicores) or memory usage (bytes). */
  readonly release: number;
  /** Human-readable reason, prefixed by the feature (e.g. `BEMemoryEvict: node memory usage 75% ≥ 70% …`). */
  readonly reason: string;
}

/**
 * Whether the pod's `koordinator.sh/eviction-policy` annotation allows `feature` to evict it: yes when the
 * annotation is absent, else only when the JSON list names the feature (an unparsable annotation forbids).
 */
export function isEvictionPolicyAllowed(feature: EvictionFeature, pod: Pod): boolean {
  const text = pod.annotations[ANNOTATION_POD_EVICTION_POLICY];
  if (text === undefined) return true;
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return false;
  }
  return Array.isArray(list) && list.includes(feature);
}

/** Whether a loop that last evicted at `lastEvictionTime` (ms) is still cooling down at `now`. */
export function isCoolingDown(now: number | undefined, lastEvictionTime: number | undefined, coolMs: number): boolean {
  return now !== undefined && lastEvictionTime !== undefined && now < lastEvictionTime + coolMs;
}
