import type { Pod } from '../model/index.js';
import { BATCH_CPU } from '../resources/index.js';
import { qosClassFromLabel } from './classifyPod.js';
import type { EvictionVictim } from './eviction.js';
import {
  CPU_EVICT_COOL_TIME_MS,
  DEFAULT_COLLECT_INTERVAL_SECONDS,
  isCoolingDown,
  isEvictionPolicyAllowed,
} from './eviction.js';
import type { NodeUsageSample } from './nodeMetric.js';
import { podMetricKey, podUsageByKey } from './nodeMetric.js';
import type { ResourceThresholdStrategy } from './sloConfig.js';
import { DEFAULT_CPU_EVICT_BE_USAGE_THRESHOLD_PERCENT } from './sloConfig.js';

// koordlet's BECPUEvict loop: when BE pods are starved — they use (almost) all the CPU the suppress ceiling
// gives them, and that ceiling is a small share of what they requested — evict BE pods until the remaining
// requests are satisfied up to the upper percent.
// koordinator: pkg/koordlet/qosmanager/plugins/cpuevict/cpu_evict.go

/** Largest allowed `cpuEvictBESatisfactionLowerPercent` (upstream `beCPUSatisfactionLowPercentMax`). */
export const BE_SATISFACTION_LOWER_PERCENT_MAX = 60;
/** `cpuEvictBESatisfactionUpperPercent` must be below this (upstream `beCPUSatisfactionUpperPercentMax`). */
export const BE_SATISFACTION_UPPER_PERCENT_LIMIT = 100;
/** A BE limit below this many millicores counts as "usage high enough" regardless of usage. */
export const BE_SMALL_LIMIT_MILLI = 1000;
/** Stand-in for a published batch-cpu allocatable of 0 under `evictByAllocatable` (upstream, 1 m). */
export const MIN_ALLOCATABLE_BATCH_MILLI = 1;

/** Aggregate BE CPU figures koordlet records each second (millicores). */
export interface BeCpuSample {
  /** Σ CPU used by BE pods. */
  readonly usedMilli: number;
  /** Σ `kubernetes.io/batch-cpu` requests of BE pods. */
  readonly requestMilli: number;
  /** The BE ceiling currently enforced by CPU suppress (the "real limit"). */
  readonly realLimitMilli: number;
}

/** {@link BeCpuSample} averaged over the eviction window, with the number of samples it averages. */
export interface BeCpuWindowAverage extends BeCpuSample {
  /** Samples in the window; the average is trusted only if `count × interval ≥ window / 3`. */
  readonly sampleCount: number;
}

/** Input of {@link beCpuEviction}. */
export interface BeCpuEvictionInput {
  /** The pods the kubelet runs on the node; victims are those labelled `BE`. */
  readonly pods: readonly Pod[];
  /** Latest per-pod CPU usage (millicores), used to rank victims. */
  readonly sample: NodeUsageSample;
  /** The node's resource-threshold strategy (satisfaction percents, window, policy, usage threshold). */
  readonly strategy: ResourceThresholdStrategy;
  /** BE figures averaged over `max(collect interval, cpuEvictTimeWindowSeconds)`. */
  readonly windowAverage: BeCpuWindowAverage;
  /** The latest BE figures. */
  readonly current: BeCpuSample;
  /** Published `kubernetes.io/batch-cpu` allocatable (millicores), read under `evictByAllocatable`. */
  readonly batchCpuAllocatable?: number;
  /** koordlet's collect interval in seconds (default {@link DEFAULT_COLLECT_INTERVAL_SECONDS}). */
  readonly collectIntervalSeconds?: number;
  /** Current simulated time (ms), for the cool-down. */
  readonly now?: number;
  /** When the CPU eviction loop last evicted (ms); within {@link CPU_EVICT_COOL_TIME_MS} nothing happens. */
  readonly lastEvictionTime?: number;
}

