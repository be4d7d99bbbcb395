import type { Node, Pod } from '../model/index.js';
import { MEMORY } from '../resources/index.js';
import { qosClassFromLabel } from './classifyPod.js';
import type { EvictionVictim } from './eviction.js';
import { isCoolingDown, MEMORY_EVICT_COOL_TIME_MS } from './eviction.js';
import type { NodeUsageSample } from './nodeMetric.js';
import { podMetricKey, podUsageByKey } from './nodeMetric.js';
import type { ResourceThresholdStrategy } from './sloConfig.js';

// koordlet's BEMemoryEvict loop (every second): when node memory usage reaches the threshold, evict BE
// pods until enough memory is released to get back to the lower bound.
// koordinator: pkg/koordlet/qosmanager/plugins/memoryevict/memory_evict.go

/** Input of {@link beMemoryEviction}. */
export interface BeMemoryEvictionInput {
  /** The node (its memory capacity is the base of the percentages). */
  readonly node: Node;
  /** The pods the kubelet runs on the node; victims are chosen among those labelled `BE`. */
  readonly pods: readonly Pod[];
  /** Latest memory usage of the node and of each pod (bytes). */
  readonly sample: NodeUsageSample;
  /** The node's resource-threshold strategy (`memoryEvictThresholdPercent`, `memoryEvictLowerPercent`). */
  readonly strategy: ResourceThresholdStrategy;
  /** Current simulated time (ms), for the cool-down. */
  readonly now?: number;
  /** When this loop last evicted (ms); within {@link MEMORY_EVICT_COOL_TIME_MS} nothing happens. */
  readonly lastEvictionTime?: number;
}

/**
 * Outcome of a memory-eviction round: `disabled` (thresholds off), `coolingDown`, `invalidConfig` (lower ≥
 * threshold or no capacity), `belowThreshold`, or `evict`.
 */
export type BeMemoryEvictionOutcome = 'disabled' | 'coolingDown' | 'invalidConfig' | 'belowThreshold' | 'evict';

/** Decision of {@link beMemoryEviction}. */
export interface BeMemoryEvictionDecision {
  /** What happened. */
  readonly outcome: BeMemoryEvictionOutcome;
  /** Node memory usage as koordlet computes it: `floor(used × 100 / capacity)` (0 when not computed). */
  readonly usagePercent: number;
  /** `memoryEvictThresholdPercent` in force. */
  readonly thresholdPercent: number;
  /** `memoryEvictLowerPercent` in force. */
  readonly lowerPercent: number;
  /** Bytes to release: `capacity × (usage% − lower%) / 100` (integer division); 0 unless evicting. */
  readonly toRelease: number;
  /** Bytes the chosen victims release (their current usage); may fall short when BE pods run out. */
  readonly released: number;
  /** Victims in eviction order. */
  readonly victims: readonly EvictionVictim[];
}

interface Candidate {
  readonly pod: Pod;
  readonly used: number;
}

/**
 * BE eviction order of BEMemoryEvict: lower `spec.priority` first; then larger memory usage first, pods with
 * zero (unknown) usage last; ties by name descending (as upstream for zero usage), then namespace descending.
 */
function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.pod.priority !== b.pod.priority) return a.pod.priority - b.pod.priority;
  if (a.used !== b.used) {
    if (a.used === 0) return 1;
    if (b.used === 0) return -1;
    return b.used - a.used;
  }
  if (a.pod.name !== b.pod.name) return a.pod.name < b.pod.name ? 1 : -1;
  return a.pod.namespace === b.pod.namespace ? 0 : a.pod.namespace < b.pod.namespace ? 1 : -1;
}

/**
 * koordlet's BE memory eviction for one node: when `floor(node memory used × 100 / capacity)` reaches
 * `memoryEvictThresholdPercent` (default 70), release `capacity × (usage% − memoryEvictLowerPercent) / 100`
 * bytes (lower default threshold − 2) by evicting pods labelled `koordinator.sh/qosClass: BE` — lower
 * `spec.priority` first, then larger memory usage, pods with no usage last, ties by name descending — each
 * counted as releasing its current usage, until the released sum reaches the target. Requires `strategy.enable`. Pure; never mutates its input.
 */
export function beMemoryEviction(input: BeMemoryEvictionInput): BeMemoryEvictionDecision {
  const { node, pods, sample, strategy } = input;
  const thresholdPercent = strategy.memoryEvictThresholdPercent;
  const lowerPercent = strategy.memoryEvictLowerPercent;
  const none = (outcome: BeMemoryEvictionOutcome, usagePercent = 0): BeMemoryEvictionDecision => ({
    outcome,
    usagePercent,
    thresholdPercent,
    lowerPercent,
    toRelease: 0,
    released: 0,
    victims: [],
  });
  if (!strategy.enable) return none('disabled');
  if (isCoolingDown(input.now, input.lastEvictionTime, MEMORY_EVICT_COOL_TIME_MS)) return none('coolingDown');
  const capacity = node.capacity[MEMORY] ?? 0;
  if (thresholdPercent < 0 || lowerPercent >= thresholdPercent || capacity <= 0) return none('invalidConfig');

  const usagePercent = Math.trunc((sample.nodeUsage.memory * 100) / capacity);
  if (usagePercent < thresholdPercent) return none('belowThreshold', usagePercent);
  const toRelease = Math.trunc((capacity * (usagePercent - lowerPercent)) / 100);

  const usage = podUsageByKey(sample);
  const candidates: Candidate[] = [];
  for (const pod of pods) {
    if (qosClassFromLabel(pod) !== 'BE') continue;
    candidates.push({ pod, used: usage.get(podMetricKey(pod.namespace, pod.name))?.memory ?? 0 });
  }
  candidates.sort(compareCandidates);

  const reason = `BEMemoryEvict: node memory usage ${usagePercent}% ≥ threshold ${thresholdPercent}%, releasing ${toRelease} bytes to reach ${lowerPercent}%`;
  const victims: EvictionVictim[] = [];
  let released = 0;
  for (const c of candidates) {
    if (released >= toRelease) break;
    released += c.used;
    victims.push({ namespace: c.pod.namespace, name: c.pod.name, priority: c.pod.priority, release: c.used, reason });
  }
  return { outcome: 'evict', usagePercent, thresholdPercent, lowerPercent, toRelease, released, victims };
}
