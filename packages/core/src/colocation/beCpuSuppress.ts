import type { Node, Pod } from '../model/index.js';
import { CPU } from '../resources/index.js';
import { kubernetesQoSClass, qosClassFromLabel } from './classifyPod.js';
import type { NodeUsageSample } from './nodeMetric.js';
import { podMetricKey } from './nodeMetric.js';
import { nodeReserved } from './nodeReservation.js';
import type { CpuSuppressPolicy, ResourceThresholdStrategy } from './sloConfig.js';

// koordlet's BECPUSuppress loop (every second): how much CPU all BE pods together may use on the node.
// koordinator: pkg/koordlet/qosmanager/plugins/cpusuppress/cpu_suppress.go,
//              pkg/koordlet/qosmanager/helpers/calculator.go (CalculateFilterPodsUsed, NonBEPodFilter)

/** Minimum BE cpuset size under the `cpuset` policy, in cores (upstream `beMinCPUSetCores`). */
export const BE_MIN_CPUSET_CORES = 2;
/** Minimum BE CFS quota under the `cfsQuota` policy, in µs per period (upstream `beMinQuota`, 0.02 core). */
export const BE_MIN_CFS_QUOTA_MICROS = 2000;
/** CFS period koordlet assumes, in µs (`DefaultCPUCFSPeriod`, 100 ms). */
export const CFS_PERIOD_MICROS = 100_000;
/** Largest scale-up of the BE ceiling per round, as a share of the node's CPUs (upstream `beMaxIncreaseCPUPercent`). */
export const BE_MAX_INCREASE_CPU_RATIO = 0.1;
/** A quota change smaller than this share of capacity × period is skipped (`suppressBypassQuotaDeltaRatio`). */
export const BE_QUOTA_BYPASS_DELTA_RATIO = 0.01;
/** CFS quota value meaning "unlimited" (`-1`). */
export const CFS_QUOTA_UNLIMITED = -1;

/** What koordlet has currently applied to the BE cgroups, needed for the gradual scale-up. */
export interface BeCpuSuppressState {
  /** Number of CPUs in the current BE cpuset (`cpuset` policy). */
  readonly cpusetCpus?: number;
  /** Current BE root `cpu.cfs_quota_us` in µs, or {@link CFS_QUOTA_UNLIMITED} (`cfsQuota` policy). */
  readonly cfsQuotaMicros?: number;
}

/** Input of {@link beCpuCeiling}. */
export interface BeCpuSuppressInput {
  /** The node: CPU capacity, allocatable (kubelet reservation) and reservation annotation. */
  readonly node: Node;
  /** The pods the kubelet runs on the node (classifies each metric as BE or not). */
  readonly pods: readonly Pod[];
  /** Latest CPU usage of the node, its pods and host applications (millicores). */
  readonly sample: NodeUsageSample;
  /** The node's resource-threshold strategy (`cpuSuppressThresholdPercent`, policy, min percent). */
  readonly strategy: ResourceThresholdStrategy;
  /** The BE cgroup setting applied in the previous round; absent = first round (no step limit). */
  readonly previous?: BeCpuSuppressState;
  /** Logical CPUs of the node; default `ceil(capacity / 1000)`. */
  readonly logicalCpus?: number;
}

/** Decision of {@link beCpuCeiling}: the BE CPU ceiling and the terms behind it. */
export interface BeCpuSuppressDecision {
  /** Whether suppression is active (`resource-threshold-config` enabled); if not, BE is not capped. */
  readonly enabled: boolean;
  /** The policy in force. */
  readonly policy: CpuSuppressPolicy;
  /** `capacity × cpuSuppressThresholdPercent / 100` (integer division), millicores. */
  readonly thresholdMilli: number;
  /** Σ usage of non-BE pods (and of metrics of pods the kubelet does not list), millicores. */
  readonly nonBEPodsUsedMilli: number;
  /** Σ usage of non-BE host applications, millicores. */
  readonly nonBEHostAppsUsedMilli: number;
  /** `max(node − all pods − all host apps, 0)` raised to the node reservation, millicores. */
  readonly systemUsedMilli: number;
  /** Formula result (may be ≤ 0), raised to `cpuSuppressMinPercent` of capacity when configured. */
  readonly suppressMilli: number;
  /** The BE CPU ceiling actually enforced, in millicores, after the policy's floor and step limit. */
  readonly ceilingMilli: number;
  /** BE cpuset size in CPUs (`cpuset` policy). */
  readonly cpusetCpus?: number;
  /** BE root CFS quota in µs per {@link CFS_PERIOD_MICROS} (`cfsQuota` policy). */
  readonly cfsQuotaMicros?: number;
}

