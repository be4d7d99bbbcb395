import type { Node, Pod } from '../model/index.js';
import { CPU, MEMORY } from '../resources/index.js';
import { isHighPriorityClassForBatch, podPriorityClass, qosClassFromLabel } from './classifyPod.js';
import type { NodeMetric } from './nodeMetric.js';
import { podMetricKey } from './nodeMetric.js';
import { nodeReserved } from './nodeReservation.js';
import { applyNodeColocationOverrides } from './nodeStrategy.js';
import type { CalculatePolicy, ColocationStrategy } from './sloConfig.js';

// The slo-controller's BatchResource plugin: how much `kubernetes.io/batch-cpu` / `batch-memory` one node
// offers to koord-batch pods, recomputed on every NodeMetric report.
// koordinator: pkg/slo-controller/noderesource/plugins/batchresource/plugin.go,
//              pkg/slo-controller/noderesource/plugins/util/util.go (CalculateBatchResourceByPolicy,
//              GetNodeSafetyMargin), pkg/util/resource.go (MultiplyMilliQuant, MultiplyQuant)

/** Milliseconds in one minute (`degradeTimeMinutes` is in minutes, simulated time in ms). */
export const MS_PER_MINUTE = 60_000;

/**
 * Why a node publishes no batch resources: colocation is off for it (`enable: false`), its NodeMetric is
 * missing (or has no `updateTime`), or the NodeMetric is older than `degradeTimeMinutes`. In all three
 * cases upstream *resets*: batch-cpu / batch-memory are deleted from the node's capacity and allocatable.
 */
export type BatchDegradeReason = 'colocationDisabled' | 'nodeMetricMissing' | 'nodeMetricExpired';

/**
 * Every term of the batch formula for one resource (`cpu` in millicores, `memory` in bytes), so a report
 * can show why a node offers what it offers.
 */
export interface BatchResourceTerms {
  /** Node capacity (`status.capacity`), the base of the formula (not allocatable). */
  readonly capacity: number;
  /** `capacity × (100 − reclaimThresholdPercent) / 100`, truncated; negative when the percent exceeds 100. */
  readonly safetyMargin: number;
  /** `max(kubelet reserved, node.koordinator.sh/reservation)`. */
  readonly nodeReserved: number;
  /** NodeMetric system usage + usage of high-priority host applications. */
  readonly systemUsed: number;
  /** Σ requests of high-priority (prod/mid/none) pods. */
  readonly hpRequest: number;
  /** Σ usage of high-priority pods (request for pods without a metric; LSE cpu at request) + dangling metrics. */
  readonly hpUsed: number;
  /** Σ max(request, usage) of high-priority pods with a metric + dangling metrics. */
  readonly hpMaxUsedRequest: number;
  /** `max(capacity − margin − max(systemUsed, nodeReserved) − hpUsed, 0)`. */
  readonly byUsage: number;
  /** `max(capacity − margin − nodeReserved − hpRequest, 0)`. */
  readonly byRequest: number;
  /** `max(capacity − margin − max(systemUsed, nodeReserved) − hpMaxUsedRequest, 0)`. */
  readonly byMaxUsageRequest: number;
  /** The policy actually applied (`request` is not supported for CPU and falls back to `usage`). */
  readonly policy: CalculatePolicy;
  /** `capacity × batch*ThresholdPercent / 100`, truncated, when a cap is configured. */
  readonly cap?: number;
  /** The resulting batch amount: the selected policy's value, capped. */
  readonly value: number;
}

/** Batch resources computed for one node. */
export interface BatchResources {
  /** Discriminant: a value was computed. */
  readonly degraded: false;
  /** `kubernetes.io/batch-cpu` to publish, in millicores (the node shows it as a plain integer). */
  readonly batchCpu: number;
  /** `kubernetes.io/batch-memory` to publish, in bytes. */
  readonly batchMemory: number;
  /** Terms of the CPU formula. */
  readonly cpu: BatchResourceTerms;
  /** Terms of the memory formula. */
  readonly memory: BatchResourceTerms;
  /** Number of NodeMetric pod entries with no live pod in the list that were counted as high priority. */
  readonly danglingHighPriorityMetrics: number;
}

/** The node publishes no batch resources (they are removed); see {@link BatchDegradeReason}. */
export interface BatchResourcesDegraded {
  /** Discriminant: the node is reset. */
  readonly degraded: true;
  /** Why. */
  readonly reason: BatchDegradeReason;
}

