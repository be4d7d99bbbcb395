import type { ColocationStrategy, Node, NodeMetric, Pod, PodMetric } from '@gleaner/core';
import {
  applyNodeColocationOverrides,
  BATCH_CPU,
  BATCH_MEMORY,
  batchDegradeReason,
  CPU,
  classifyPod,
  computeBatchResources,
  DEFAULT_COLOCATION_STRATEGY,
  isHighPriorityClassForBatch,
  MEMORY,
  nodeReserved,
  PODS,
  qosClassFromLabel,
  reservePortion,
} from '@gleaner/core';
import { runInterleaved, samplesOf } from '../measure.js';
import { mulberry32 } from '../rng.js';
import { latencyFigure, makeRow } from '../row.js';
import type { Suite, SuiteContext, SuiteResult } from '../suite.js';

/**
 * Koordinator batch allocatable for a whole fleet: `computeBatchResources` over 10,000 nodes (6 online pods
 * and 0–3 BE pods each, a NodeMetric per node, some dangling metrics), the slo-controller's work on every
 * metric report. Against a naive recompute of the same formula (usage policy): a fresh `namespace/name`
 * map of the metrics and a full `classifyPod` for every pod of every node. The two must agree on every
 * node's batch-cpu and batch-memory.
 * @module
 */

const Gi = 2 ** 30;

/** One node's inputs. */
interface NodeInput {
  readonly node: Node;
  readonly pods: readonly Pod[];
  readonly metric: NodeMetric;
}

function pod(name: string, priority: number, requests: Record<string, number>, labels: Record<string, string>): Pod {
  return {
    name,
    namespace: 'bench',
    labels,
    annotations: {},
    priority,
    preemptionPolicy: 'PreemptLowerPriority',
    requests,
    limits: {},
    nodeSelector: {},
    tolerations: [],
  };
}

function makeInputs(count: number, now: number): NodeInput[] {
  const r = mulberry32(21);
  return Array.from({ length: count }, (_, i) => {
    const cores = r() < 0.5 ? 32 : 64;
    const cpu = cores * 1000;
    const memory = cores * 4 * Gi;
    const node: Node = {
      name: `node-${i}`,
      labels: {},
      annotations: {},
      taints: [],
      capacity: { [CPU]: cpu, [MEMORY]: memory, [PODS]: 110 },
      allocatable: { [CPU]: cpu - 500, [MEMORY]: memory - 2 * Gi, [PODS]: 110 },
      unschedulable: false,
      virtual: false,
    };
    const pods: Pod[] = [];
    const metrics: PodMetric[] = [];
    for (let k = 0; k < 6; k++) {
      const reqCpu = 1000 + Math.floor(r() * 3000);
      const reqMem = (2 + Math.floor(r() * 6)) * Gi;
      const lse = k === 0 && r() < 0.1;
      pods.push(
        pod(
          `online-${i}-${k}`,
          0,
          { [CPU]: reqCpu, [MEMORY]: reqMem },
          lse ? { 'koordinator.sh/qosClass': 'LSE' } : {},
        ),
      );
      metrics.push({
        namespace: 'bench',
        name: `online-${i}-${k}`,
        usage: { cpu: Math.floor(reqCpu * (0.2 + r())), memory: Math.floor(reqMem * (0.3 + 0.6 * r())) },
        priorityClass: 'koord-prod',
        qosClass: lse ? 'LSE' : 'LS',
      });
    }
    const be = Math.floor(r() * 4);
    for (let k = 0; k < be; k++) {
      pods.push(pod(`be-${i}-${k}`, 5500, { [BATCH_CPU]: 2000, [BATCH_MEMORY]: 4 * Gi }, {}));
      metrics.push({
        namespace: 'bench',
        name: `be-${i}-${k}`,
        usage: { cpu: Math.floor(2000 * r()), memory: Math.floor(4 * Gi * r()) },
        priorityClass: 'koord-batch',
        qosClass: 'BE',
      });
    }
    if (r() < 0.1) {
      // A pod that has just gone: its metric lingers (dangling) and counts as high priority.
      metrics.push({
        namespace: 'bench',
        name: `gone-${i}`,
        usage: { cpu: 500, memory: Gi },
        priorityClass: 'koord-prod',
        qosClass: 'LS',
      });
    }
    const podsUsage = metrics.reduce((s, m) => s + m.usage.cpu, 0);
    const podsMemory = metrics.reduce((s, m) => s + m.usage.memory, 0);
    const metric: NodeMetric = {
      updateTime: now,
      nodeUsage: { cpu: podsUsage + 300, memory: podsMemory + 2 * Gi },
      systemUsage: { cpu: 300 + Math.floor(r() * 400), memory: 2 * Gi },
      podsMetric: metrics,
    };
    return { node, pods, metric };
  });
}