/**
 * koordlet's BE CPU ceiling for one node: `capacity × cpuSuppressThresholdPercent/100 − Σ non-BE pod usage −
 * Σ non-BE host-app usage − max(system usage, node reservation)` millicores (integer), raised to
 * `cpuSuppressMinPercent` when set; then enforced by the policy:
 * - `cpuset` (default): `ceil(x/1000)` CPUs, at least {@link BE_MIN_CPUSET_CORES}, growing by at most
 *   `ceil(10% × logical CPUs)` per round over `previous.cpusetCpus`, never more than the logical CPUs;
 * - `cfsQuota`: quota `x × 100` µs per 100 ms, at least {@link BE_MIN_CFS_QUOTA_MICROS} (20 m); a change
 *   smaller than 1% of capacity × period is skipped, and an increase is limited to 10% of capacity × period
 *   per round (relative to `previous.cfsQuotaMicros`).
 *
 * Non-BE = QoS label not `BE` and Kubernetes QoS not BestEffort; a metric of a pod not in `pods` counts as
 * non-BE. With `strategy.enable` false nothing is suppressed (ceiling = capacity). Pure; O(pods + metrics).
 */
export function beCpuCeiling(input: BeCpuSuppressInput): BeCpuSuppressDecision {
  const { node, pods, sample, strategy } = input;
  const capacity = node.capacity[CPU] ?? 0;
  const policy = strategy.cpuSuppressPolicy;

  const isBE = new Map<string, boolean>();
  for (const pod of pods) {
    isBE.set(
      podMetricKey(pod.namespace, pod.name),
      qosClassFromLabel(pod) === 'BE' || kubernetesQoSClass(pod) === 'BestEffort',
    );
  }
  let podsAll = 0;
  let podsNonBE = 0;
  for (const m of sample.podsMetric) {
    podsAll += m.usage.cpu;
    if (isBE.get(podMetricKey(m.namespace, m.name)) !== true) podsNonBE += m.usage.cpu;
  }
  let hostAll = 0;
  let hostNonBE = 0;
  for (const app of sample.hostApplicationMetric ?? []) {
    hostAll += app.usage.cpu;
    if (app.qosClass !== 'BE' || app.bestEffortCgroup !== true) hostNonBE += app.usage.cpu;
  }
  const system = Math.max(sample.nodeUsage.cpu - podsAll - hostAll, 0);
  const systemUsedMilli = Math.max(system, nodeReserved(node).cpu);

  const thresholdMilli = Math.trunc((capacity * strategy.cpuSuppressThresholdPercent) / 100);
  let suppressMilli = thresholdMilli - podsNonBE - hostNonBE - systemUsedMilli;
  if (strategy.cpuSuppressMinPercent !== undefined) {
    suppressMilli = Math.max(suppressMilli, Math.trunc((capacity * strategy.cpuSuppressMinPercent) / 100));
  }
  const terms = {
    policy,
    thresholdMilli,
    nonBEPodsUsedMilli: podsNonBE,
    nonBEHostAppsUsedMilli: hostNonBE,
    systemUsedMilli,
    suppressMilli,
  };
  if (!strategy.enable) return { enabled: false, ...terms, ceilingMilli: capacity };

  if (policy === 'cfsQuota') {
    const quota = cfsQuotaFor(suppressMilli, capacity, input.previous?.cfsQuotaMicros);
    // A kept "unlimited" quota (bypassed small change) leaves BE uncapped.
    const ceilingMilli = quota === CFS_QUOTA_UNLIMITED ? capacity : Math.trunc((quota * 1000) / CFS_PERIOD_MICROS);
    return { enabled: true, ...terms, ceilingMilli, cfsQuotaMicros: quota };
  }
  const logical = input.logicalCpus ?? Math.ceil(capacity / 1000);
  let cpus = Math.max(Math.ceil(suppressMilli / 1000), BE_MIN_CPUSET_CORES);
  const previous = input.previous?.cpusetCpus;
  if (previous !== undefined) {
    const maxIncrease = Math.ceil(logical * BE_MAX_INCREASE_CPU_RATIO);
    if (cpus - previous > maxIncrease) cpus = previous + maxIncrease;
  }
  cpus = Math.min(cpus, logical);
  return { enabled: true, ...terms, ceilingMilli: cpus * 1000, cpusetCpus: cpus };
}

function cfsQuotaFor(suppressMilli: number, capacityMilli: number, current: number | undefined): number {
  let quota = Math.max(Math.trunc((suppressMilli * CFS_PERIOD_MICROS) / 1000), BE_MIN_CFS_QUOTA_MICROS);
  if (current === undefined) return quota;
  const capacityCores = Math.ceil(capacityMilli / 1000);
  const minDelta = capacityCores * CFS_PERIOD_MICROS * BE_QUOTA_BYPASS_DELTA_RATIO;
  if (Math.abs(quota - current) < minDelta && quota !== BE_MIN_CFS_QUOTA_MICROS) return current;
  const maxIncrease = capacityCores * CFS_PERIOD_MICROS * BE_MAX_INCREASE_CPU_RATIO;
  if (quota - current > maxIncrease && current !== CFS_QUOTA_UNLIMITED) quota = current + Math.trunc(maxIncrease);
  return quota;
}