/** Result of {@link computeBatchResources}. */
export type BatchResourcesResult = BatchResources | BatchResourcesDegraded;

/**
 * `value × (100 − percent) / 100` truncated toward zero, with the ratio computed in floating point first,
 * exactly as upstream's `MultiplyMilliQuant` / `MultiplyQuant` (IEEE doubles in both Go and JS), so e.g.
 * 100 m at 71% gives a margin of 28 m, not 29.
 */
export function reservePortion(value: number, reclaimPercent: number): number {
  return Math.trunc(value * ((100 - reclaimPercent) / 100));
}

/** `value × percent / 100` truncated toward zero, ratio in floating point (the batch caps). */
export function percentPortion(value: number, percent: number): number {
  return Math.trunc(value * (percent / 100));
}

/**
 * Whether the node's batch resources must be reset instead of computed (upstream `isDegradeNeeded` plus the
 * controller's enable check); `undefined` when a value can be computed. `now` and `updateTime` in ms.
 */
export function batchDegradeReason(
  strategy: ColocationStrategy,
  nodeMetric: NodeMetric | undefined,
  now: number,
): BatchDegradeReason | undefined {
  if (!strategy.enable) return 'colocationDisabled';
  if (nodeMetric === undefined || nodeMetric.updateTime === undefined) return 'nodeMetricMissing';
  if (now > nodeMetric.updateTime + strategy.degradeTimeMinutes * MS_PER_MINUTE) return 'nodeMetricExpired';
  return undefined;
}

/**
 * Batch allocatable (`kubernetes.io/batch-cpu` millicores, `kubernetes.io/batch-memory` bytes) of one node,
 * as Koordinator's slo-controller computes it on each NodeMetric update:
 *
 * - reset (`degraded`) when colocation is disabled for the node or the NodeMetric is missing or older than
 *   `degradeTimeMinutes` (strictly `now > updateTime + degrade`);
 * - high-priority pods (priority class prod, mid or none) count at their metric usage, at their request when
 *   they have no metric yet, and LSE pods with their CPU at request; NodeMetric entries of pods no longer in
 *   `pods` ("dangling") count at usage when their reported priority is high;
 * - system usage = NodeMetric system usage + high-priority host applications; the node reservation is
 *   `max(capacity − allocatable, reservation annotation)`;
 * - per resource `capacity − capacity×(100−reclaim%)/100 − max(system, reserved) − HP usage` (usage policy),
 *   or the request / maxUsageRequest variants, floored at 0, then the optional `batch*ThresholdPercent` caps.
 *
 * `pods` are the node's pods in phase Running or Pending (terminated pods must be left out; their metrics then
 * count as dangling, as upstream). `strategy` is the node's colocation strategy (cluster or `nodeConfigs`
 * entry); the node's own annotation and reclaim-ratio labels are applied here. O(pods + metrics).
 */