/**
 * The naive recompute (usage policy only, no caps): the formula read straight off Koordinator's docs, with a
 * map of the metrics built per node and every pod fully classified.
 */
export function naiveBatch(
  input: NodeInput,
  strategy: ColocationStrategy,
  now: number,
): { readonly cpu: number; readonly memory: number } | undefined {
  const s = applyNodeColocationOverrides(strategy, input.node);
  if (batchDegradeReason(s, input.metric, now) !== undefined) return undefined;
  const byKey = new Map<string, PodMetric>();
  for (const m of input.metric.podsMetric) byKey.set(`${m.namespace}/${m.name}`, m);
  const seen = new Set<string>();
  let hpCpu = 0;
  let hpMemory = 0;
  for (const p of input.pods) {
    const key = `${p.namespace}/${p.name}`;
    const m = byKey.get(key);
    if (m !== undefined) seen.add(key);
    if (!isHighPriorityClassForBatch(classifyPod(p).priorityClass)) continue;
    const reqCpu = p.requests[CPU] ?? 0;
    if (m === undefined) {
      hpCpu += reqCpu;
      hpMemory += p.requests[MEMORY] ?? 0;
    } else {
      hpCpu += qosClassFromLabel(p) === 'LSE' ? reqCpu : m.usage.cpu;
      hpMemory += m.usage.memory;
    }
  }
  for (const [key, m] of byKey) {
    if (seen.has(key) || !isHighPriorityClassForBatch(m.priorityClass)) continue;
    hpCpu += m.usage.cpu;
    hpMemory += m.usage.memory;
  }
  const reserved = nodeReserved(input.node);
  const formula = (capacity: number, percent: number, system: number, reservedAmount: number, hp: number): number =>
    Math.max(capacity - reservePortion(capacity, percent) - Math.max(system, reservedAmount) - hp, 0);
  return {
    cpu: formula(
      input.node.capacity[CPU] ?? 0,
      s.cpuReclaimThresholdPercent,
      input.metric.systemUsage.cpu,
      reserved.cpu,
      hpCpu,
    ),
    memory: formula(
      input.node.capacity[MEMORY] ?? 0,
      s.memoryReclaimThresholdPercent,
      input.metric.systemUsage.memory,
      reserved.memory,
      hpMemory,
    ),
  };
}

async function run(context: SuiteContext): Promise<SuiteResult> {
  const count = context.quick ? 2000 : 10_000;
  const now = 600_000;
  const inputs = makeInputs(count, now);
  const strategy: ColocationStrategy = { ...DEFAULT_COLOCATION_STRATEGY, enable: true };
  let mismatches = 0;
  for (const input of inputs) {
    const fast = computeBatchResources(input.node, input.pods, input.metric, strategy, now);
    const slow = naiveBatch(input, strategy, now);
    const same = fast.degraded
      ? slow === undefined
      : slow !== undefined && slow.cpu === fast.batchCpu && slow.memory === fast.batchMemory;
    if (!same) mismatches++;
  }
  context.log(`colocation: computeBatchResources over ${count} nodes per call`);
  const samples = runInterleaved(
    [
      {
        name: 'core',
        fn: () => {
          let sum = 0;
          for (const x of inputs) {
            const b = computeBatchResources(x.node, x.pods, x.metric, strategy, now);
            if (!b.degraded) sum += b.batchCpu;
          }
          return sum;
        },
        opsPerCall: count,
      },
      {
        name: 'naive',
        fn: () => {
          let sum = 0;
          for (const x of inputs) sum += naiveBatch(x, strategy, now)?.cpu ?? 0;
          return sum;
        },
        opsPerCall: count,
      },
    ],
    { rounds: context.quick ? 2 : 7, iterations: context.quick ? 2 : 5 },
  );
  const core = samplesOf(samples, 'core');
  const naive = samplesOf(samples, 'naive');
  return {
    rows: [
      makeRow({
        id: 'colocation/batch-10k',
        title: `computeBatchResources, ${count.toLocaleString('en-US')} nodes (6 LS + 0–3 BE pods each)`,
        unit: 'nodes/s',
        samples: core.roundRates,
        latency: latencyFigure(core.latenciesMs, 'ms'),
        baseline: { name: 'naive recompute (metric map + classifyPod per pod)', samples: naive.roundRates },
        mismatches,
        notes: `latency = one pass over all ${count.toLocaleString('en-US')} nodes`,
      }),
    ],
    details: { nodes: count, mismatches },
  };
}

/** The batch-resource suite. */
export const batchResourcesSuite: Suite = {
  name: 'colocation',
  description: 'Koordinator batch allocatable for 10,000 nodes vs a naive recompute',
  byDefault: true,
  rowIds: ['colocation/batch-10k'],
  run,
};