/**
 * Outcome of a BECPUEvict round: `disabled`; `coolingDown`; `invalidConfig` (satisfaction percents unset or
 * out of range — BECPUEvict is then off); `notEnoughSamples`; `usageLow` (BE pods do not use their ceiling);
 * `satisfied` (satisfaction above the lower percent, or nothing to release); `evict`.
 */
export type BeCpuEvictionOutcome =
  | 'disabled'
  | 'coolingDown'
  | 'invalidConfig'
  | 'notEnoughSamples'
  | 'usageLow'
  | 'satisfied'
  | 'evict';

/** Decision of {@link beCpuEviction}. */
export interface BeCpuEvictionDecision {
  /** What happened. */
  readonly outcome: BeCpuEvictionOutcome;
  /** BE satisfaction (limit / request) over the window as a fraction, when computed. */
  readonly satisfaction?: number;
  /** batch-cpu requests to release, millicores: `min(release by window, release by current)`. */
  readonly toReleaseMilli: number;
  /** batch-cpu requests the victims release, millicores. */
  readonly releasedMilli: number;
  /** Victims in eviction order. */
  readonly victims: readonly EvictionVictim[];
}

function configValid(s: ResourceThresholdStrategy): boolean {
  const lower = s.cpuEvictBESatisfactionLowerPercent;
  const upper = s.cpuEvictBESatisfactionUpperPercent;
  if (lower === undefined || upper === undefined) return false;
  if (lower <= 0 || lower > BE_SATISFACTION_LOWER_PERCENT_MAX) return false;
  if (upper <= 0 || upper >= BE_SATISFACTION_UPPER_PERCENT_LIMIT) return false;
  return upper >= lower;
}

function usageHighEnough(usedMilli: number, limitMilli: number, thresholdPercent: number): boolean {
  if (limitMilli <= 0) return false;
  if (limitMilli < BE_SMALL_LIMIT_MILLI) return true;
  return usedMilli / limitMilli >= thresholdPercent / 100;
}

/** `request × (upper% − satisfaction)` truncated, when satisfaction = limit/request ≤ lower%; else 0. */
function releaseBySatisfaction(requestMilli: number, limitMilli: number, lower: number, upper: number): number {
  if (requestMilli <= 0) return 0;
  const rate = limitMilli / requestMilli;
  if (rate > lower / 100) return 0;
  const gap = upper / 100 - rate;
  if (gap <= 0) return 0;
  return Math.trunc(requestMilli * gap);
}

interface Candidate {
  readonly pod: Pod;
  readonly request: number;
  readonly ratio: number;
  readonly key: string;
}

/**
 * BECPUEvict victim order: lower `spec.priority` first; at equal priority higher usage/request ratio first;
 * then `namespace/name` ascending (a deterministic tie-break; upstream's sort is unstable).
 */
function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.pod.priority !== b.pod.priority) return a.pod.priority - b.pod.priority;
  if (a.ratio !== b.ratio) return b.ratio - a.ratio;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * koordlet's BECPUEvict (BE CPU satisfaction) for one node. With satisfaction = BE limit / BE request (limit
 * = the suppress ceiling, or the published batch-cpu allocatable under `evictByAllocatable`): when BE usage
 * reaches `cpuEvictBEUsageThresholdPercent` (default 90) of the limit and satisfaction is at or below
 * `cpuEvictBESatisfactionLowerPercent`, release `request × (upper% − satisfaction)` millicores of batch-cpu
 * requests — computed on the window average and on the latest sample (both must show high usage) and the
 * smaller taken — by evicting BE pods (allowed by their eviction-policy annotation) in
 * order (lower `spec.priority` first, then higher usage/request ratio, then `namespace/name`), each releasing its
 * batch-cpu request. Pure; never mutates its input.
 */