export function computeBatchResources(
  node: Node,
  pods: readonly Pod[],
  nodeMetric: NodeMetric | undefined,
  strategy: ColocationStrategy,
  now: number,
): BatchResourcesResult {
  const s = applyNodeColocationOverrides(strategy, node);
  const reason = batchDegradeReason(s, nodeMetric, now);
  if (reason !== undefined || nodeMetric === undefined)
    return { degraded: true, reason: reason ?? 'nodeMetricMissing' };

  // Every metric starts dangling until a listed pod claims it. Metrics are matched by namespace/name: first
  // at the pod's own position (no allocation when the caller lists both in the same order), else by an index
  // built on first need.
  const metrics = nodeMetric.podsMetric;
  const claimed = new Uint8Array(metrics.length);
  let index: Map<string, number> | undefined;
  const find = (pod: Pod, at: number): number | undefined => {
    const m = metrics[at];
    if (m !== undefined && m.name === pod.name && m.namespace === pod.namespace) return at;
    if (index === undefined) {
      index = new Map();
      for (let i = metrics.length - 1; i >= 0; i--) index.set(podMetricKey(metrics[i]!.namespace, metrics[i]!.name), i);
    }
    return index.get(podMetricKey(pod.namespace, pod.name));
  };

  let hpReqCpu = 0;
  let hpReqMem = 0;
  let hpUsedCpu = 0;
  let hpUsedMem = 0;
  let hpMaxCpu = 0;
  let hpMaxMem = 0;
  for (let j = 0; j < pods.length; j++) {
    const pod = pods[j]!;
    const i = find(pod, j);
    // Claimed before the priority filter: a batch pod's own metric never counts anywhere.
    if (i !== undefined) claimed[i] = 1;
    if (!isHighPriorityClassForBatch(podPriorityClass(pod))) continue;
    const reqCpu = pod.requests[CPU] ?? 0;
    const reqMem = pod.requests[MEMORY] ?? 0;
    hpReqCpu += reqCpu;
    hpReqMem += reqMem;
    if (i === undefined) {
      // A newly scheduled pod without a metric is assumed to use its request (nothing for maxUsageRequest).
      hpUsedCpu += reqCpu;
      hpUsedMem += reqMem;
      continue;
    }
    const usage = metrics[i]!.usage;
    // LSE pods hold their exclusive cores: CPU counts at request.
    hpUsedCpu += qosClassFromLabel(pod) === 'LSE' ? reqCpu : usage.cpu;
    hpUsedMem += usage.memory;
    hpMaxCpu += Math.max(reqCpu, usage.cpu);
    hpMaxMem += Math.max(reqMem, usage.memory);
  }
  let dangling = 0;
  for (let i = 0; i < metrics.length; i++) {
    if (claimed[i] === 1) continue;
    const m = metrics[i]!;
    if (!isHighPriorityClassForBatch(m.priorityClass)) continue;
    dangling++;
    hpUsedCpu += m.usage.cpu;
    hpUsedMem += m.usage.memory;
    hpMaxCpu += m.usage.cpu;
    hpMaxMem += m.usage.memory;
  }

  let sysCpu = nodeMetric.systemUsage.cpu;
  let sysMem = nodeMetric.systemUsage.memory;
  for (const app of nodeMetric.hostApplicationMetric ?? []) {
    if (!isHighPriorityClassForBatch(app.priorityClass)) continue;
    sysCpu += app.usage.cpu;
    sysMem += app.usage.memory;
  }
  const reserved = nodeReserved(node);

  const cpuPolicy: CalculatePolicy = s.cpuCalculatePolicy === 'maxUsageRequest' ? 'maxUsageRequest' : 'usage';
  const cpu = batchResourceTerms(
    node.capacity[CPU] ?? 0,
    s.cpuReclaimThresholdPercent,
    reserved.cpu,
    sysCpu,
    hpReqCpu,
    hpUsedCpu,
    hpMaxCpu,
    cpuPolicy,
    s.batchCPUThresholdPercent,
  );
  const memory = batchResourceTerms(
    node.capacity[MEMORY] ?? 0,
    s.memoryReclaimThresholdPercent,
    reserved.memory,
    sysMem,
    hpReqMem,
    hpUsedMem,
    hpMaxMem,
    s.memoryCalculatePolicy,
    s.batchMemoryThresholdPercent,
  );
  return {
    degraded: false,
    batchCpu: cpu.value,
    batchMemory: memory.value,
    cpu,
    memory,
    danglingHighPriorityMetrics: dangling,
  };
}

/**
 * The batch amount of one resource from the node-level totals, as the slo-controller computes it once it has
 * summed the node's pods and metrics: capacity, reclaim percent (safety margin), kubelet/annotation
 * reservation, system usage, and the high-priority pods' request, usage and Σ max(request, usage), under the
 * given calculate policy and optional cap. {@link computeBatchResources} sums those totals from a node, its
 * pods and its NodeMetric and then calls this; a simulator that keeps the totals itself can call it directly.
 * Integer units (millicores or bytes).
 */
export function batchResourceTerms(
  capacity: number,
  reclaimPercent: number,
  reserved: number,
  systemUsed: number,
  hpRequest: number,
  hpUsed: number,
  hpMaxUsedRequest: number,
  policy: CalculatePolicy,
  capPercent: number | undefined,
): BatchResourceTerms {
  const safetyMargin = reservePortion(capacity, reclaimPercent);
  const systemOrReserved = Math.max(systemUsed, reserved);
  const byUsage = Math.max(capacity - safetyMargin - systemOrReserved - hpUsed, 0);
  const byRequest = Math.max(capacity - safetyMargin - reserved - hpRequest, 0);
  const byMaxUsageRequest = Math.max(capacity - safetyMargin - systemOrReserved - hpMaxUsedRequest, 0);
  const selected = policy === 'request' ? byRequest : policy === 'maxUsageRequest' ? byMaxUsageRequest : byUsage;
  // Built in place, no spreads: computeBatchResources makes two of these per node.
  const terms: { -readonly [K in keyof BatchResourceTerms]?: BatchResourceTerms[K] } = {
    capacity,
    safetyMargin,
    nodeReserved: reserved,
    systemUsed,
    hpRequest,
    hpUsed,
    hpMaxUsedRequest,
    byUsage,
    byRequest,
    byMaxUsageRequest,
    policy,
  };
  if (capPercent !== undefined) terms.cap = percentPortion(capacity, capPercent);
  terms.value = terms.cap === undefined ? selected : Math.min(selected, terms.cap);
  return terms as BatchResourceTerms;
}

/**
 * The `value` of {@link batchResourceTerms} alone, without building the terms: the batch amount the
 * slo-controller would publish for one resource (same arguments, same integer result; a property test holds
 * the two to each other). For a simulator that recomputes every node every report period.
 */
export function batchResourceValue(
  capacity: number,
  reclaimPercent: number,
  reserved: number,
  systemUsed: number,
  hpRequest: number,
  hpUsed: number,
  hpMaxUsedRequest: number,
  policy: CalculatePolicy,
  capPercent: number | undefined,
): number {
  const safetyMargin = reservePortion(capacity, reclaimPercent);
  let selected: number;
  if (policy === 'request') selected = Math.max(capacity - safetyMargin - reserved - hpRequest, 0);
  else {
    const used = policy === 'maxUsageRequest' ? hpMaxUsedRequest : hpUsed;
    selected = Math.max(capacity - safetyMargin - Math.max(systemUsed, reserved) - used, 0);
  }
  return capPercent === undefined ? selected : Math.min(selected, percentPortion(capacity, capPercent));
}

/** Calculate policies by the codes {@link batchResourceValues} reads: 0 `usage`, 1 `request`, 2 `maxUsageRequest`. */
export const CALCULATE_POLICY_CODES: readonly CalculatePolicy[] = ['usage', 'request', 'maxUsageRequest'];

/**
 * One resource's inputs of the batch calculation for many nodes, as columns (node `g` at index `g`): what
 * {@link batchResourceValue} takes for one node. `policy` holds codes of {@link CALCULATE_POLICY_CODES};
 * `capPercent` is NaN where the node has no cap.
 */
export interface BatchResourceColumns {
  /** Node capacity of the resource (millicores or bytes). */
  readonly capacity: ArrayLike<number>;
  /** The node's reclaim threshold percent (100 − safety margin). */
  readonly reclaimPercent: ArrayLike<number>;
  /** max(kubelet reservation, reservation annotation). */
  readonly reserved: ArrayLike<number>;
  /** System usage outside pods. */
  readonly systemUsed: ArrayLike<number>;
  /** Σ requests of the high-priority pods. */
  readonly hpRequest: ArrayLike<number>;
  /** Σ usage of the high-priority pods. */
  readonly hpUsed: ArrayLike<number>;
  /** Σ max(request, usage) of the high-priority pods. */
  readonly hpMaxUsedRequest: ArrayLike<number>;
  /** Calculate policy code ({@link CALCULATE_POLICY_CODES}). */
  readonly policy: ArrayLike<number>;
  /** Batch cap percent, NaN for none. */
  readonly capPercent: ArrayLike<number>;
}

/**
 * {@link batchResourceValue} for nodes `0 … count − 1` at once, into `out` (same integers node by node): the
 * slo-controller's pass over every node of a cluster each report period, for a simulator that keeps the
 * high-priority totals in columns.
 */
export function batchResourceValues(columns: BatchResourceColumns, count: number, out: Float64Array): void {
  const { capacity, reclaimPercent, reserved, systemUsed, hpRequest, hpUsed, hpMaxUsedRequest, policy, capPercent } =
    columns;
  for (let g = 0; g < count; g++) {
    const cap = capacity[g]!;
    const safetyMargin = Math.trunc(cap * ((100 - reclaimPercent[g]!) / 100));
    const code = policy[g]!;
    let selected: number;
    if (code === 1) selected = cap - safetyMargin - reserved[g]! - hpRequest[g]!;
    else {
      const sys = systemUsed[g]!;
      const res = reserved[g]!;
      selected = cap - safetyMargin - Math.max(sys, res) - (code === 2 ? hpMaxUsedRequest[g]! : hpUsed[g]!);
    }
    if (selected <= 0 && !Number.isNaN(selected)) selected = 0; // Math.max(x, 0): NaN stays NaN
    const capPct = capPercent[g]!;
    if (!Number.isNaN(capPct)) {
      const limit = Math.trunc(cap * (capPct / 100));
      if (limit < selected) selected = limit;
    }
    out[g] = selected;
  }
}