export function beCpuEviction(input: BeCpuEvictionInput): BeCpuEvictionDecision {
  const { strategy: s, windowAverage: avg, current } = input;
  const none = (outcome: BeCpuEvictionOutcome, satisfaction?: number): BeCpuEvictionDecision =>
    satisfaction === undefined
      ? { outcome, toReleaseMilli: 0, releasedMilli: 0, victims: [] }
      : { outcome, satisfaction, toReleaseMilli: 0, releasedMilli: 0, victims: [] };
  if (!s.enable) return none('disabled');
  if (isCoolingDown(input.now, input.lastEvictionTime, CPU_EVICT_COOL_TIME_MS)) return none('coolingDown');
  if (!configValid(s)) return none('invalidConfig');
  const lower = s.cpuEvictBESatisfactionLowerPercent!;
  const upper = s.cpuEvictBESatisfactionUpperPercent!;
  const usageThreshold = s.cpuEvictBEUsageThresholdPercent ?? DEFAULT_CPU_EVICT_BE_USAGE_THRESHOLD_PERCENT;

  const interval = input.collectIntervalSeconds ?? DEFAULT_COLLECT_INTERVAL_SECONDS;
  const window = Math.max(interval, s.cpuEvictTimeWindowSeconds ?? 0);
  if (avg.sampleCount * interval < Math.trunc(window / 3)) return none('notEnoughSamples');

  let allocatable = -1;
  if (input.batchCpuAllocatable !== undefined && input.batchCpuAllocatable >= 0) {
    allocatable = input.batchCpuAllocatable === 0 ? MIN_ALLOCATABLE_BATCH_MILLI : input.batchCpuAllocatable;
  }
  const byAllocatable = s.cpuEvictPolicy === 'evictByAllocatable';
  const avgLimit = byAllocatable ? allocatable : avg.realLimitMilli;
  if (!usageHighEnough(avg.usedMilli, avgLimit, usageThreshold)) return none('usageLow');
  const satisfaction = avg.requestMilli > 0 ? avgLimit / avg.requestMilli : undefined;
  let toRelease = releaseBySatisfaction(avg.requestMilli, avgLimit, lower, upper);
  if (toRelease <= 0) return none('satisfied', satisfaction);

  const curLimit = byAllocatable ? allocatable : current.realLimitMilli;
  if (!usageHighEnough(current.usedMilli, curLimit, usageThreshold)) return none('usageLow', satisfaction);
  if (current.requestMilli !== avg.requestMilli || curLimit !== avgLimit) {
    const byCurrent = releaseBySatisfaction(current.requestMilli, curLimit, lower, upper);
    if (byCurrent <= 0) return none('satisfied', satisfaction);
    toRelease = Math.min(toRelease, byCurrent);
  }

  const usage = podUsageByKey(input.sample);
  const candidates: Candidate[] = [];
  for (const pod of input.pods) {
    if (qosClassFromLabel(pod) !== 'BE' || !isEvictionPolicyAllowed('BECPUEvict', pod)) continue;
    const key = podMetricKey(pod.namespace, pod.name);
    const request = Math.max(pod.requests[BATCH_CPU] ?? 0, 0);
    const used = usage.get(key)?.cpu ?? 0;
    candidates.push({ pod, request, ratio: request > 0 ? used / request : 0, key });
  }
  candidates.sort(compareCandidates);

  const pct = satisfaction === undefined ? '?' : `${Math.trunc(satisfaction * 100)}%`;
  const reason = `BECPUEvict: BE CPU satisfaction ${pct} ≤ ${lower}%, releasing ${toRelease}m of batch-cpu requests to reach ${upper}%`;
  const victims: EvictionVictim[] = [];
  let released = 0;
  for (const c of candidates) {
    if (released >= toRelease) break;
    released += c.request;
    victims.push({
      namespace: c.pod.namespace,
      name: c.pod.name,
      priority: c.pod.priority,
      release: c.request,
      reason,
    });
  }
  return {
    outcome: 'evict',
    ...(satisfaction === undefined ? {} : { satisfaction }),
    toReleaseMilli: toRelease,
    releasedMilli: released,
    victims,
  };
}
