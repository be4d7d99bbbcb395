import {
  applyNodeColocationOverrides,
  BATCH_CPU,
  BATCH_MEMORY,
  beCpuCeiling,
  beMemoryEviction,
  type ClusterScorer,
  type ColocationStrategy,
  CPU,
  colocationStrategyForNode,
  computeBatchResources,
  createSparkLifecycle,
  executorAllocationSettings,
  executorsToRequest,
  type FleetReservation,
  type FleetSnapshot,
  isHighPriorityForBatch,
  isTerminalSparkState,
  MEMORY,
  type MemberNodeLayout,
  MutableClusterState,
  memberNodeLayout,
  type Node,
  type NodeMetric,
  nodeReserved,
  noPreoccupation,
  PODS,
  type Pod,
  type PodMetric,
  qosClassFromLabel,
  type ResourceList,
  resourceThresholdStrategyForNode,
  type ScheduledDecision,
  type SparkLifecycleAction,
  type SparkLifecycleEvent,
  scheduleInCluster,
  scheduleOnFleet,
  sparkApplicationResource,
  sparkLifecycleConfig,
  sparkPods,
  transitionSparkLifecycle,
} from '@gleaner/core';
import { Engine, Phase } from '../engine/index.js';
import { LoadBank } from '../load/index.js';
import type { JobRecord } from '../metrics/index.js';
import { BatchKernel } from './BatchKernel.js';
import type { JobPod, JobRuntime } from './JobRuntime.js';
import { MetricsCollector } from './MetricsCollector.js';
import { NodeTable } from './NodeTable.js';
import { OnlinePods } from './OnlinePods.js';
import { SyncedMember } from './SyncedMember.js';
import { jobRecord } from './summarise.js';
import type { MemberConfig, WorldConfig } from './WorldConfig.js';

/** Window of the koordlet's metric average (`metricAggregateDurationSeconds`), in load ticks. */
function windowTicks(aggregateMs: number, tickMs: number): number {
  return Math.max(1, Math.round(aggregateMs / tickMs));
}

/**
 * Pod `i`'s part of a node's online usage split evenly over its `parts` online pods; the first pod also takes
 * the remainder, so the parts add up exactly. The reported NodeMetric and the batch totals both use it.
 */
function evenShare(total: number, parts: number, i: number): number {
  const base = Math.floor(total / parts);
  return i === 0 ? total - base * (parts - 1) : base;
}

/**
 * `usage[g] = round(fraction[g] × capacity[g])` for the first `n` nodes. A function of its own so the hot
 * loop is optimised with the function (V8 kept deoptimising it when it lived inside the tick handler).
 */
function toUsage(fraction: Float64Array, capacity: Float64Array, usage: Float64Array, n: number): void {
  for (let g = 0; g < n; g++) usage[g] = Math.round(fraction[g]! * capacity[g]!);
}

/**
 * Writes each node's new sample into slot `pos` of its `w`-slot window and keeps the window's running sum
 * (integer usages, so the sum stays exact).
 */
function pushSamples(
  sample: Float64Array,
  window: Float64Array,
  sums: Float64Array,
  w: number,
  pos: number,
  n: number,
): void {
  for (let g = 0; g < n; g++) {
    const k = g * w + pos;
    const v = sample[g]!;
    sums[g] = sums[g]! + v - window[k]!;
    window[k] = v;
  }
}

/** The record of an application spark-submit could not create pods for: FAILED at its submission. */
function failedAtSubmission(arrival: WorldConfig['arrivals'][number], now: number): JobRecord {
  return {
    name: arrival.app.name,
    namespace: arrival.app.namespace,
    workload: arrival.workload,
    state: 'FAILED',
    submitMs: now,
    dispatchMs: null,
    startMs: null,
    finishMs: now,
    waitMs: null,
    runMs: null,
    member: null,
    executors: arrival.app.executor.instances ?? 1,
    workCoreMs: Math.round(arrival.workMilliCoreMs / 1000),
    attempts: 0,
    reschedules: 0,
    evictions: 0,
  };
}

/** The per-member runtime: its scheduler state, its pending pods and the published batch resources. */
interface MemberRuntime {
  readonly index: number;
  readonly config: MemberConfig;
  readonly state: MutableClusterState;
  /** Global node index of the member's first node; its nodes are contiguous. */
  readonly firstNode: number;
  readonly nodeCount: number;
  readonly nodeNames: readonly string[];
  /** Pods waiting for a node, in arrival order. */
  pending: JobPod[];
  scheduleQueued: boolean;
  /** Whether some node's published batch resources changed since the fleet last synced the member. */
  batchAllocatableChanged: boolean;
  /** Whether pods were bound or removed since the fleet last synced it. */
  requestedChanged: boolean;
  /** Bumped whenever room may have appeared (pods removed, batch allocatable raised). */
  generation: number;
  /** Generation and time at which each pending pod last failed to schedule. */
  readonly failedAt: Map<JobPod, { generation: number; atMs: number }>;
  /** The fleet's view of this member as of its last sync. */
  synced: SyncedMember;
  /** Names, taints and stated resources of the member's nodes for the fleet's index (set at the first sync). */
  layout: MemberNodeLayout | undefined;
}

/** A held preoccupation placeholder: resources reserved on one node for one application. */
interface Placeholder {
  readonly job: number;
  readonly member: number;
  readonly node: number;
  pod: Pod;
}

const RESERVE_NAMESPACE = 'gleaner-preoccupation';
/** kube-scheduler retries an unschedulable pod at the latest after this long, even with no cluster event. */
const UNSCHEDULABLE_FLUSH_MS = 300_000;

/**
 * The simulated fleet: mutable state that applies core's decisions, driven by the engine's control loops at
 * their real periods — online load ticks, koordlet metric reports and batch publishing, the koordlet BE CPU
 * ceiling and memory eviction, member scheduling, the fleet's sync, Gang dispatch, preoccupation and
 * timeout reschedule, and the Spark lifecycle of every application.
 */
export class World {
  readonly engine: Engine;
  readonly nodes: NodeTable;
  readonly metrics: MetricsCollector;
  private readonly config: WorldConfig;
  private readonly members: MemberRuntime[] = [];
  private readonly nodeObjects: Node[] = [];
  /** Pods on each node (online and Spark), for koordlet's per-pod view. */
  private readonly podsOnNode: Pod[][] = [];
  /** Colocation strategy of each node (cluster config, node config, node annotation and labels applied). */
  private readonly nodeStrategy: ColocationStrategy[] = [];
  /** max(kubelet reservation, reservation annotation) of each node. */
  private readonly nodeReservedCache: { cpu: number; memory: number }[] = [];
  /** Per online pod: 0 not high-priority for batch, 1 high-priority, 2 high-priority LSE (cpu at request). */
  private readonly onlineHp: Uint8Array[] = [];
  /** Per online pod: its cpu / memory request. */
  private readonly onlineReqCpu: Float64Array[] = [];
  private readonly onlineReqMemory: Float64Array[] = [];
  /** Spark pods bound to each node, and how many (a typed column the per-report pass scans cheaply). */
  private readonly jobPodsOnNode: JobPod[][] = [];
  private readonly jobPodCount: Int32Array;
  /** Reusable metric entries of each node's online pods (usage refreshed in place at each report). */
  private readonly onlineMetrics: {
    namespace: string;
    name: string;
    usage: { cpu: number; memory: number };
    priorityClass: 'koord-prod';
    qosClass: 'LS';
  }[][] = [];
  /** Online pods of each node (their usage is the node's online usage, split evenly). */
  private readonly onlinePodsOnNode: (readonly Pod[])[] = [];
  private readonly window: number;
  private readonly windowCpu: Float64Array;
  private readonly windowMemory: Float64Array;
  /** Per node: the sum of its window (integer usages, so the running sum is exact). */
  private readonly windowSumCpu: Float64Array;
  private readonly windowSumMemory: Float64Array;
  private windowFill = 0;
  private windowPos = 0;
  /** Nodes whose BE pods' CPU share changed since the last rate refresh (binds, removals, a new ceiling). */
  private readonly rateDirty = new Set<number>();
  private readonly jobs: JobRuntime[] = [];
  /** Every submission in order: a running application, or the final record of one failed at submission. */
  private readonly submissions: (JobRuntime | JobRecord)[] = [];
  /** When koordlet last evicted for memory on each node (ms), −1 never: its cool-down starts there. */
  private readonly lastMemoryEviction: Float64Array;
  /**
   * Bumped when a sync sees any member change. A waiting application that failed against the current
   * version is not re-decided until it changes: the same view gives the same answer.
   */
  private fleetVersion = 0;
  private readonly jobPodByKey = new Map<string, { job: JobRuntime; pod: JobPod }>();
  private readonly fleetQueue: JobRuntime[] = [];
  private fleetReservations: FleetReservation[] = [];
  private readonly placeholders: Placeholder[] = [];
  private fleetQueued = false;
  private roundRobin = 0;
  private readonly scorer: ClusterScorer;
  /** Every node's online load curves, evaluated together each tick into the fraction columns. */
  private readonly cpuLoad: LoadBank;
  private readonly memoryLoad: LoadBank;
  private readonly loadFraction: Float64Array;
  private readonly loadFractionMemory: Float64Array;
  /** The batch calculation over all nodes, as columns. */
  private readonly batch: BatchKernel;
  /** The online pods' high-priority sums for the batch calculation. */
  private readonly onlinePods: OnlinePods;

  constructor(config: WorldConfig) {
    this.config = config;
    this.engine = new Engine();
    let total = 0;
    for (const m of config.members) total += m.nodes.length;
    this.nodes = new NodeTable(total);
    const strategy = config.slo.colocation;
    this.window = windowTicks(strategy.metricAggregateDurationSeconds * 1000, config.loadTickMs);
    this.windowCpu = new Float64Array(total * this.window);
    this.windowMemory = new Float64Array(total * this.window);
    this.windowSumCpu = new Float64Array(total);
    this.windowSumMemory = new Float64Array(total);
    this.metrics = new MetricsCollector(config, this.nodes);
    this.lastMemoryEviction = new Float64Array(total).fill(-1);
    this.jobPodCount = new Int32Array(total);
    this.scorer = this.makeScorer();
    this.metrics.setMemberNames(config.members.map((m) => m.name));

    let g = 0;
    config.members.forEach((mc, index) => {
      const nodes = mc.nodes.map((n) => n.node);
      const pods: Pod[] = [];
      for (const n of mc.nodes) for (const p of n.onlinePods) pods.push({ ...p, nodeName: n.node.name });
      const state = new MutableClusterState({ nodes, pods });
      const firstNode = g;
      for (const n of mc.nodes) {
        const t = this.nodes;
        t.member[g] = index;
        t.capacityCpu[g] = n.node.capacity[CPU] ?? 0;
        t.capacityMemory[g] = n.node.capacity[MEMORY] ?? 0;
        t.reservedCpu[g] = Math.max(0, t.capacityCpu[g]! - (n.node.allocatable[CPU] ?? 0));
        t.reservedMemory[g] = Math.max(0, t.capacityMemory[g]! - (n.node.allocatable[MEMORY] ?? 0));
        t.systemCpu[g] = n.systemCpu;
        t.systemMemory[g] = n.systemMemory;
        t.virtual[g] = n.node.virtual ? 1 : 0;
        this.nodeObjects.push(n.node);
        this.onlinePodsOnNode.push(n.onlinePods.map((p) => ({ ...p, nodeName: n.node.name })));
        this.podsOnNode.push([...this.onlinePodsOnNode[g]!]);
        this.jobPodsOnNode.push([]);
        this.nodeStrategy.push(applyNodeColocationOverrides(colocationStrategyForNode(config.slo, n.node), n.node));
        this.nodeReservedCache.push(nodeReserved(n.node));
        this.onlineReqCpu.push(Float64Array.from(n.onlinePods, (p) => p.requests[CPU] ?? 0));
        this.onlineReqMemory.push(Float64Array.from(n.onlinePods, (p) => p.requests[MEMORY] ?? 0));
        this.onlineHp.push(
          Uint8Array.from(n.onlinePods, (p) =>
            !isHighPriorityForBatch(p) ? 0 : qosClassFromLabel(p) === 'LSE' ? 2 : 1,
          ),
        );
        this.onlineMetrics.push(
          this.onlinePodsOnNode[g]!.map((p) => ({
            namespace: p.namespace,
            name: p.name,
            usage: { cpu: 0, memory: 0 },
            priorityClass: 'koord-prod' as const,
            qosClass: 'LS' as const,
          })),
        );
        g++;
      }
      const runtime: MemberRuntime = {
        index,
        config: mc,
        state,
        firstNode,
        nodeCount: mc.nodes.length,
        nodeNames: nodes.map((n) => n.name),
        pending: [],
        scheduleQueued: false,
        generation: 0,
        failedAt: new Map(),
        batchAllocatableChanged: true,
        requestedChanged: true,
        synced: undefined as unknown as SyncedMember,
        layout: undefined,
      };
      this.members.push(runtime);
    });
    this.batch = new BatchKernel(this.nodeStrategy, this.nodeReservedCache, this.nodes);
    this.onlinePods = new OnlinePods(
      this.onlineHp.map((flags, g) => ({ flags, cpu: this.onlineReqCpu[g]!, memory: this.onlineReqMemory[g]! })),
    );
    const nodes = config.members.flatMap((m) => m.nodes);
    this.cpuLoad = new LoadBank(nodes.map((n) => n.cpuLoad));
    this.memoryLoad = new LoadBank(nodes.map((n) => n.memoryLoad));
    this.loadFraction = new Float64Array(total);
    this.loadFractionMemory = new Float64Array(total);
  }

  /** Runs the whole scenario; `onProgress` is called with simulated time as the run advances. */
  run(onProgress?: (simMs: number, totalMs: number) => void): void {
    const c = this.config;
    const e = this.engine;
    this.warmStart();
    e.every(c.loadTickMs, c.loadTickMs, Phase.INPUT, () => this.loadTick());
    const reportMs = c.slo.colocation.metricReportIntervalSeconds * 1000;
    e.every(reportMs, reportMs, Phase.CONTROL, () => this.koordletReport(false));
    e.every(c.fleet.syncPeriodMs, c.fleet.syncPeriodMs, Phase.CONTROL + 1, () => this.syncFleet());
    e.every(c.fleet.retryIntervalMs, c.fleet.retryIntervalMs, Phase.SCHEDULE, () => {
      if (this.fleetQueue.length > 0) this.queueFleet();
    });
    e.every(c.sampleIntervalMs, 0, Phase.OBSERVE, () => this.metrics.sample(e.now, this.members));
    for (const arrival of c.arrivals) {
      if (arrival.atMs > c.durationMs) break;
      e.schedule(arrival.atMs, Phase.INPUT + 1, () => this.submit(arrival));
    }
    if (onProgress !== undefined) {
      const step = Math.max(c.loadTickMs, Math.floor(c.durationMs / 200));
      e.every(step, step, Phase.OBSERVE + 1, () => onProgress(e.now, c.durationMs));
    }
    e.run(c.durationMs);
    this.metrics.integrate(c.durationMs);
    this.metrics.finishVirtual(c.durationMs);
    onProgress?.(c.durationMs, c.durationMs);
  }

  /**
   * Brings the world to a steady state at the engine's current time without running any loop: online load
   * evaluated, koordlet's metric window filled, batch resources published and the fleet synced — as a
   * fleet that has been running for a while would be when the first application arrives.
   */
  warmStart(): void {
    this.loadTick();
    for (let i = 1; i < this.window; i++) this.pushWindow();
    this.koordletReport(true);
    this.syncFleet();
  }

  /** The fleet's view of its members as of the last sync, with the preoccupation holds made since. */
  fleetSnapshot(): FleetSnapshot {
    const now = this.engine.now;
    const held = this.fleetReservations.filter((r) => r.expiresAtMs > now);
    return {
      members: this.members.map((m) =>
        m.synced.at(
          m.synced.syncedAt,
          held.filter((r) => r.member === m.config.name),
        ),
      ),
    };
  }

  /** The applications the fleet took (those whose pods could be made), in submission order. */
  get allJobs(): readonly JobRuntime[] {
    return this.jobs;
  }

  /** One record per submitted application, in submission order (those failed at submission included). */
  jobRecords(): JobRecord[] {
    return this.submissions.map((s) => ('lifecycle' in s ? jobRecord(s) : s));
  }

  /** Member names in scenario order. */
  get memberNames(): readonly string[] {
    return this.members.map((m) => m.config.name);
  }

  // ---------------------------------------------------------------- online load and koordlet

  private loadTick(): void {
    const t = this.nodes;
    const now = this.engine.now;
    this.metrics.integrate(now);
    const cpu = this.loadFraction;
    const memory = this.loadFractionMemory;
    this.cpuLoad.evaluate(now, cpu);
    this.memoryLoad.evaluate(now, memory);
    toUsage(cpu, t.capacityCpu, t.onlineCpu, t.size);
    toUsage(memory, t.capacityMemory, t.onlineMemory, t.size);
    this.pushWindow();
    this.enforceQoS();
    this.metrics.onLoadTick(now);
  }

  private pushWindow(): void {
    const pos = this.windowPos;
    this.windowPos = (pos + 1) % this.window;
    this.windowFill = Math.min(this.window, this.windowFill + 1);
    const t = this.nodes;
    pushSamples(t.onlineCpu, this.windowCpu, this.windowSumCpu, this.window, pos, t.size);
    pushSamples(t.onlineMemory, this.windowMemory, this.windowSumMemory, this.window, pos, t.size);
  }

  /** Node `g`'s online usage averaged over the aggregate window (slots not yet filled hold 0). */
  private averaged(sums: Float64Array, g: number): number {
    const fill = this.windowFill;
    return fill === 0 ? 0 : Math.round(sums[g]! / fill);
  }

  /** The NodeMetric of node `g`: usage averaged over the aggregate window, or the latest sample. */
  private nodeMetric(g: number, now: number, averaged: boolean): NodeMetric {
    const t = this.nodes;
    const online = this.onlinePodsOnNode[g]!;
    // slo-controller reads the aggregate-window average; koordlet's QoS loops read the latest sample.
    const onlineCpu = averaged ? this.averaged(this.windowSumCpu, g) : t.onlineCpu[g]!;
    const onlineMemory = averaged ? this.averaged(this.windowSumMemory, g) : t.onlineMemory[g]!;
    // The world owns these metric objects and refreshes them in place: the report is read synchronously.
    const cached = this.onlineMetrics[g]!;
    const share = online.length;
    for (let i = 0; i < share; i++) {
      // Split the node's online usage evenly over its online pods; the remainder goes to the first.
      const usage = cached[i]!.usage;
      usage.cpu = evenShare(onlineCpu, share, i);
      usage.memory = evenShare(onlineMemory, share, i);
    }
    const jobPods = this.jobPodsOnNode[g]!;
    const podsMetric: PodMetric[] = jobPods.length === 0 ? cached : [...cached];
    let beCpu = 0;
    let beMemory = 0;
    for (const jp of jobPods) {
      if (jp.phase !== 'running') continue;
      const cpu = this.grantedCpu(jp);
      beCpu += cpu;
      beMemory += jp.memory;
      podsMetric.push({
        namespace: jp.pod.namespace,
        name: jp.pod.name,
        usage: { cpu, memory: jp.memory },
        priorityClass: jp.be ? 'koord-batch' : 'none',
        qosClass: jp.be ? 'BE' : 'LS',
      });
    }
    return {
      updateTime: now,
      nodeUsage: { cpu: onlineCpu + beCpu + t.systemCpu[g]!, memory: onlineMemory + beMemory + t.systemMemory[g]! },
      systemUsage: { cpu: t.systemCpu[g]!, memory: t.systemMemory[g]! },
      podsMetric,
    };
  }

  /**
   * koordlet reports NodeMetric; slo-controller recomputes batch resources and (by the publish rule) writes
   * them to the node. Only a changed value touches the member's scheduler state and marks it for the fleet.
   */
  private koordletReport(initial: boolean): void {
    const now = this.engine.now;
    const t = this.nodes;
    const k = this.batch;
    this.highPriorityTotals();
    k.compute();
    if (!initial) k.decide(now);
    const verify = this.config.verifyKernels === true;
    for (const m of this.members) {
      let raised = false;
      for (let i = 0; i < m.nodeCount; i++) {
        const g = m.firstNode + i;
        if (t.virtual[g] === 1) continue;
        // koordlet reports every period in the world, so a node's metric is never missing or stale.
        if (verify) this.verifyBatch(g, now, k.enable[g] === 1);
        if (!initial && k.publish[g] === 0) continue;
        const next = k.batchCpu[g]!;
        const nextMemory = k.batchMemory[g]!;
        k.publishedCpu[g] = next;
        k.publishedMemory[g] = nextMemory;
        t.batchPublishedAt[g] = now;
        // A reset node carries no batch resources: the scheduler sees 0.
        const cpu = Number.isNaN(next) ? 0 : next;
        const memory = Number.isNaN(nextMemory) ? 0 : nextMemory;
        if (!initial && cpu === t.batchCpu[g] && memory === t.batchMemory[g]) continue; // rewritten as it was
        if (cpu > t.batchCpu[g]! || memory > t.batchMemory[g]!) raised = true;
        t.batchCpu[g] = cpu;
        t.batchMemory[g] = memory;
        m.batchAllocatableChanged = true;
        m.state.patchAllocatable(i, BATCH_CPU, cpu);
        m.state.patchAllocatable(i, BATCH_MEMORY, memory);
      }
      if (raised) this.roomFreed(m);
    }
  }

  /**
   * Every node's high-priority totals for the batch calculation, from the world's running state: the same
   * sums `computeBatchResources` makes from a node's pods and NodeMetric (online pods at their share of the
   * averaged usage, Spark pods at their granted CPU, at request before their first metric). Avoids building
   * a NodeMetric per node per report; `verifyKernels` checks the result against `computeBatchResources`.
   */
  private highPriorityTotals(): void {
    const k = this.batch;
    this.onlinePods.totals(this.windowSumCpu, this.windowSumMemory, this.windowFill, k);
    const counts = this.jobPodCount;
    for (let g = 0; g < this.nodes.size; g++) {
      if (counts[g] === 0) continue;
      const jobPods = this.jobPodsOnNode[g]!;
      for (let j = 0; j < jobPods.length; j++) {
        const jp = jobPods[j]!;
        if (!jp.hp) continue;
        const rc = jp.pod.requests[CPU] ?? 0;
        const rm = jp.pod.requests[MEMORY] ?? 0;
        k.hpRequestCpu[g] = k.hpRequestCpu[g]! + rc;
        k.hpRequestMemory[g] = k.hpRequestMemory[g]! + rm;
        if (jp.phase !== 'running') {
          // No metric yet: counted at request.
          k.hpUsedCpu[g] = k.hpUsedCpu[g]! + rc;
          k.hpUsedMemory[g] = k.hpUsedMemory[g]! + rm;
          continue;
        }
        const uc = this.grantedCpu(jp);
        k.hpUsedCpu[g] = k.hpUsedCpu[g]! + uc;
        k.hpUsedMemory[g] = k.hpUsedMemory[g]! + jp.memory;
        k.hpMaxCpu[g] = k.hpMaxCpu[g]! + Math.max(rc, uc);
        k.hpMaxMemory[g] = k.hpMaxMemory[g]! + Math.max(rm, jp.memory);
      }
    }
  }

  /** Debug check: the running-totals kernel agrees with core's `computeBatchResources` on node `g`. */
  private verifyBatch(g: number, now: number, computed: boolean): void {
    const node = this.nodeObjects[g]!;
    const slow = computeBatchResources(
      node,
      this.podsOnNode[g]!,
      this.nodeMetric(g, now, true),
      this.nodeStrategy[g]!,
      now,
    );
    const a = computed ? `${this.batch.batchCpu[g]}/${this.batch.batchMemory[g]}` : 'degraded';
    const b = slow.degraded ? 'degraded' : `${slow.batchCpu}/${slow.batchMemory}`;
    if (a !== b) throw new Error(`batch kernel mismatch on ${node.name} at ${now} ms: world ${a}, core ${b}`);
  }

  /** koordlet QoS: the BE CPU ceiling of every node running BE pods, and BE memory eviction. */
  private enforceQoS(): void {
    const t = this.nodes;
    const now = this.engine.now;
    for (let g = 0; g < t.size; g++) {
      if (t.beRequestCpu[g] === 0 && t.beRequestMemory[g] === 0) {
        t.beGrantedCpu[g] = 0;
        continue;
      }
      const grantedBefore = t.beGrantedCpu[g];
      const node = this.nodeObjects[g]!;
      const thresholds = resourceThresholdStrategyForNode(this.config.slo, node);
      const sample = this.nodeMetric(g, now, false);
      const ceiling = beCpuCeiling({ node, pods: this.podsOnNode[g]!, sample, strategy: thresholds });
      t.beCeilingCpu[g] = ceiling.enabled ? ceiling.ceilingMilli : Number.POSITIVE_INFINITY;
      this.updateGranted(g);
      if (t.beGrantedCpu[g] !== grantedBefore) this.rateDirty.add(g);
      const eviction = beMemoryEviction({
        node,
        pods: this.podsOnNode[g]!,
        sample,
        strategy: thresholds,
        now,
        ...(this.lastMemoryEviction[g]! >= 0 ? { lastEvictionTime: this.lastMemoryEviction[g]! } : {}),
      });
      if (eviction.outcome === 'evict') {
        this.lastMemoryEviction[g] = now;
        for (const victim of eviction.victims) this.evict(victim, now, victim.reason);
      }
    }
    this.refreshRates();
  }

  /** BE pods on node `g` share the ceiling in proportion to their batch-cpu requests (cfs shares). */
  private updateGranted(g: number): void {
    const t = this.nodes;
    const demand = t.beRequestCpu[g]!;
    const ceiling = t.beCeilingCpu[g]!;
    t.beGrantedCpu[g] = Math.min(demand, Math.max(0, ceiling));
  }

  private grantedCpu(pod: JobPod): number {
    if (!pod.be) return pod.cpu;
    const t = this.nodes;
    const demand = t.beRequestCpu[pod.node]!;
    if (demand <= 0) return pod.cpu;
    return Math.floor((pod.cpu * t.beGrantedCpu[pod.node]!) / demand);
  }

  // ---------------------------------------------------------------- fleet

  private makeScorer(): ClusterScorer {
    const s = this.config.fleet.scorer;
    if (typeof s === 'function') return s;
    if (s === 'random') return () => this.config.scorerRandom();
    // Round robin: prefer the member after the last one chosen.
    return ({ member }) => {
      const i = this.members.findIndex((m) => m.config.name === member.name);
      const n = this.members.length;
      return -((i - this.roundRobin + n) % n);
    };
  }

  /**
   * The fleet's view of each member as of now: a changed member's scheduler columns (allocatable with the
   * published batch resources, requested) are copied; an unchanged one keeps its last copy, re-stamped.
   */
  private syncFleet(): void {
    const now = this.engine.now;
    let changed = false;
    for (const m of this.members) {
      if (!m.batchAllocatableChanged && !m.requestedChanged) {
        m.synced = m.synced.at(now, []);
        continue;
      }
      changed = true;
      const view = m.state.view();
      m.layout ??= memberNodeLayout(Array.from({ length: view.nodeCount }, (_, i) => view.node(i)));
      const allocating: Record<string, number> = {};
      for (const jp of m.pending) {
        for (const k in jp.pod.requests) allocating[k] = (allocating[k] ?? 0) + jp.pod.requests[k]!;
        allocating[PODS] = (allocating[PODS] ?? 0) + 1;
      }
      m.synced = SyncedMember.sync(m.config, m.layout, view, allocating, now, m.synced, {
        batchAllocatable: m.batchAllocatableChanged,
        // Nothing else of a node's allocatable moves in the world, nor is any node cordoned.
        allocatable: false,
        requested: m.requestedChanged,
      });
      m.batchAllocatableChanged = false;
      m.requestedChanged = false;
    }
    // Holds made before this sync are now visible in the members' state as placeholders.
    this.fleetReservations = [];
    if (changed) this.fleetVersion++;
  }

  private queueFleet(): void {
    if (this.fleetQueued) return;
    this.fleetQueued = true;
    this.engine.schedule(this.engine.now, Phase.SCHEDULE + 1, () => {
      this.fleetQueued = false;
      this.fleetCycle();
    });
  }

  /** The global scheduler tries every waiting application in submission order (a non-blocking queue). */
  private fleetCycle(): void {
    const waiting = this.fleetQueue.splice(0);
    for (const job of waiting) {
      if (job.triedAtFleetVersion === this.fleetVersion) {
        this.fleetQueue.push(job);
        continue;
      }
      if (!this.dispatch(job)) {
        job.triedAtFleetVersion = this.fleetVersion;
        this.fleetQueue.push(job);
      }
    }
  }

  private dispatch(job: JobRuntime): boolean {
    const now = this.engine.now;
    const c = this.config.fleet;
    const started = performance.now();
    const decision = scheduleOnFleet(
      this.fleetSnapshot(),
      sparkApplicationResource(job.app, job.sparkPods),
      this.config.policies,
      {
        nowMs: now,
        failedMembers: [...job.failedMembers],
        dispenser: c.dispenser,
        scorer: this.scorer,
        preoccupationMinVersion: c.preoccupationMinVersion,
        preoccupationTtlMs: c.preoccupationTtlMs,
        ...(c.preoccupation ? {} : { preoccupation: noPreoccupation }),
      },
    );
    this.metrics.fleetDecision(performance.now() - started);
    if (decision.kind !== 'scheduled') return false;
    const target = decision.targetClusters[0]!.name;
    const member = this.members.find((m) => m.config.name === target)!;
    this.roundRobin = (member.index + 1) % this.members.length;
    job.member = member.index;
    job.lastMember = target;
    job.dispatchedAtMs = now;
    job.dispatchMs ??= now;
    this.metrics.event(now, 'dispatch', target, job.app.name, decision.message);
    if (c.preoccupation) this.preoccupy(job, member, decision);
    job.cancelTimeout = this.engine.after(c.rescheduleTimeoutMs, Phase.CONTROL, () => this.checkTimeout(job)).cancel;
    this.lifecycle(job, { type: 'enqueued', atMs: now });
    return true;
  }

  /** Preoccupation: the fleet's holds become placeholder pods on the chosen nodes, consumed by the job's pods. */
  private preoccupy(job: JobRuntime, member: MemberRuntime, decision: ScheduledDecision): void {
    if (decision.reservations.length === 0) return;
    this.fleetReservations.push(...decision.reservations);
    for (const r of decision.reservations) {
      const local = member.nodeNames.indexOf(r.node);
      if (local < 0) continue;
      const g = member.firstNode + local;
      const requests: Record<string, number> = { ...r.resources };
      delete requests[PODS];
      // The hold was decided on the fleet's synced view; a node that no longer has the room (pods bound or
      // batch allocatable lowered since the sync) cannot take the placeholder: the job's pods go through the
      // member's scheduler instead of landing on an over-committed node.
      if (this.misfits(member, local, requests).length > 0) continue;
      const pod = this.placeholderPod(job, r.node, requests);
      member.state.bind(pod, r.node);
      this.auditBind(member, pod, local);
      member.requestedChanged = true;
      this.placeholders.push({ job: job.id, member: member.index, node: g, pod });
      job.reservedNodes.push(g);
    }
    const ttl = decision.reservations[0]!.expiresAtMs - this.engine.now;
    this.engine.after(Math.max(0, ttl), Phase.CONTROL, () => this.releasePlaceholders(job));
  }

  private placeholderPod(job: JobRuntime, nodeName: string, requests: ResourceList): Pod {
    return {
      name: `${job.app.name}-reserve-${nodeName}`,
      namespace: RESERVE_NAMESPACE,
      labels: {},
      annotations: {},
      priority: job.driverTemplate.priority,
      preemptionPolicy: 'Never',
      requests,
      limits: {},
      nodeSelector: {},
      tolerations: [],
      nodeName,
    };
  }

  private releasePlaceholders(job: JobRuntime): void {
    for (let i = this.placeholders.length - 1; i >= 0; i--) {
      const p = this.placeholders[i]!;
      if (p.job !== job.id) continue;
      this.members[p.member]!.state.remove(`${p.pod.namespace}/${p.pod.name}`);
      this.members[p.member]!.requestedChanged = true;
      this.placeholders.splice(i, 1);
      this.roomFreed(this.members[p.member]!);
    }
    job.reservedNodes = [];
  }

  /**
   * A placeholder preempted by a higher-priority pod: its hold is gone (the pod is deleted, as any victim),
   * and the job's pods go through the member's scheduler like unreserved ones.
   */
  private dropPlaceholder(member: MemberRuntime, victim: Pod): void {
    const i = this.placeholders.findIndex((p) => p.member === member.index && p.pod.name === victim.name);
    if (i < 0) return;
    const p = this.placeholders[i]!;
    member.state.remove(`${p.pod.namespace}/${p.pod.name}`);
    member.requestedChanged = true;
    this.placeholders.splice(i, 1);
    const job = this.jobs[p.job]!;
    job.reservedNodes = job.reservedNodes.filter((g) => g !== p.node);
    this.metrics.event(
      this.engine.now,
      'preemption',
      member.config.name,
      job.app.name,
      `${p.pod.name}: hold preempted`,
    );
  }

  /** A job's own pod takes its share of a placeholder on some reserved node, if one holds enough. */
  private consumePlaceholder(job: JobRuntime, member: MemberRuntime, pod: Pod): number {
    for (let i = 0; i < this.placeholders.length; i++) {
      const p = this.placeholders[i]!;
      if (p.job !== job.id || p.member !== member.index) continue;
      let fits = true;
      for (const k in pod.requests) if ((pod.requests[k] ?? 0) > (p.pod.requests[k] ?? 0)) fits = false;
      if (!fits) continue;
      const left: Record<string, number> = {};
      let any = false;
      for (const k in p.pod.requests) {
        left[k] = p.pod.requests[k]! - (pod.requests[k] ?? 0);
        if (left[k]! > 0) any = true;
      }
      member.state.remove(`${p.pod.namespace}/${p.pod.name}`);
      member.requestedChanged = true;
      if (any) {
        p.pod = { ...p.pod, requests: left };
        member.state.bind(p.pod, member.nodeNames[p.node - member.firstNode]!);
      } else {
        this.placeholders.splice(i, 1);
      }
      return p.node;
    }
    return -1;
  }

  /** Timeout reschedule: a driver not running by the deadline makes the fleet reclaim and reschedule the job. */
  private checkTimeout(job: JobRuntime): void {
    job.cancelTimeout = null;
    const driver = job.pods.find((p) => p.role === 'driver');
    if (driver !== undefined && driver.phase === 'running') return;
    if (isTerminalSparkState(job.lifecycle.state) || job.member < 0) return;
    const now = this.engine.now;
    const member = this.members[job.member]!;
    job.failedMembers.add(member.config.name);
    job.reschedules++;
    this.metrics.event(
      now,
      'reschedule',
      member.config.name,
      job.app.name,
      `driver not running after ${this.config.fleet.rescheduleTimeoutMs / 1000}s; reclaimed`,
    );
    this.removeJobPods(job);
    this.releasePlaceholders(job);
    job.cancelCompletion?.();
    job.cancelCompletion = null;
    job.member = -1;
    job.triedAtFleetVersion = -1;
    job.lifecycle = createSparkLifecycle();
    job.allocating = false;
    this.fleetQueue.push(job);
    this.queueFleet();
  }

  // ---------------------------------------------------------------- applications

  private submit(arrival: WorldConfig['arrivals'][number]): void {
    const now = this.engine.now;
    const result = sparkPods(arrival.app, this.config.priorityClasses);
    if (!result.ok) {
      // spark-submit cannot create the driver: SUBMISSION_FAILED, and a resubmission would fail the same way,
      // so the application ends FAILED at once (buildWorld already rejects templates that fail like this).
      const message = result.issues.map((i) => i.message).join('; ');
      this.metrics.event(now, 'failed', null, arrival.app.name, message);
      this.submissions.push(failedAtSubmission(arrival, now));
      return;
    }
    const settings = executorAllocationSettings(arrival.app);
    const job: JobRuntime = {
      id: this.jobs.length,
      app: arrival.app,
      workload: arrival.workload,
      sparkPods: result.pods,
      driverTemplate: result.pods.driver.pod,
      executorTemplate: result.pods.executor.pod,
      executorTarget: result.pods.executor.replicas,
      batchSize: settings.batchSize,
      batchDelayMs: settings.batchDelayMs,
      submitMs: now,
      workMilliCoreMs: arrival.workMilliCoreMs,
      doneMilliCoreMs: 0,
      rateMilli: 0,
      lastProgressMs: now,
      lifecycle: createSparkLifecycle(),
      lifecycleConfig: sparkLifecycleConfig(arrival.app),
      member: -1,
      failedMembers: new Set(),
      pods: [],
      nextExecutorId: 1,
      dispatchMs: null,
      startMs: null,
      finishMs: null,
      dispatchedAtMs: -1,
      reschedules: 0,
      evictions: 0,
      cancelCompletion: null,
      cancelTimeout: null,
      allocating: false,
      reservedNodes: [],
      lastMember: null,
      triedAtFleetVersion: -1,
    };
    this.jobs.push(job);
    this.submissions.push(job);
    this.fleetQueue.push(job);
    this.queueFleet();
  }

  /** Feeds one event to the job's pure lifecycle and carries out the actions it returns. */
  private lifecycle(job: JobRuntime, event: SparkLifecycleEvent): void {
    const [next, actions] = transitionSparkLifecycle(job.lifecycle, event, job.lifecycleConfig);
    job.lifecycle = next;
    for (const a of actions) this.act(job, a);
  }

  private act(job: JobRuntime, action: SparkLifecycleAction): void {
    const now = this.engine.now;
    switch (action.type) {
      case 'submit': {
        // spark-submit in the member creates the driver pod.
        this.createPod(job, 'driver');
        this.lifecycle(job, { type: 'submitted', atMs: now, submissionId: action.submissionId });
        break;
      }
      case 'deletePods':
        this.removeJobPods(job);
        this.engine.schedule(now, Phase.NORMAL, () =>
          this.lifecycle(job, { type: 'podsDeleted', atMs: this.engine.now }),
        );
        break;
      case 'scheduleRetry':
        this.engine.schedule(Math.max(now, action.atMs), Phase.NORMAL, () =>
          this.lifecycle(job, { type: 'retryTimerFired', atMs: this.engine.now }),
        );
        break;
      case 'replaceExecutors':
        this.startAllocation(job);
        break;
      case 'stateEntered':
        if (action.state === 'COMPLETED' || action.state === 'FAILED') this.finish(job, action.state);
        break;
    }
  }

  private finish(job: JobRuntime, state: 'COMPLETED' | 'FAILED'): void {
    const now = this.engine.now;
    job.finishMs = now;
    job.cancelTimeout?.();
    job.cancelTimeout = null;
    job.cancelCompletion?.();
    job.cancelCompletion = null;
    this.removeJobPods(job);
    this.releasePlaceholders(job);
    this.metrics.event(now, state === 'COMPLETED' ? 'completed' : 'failed', job.lastMember, job.app.name, state);
  }

  private createPod(job: JobRuntime, role: 'driver' | 'executor'): void {
    const member = this.members[job.member]!;
    const template = role === 'driver' ? job.driverTemplate : job.executorTemplate;
    const name = role === 'driver' ? template.name : `${template.name}-${job.nextExecutorId++}`;
    const pod: Pod = { ...template, name };
    const cpu = pod.requests[CPU] ?? pod.requests[BATCH_CPU] ?? 0;
    const memory = pod.requests[MEMORY] ?? pod.requests[BATCH_MEMORY] ?? 0;
    const jp: JobPod = {
      job: job.id,
      pod,
      role,
      phase: 'pending',
      node: -1,
      runningSinceMs: -1,
      be: (pod.requests[BATCH_CPU] ?? 0) > 0,
      hp: isHighPriorityForBatch(pod),
      cpu,
      memory,
    };
    job.pods.push(jp);
    this.jobPodByKey.set(`${pod.namespace}/${pod.name}`, { job, pod: jp });
    const reserved = this.consumePlaceholder(job, member, pod);
    if (reserved >= 0) {
      this.bindPod(member, jp, reserved);
    } else {
      member.pending.push(jp);
      this.queueMember(member);
    }
  }

  private bindPod(member: MemberRuntime, jp: JobPod, g: number): void {
    const nodeName = member.nodeNames[g - member.firstNode]!;
    const bound: Pod = { ...jp.pod, nodeName, startTime: this.engine.now };
    member.state.bind(bound, nodeName);
    member.requestedChanged = true;
    jp.node = g;
    jp.phase = 'starting';
    this.podsOnNode[g]!.push(bound);
    this.jobPodsOnNode[g]!.push(jp);
    this.jobPodCount[g] = this.jobPodCount[g]! + 1;
    if (jp.be) {
      this.nodes.beRequestCpu[g] = this.nodes.beRequestCpu[g]! + jp.cpu;
      this.nodes.beRequestMemory[g] = this.nodes.beRequestMemory[g]! + jp.memory;
      this.rateDirty.add(g);
    }
    const virtual = this.nodes.virtual[g] === 1;
    const lat = this.config.startupLatency;
    const delay = Math.max(
      0,
      Math.round(virtual ? (jp.role === 'driver' ? lat.virtualDriver() : lat.virtualExecutor()) : lat.regular()),
    );
    const entry = this.jobPodByKey.get(`${jp.pod.namespace}/${jp.pod.name}`)!;
    this.engine.after(delay, Phase.NORMAL, () => this.podStarted(entry.job, jp));
  }

  private podStarted(job: JobRuntime, jp: JobPod): void {
    if (jp.phase !== 'starting' || !job.pods.includes(jp)) return;
    const now = this.engine.now;
    jp.phase = 'running';
    jp.runningSinceMs = now;
    if (jp.role === 'driver') {
      // The record documents the start of the attempt that finished (else the last one): a rerun restarts it.
      job.startMs = now;
      job.cancelTimeout?.();
      job.cancelTimeout = null;
      this.lifecycle(job, { type: 'driverRunning', atMs: now, submissionId: job.lifecycle.submissionId });
      this.startAllocation(job);
    } else {
      this.refreshRate(job);
    }
    this.metrics.podRunning(this.nodes.virtual[jp.node] === 1, jp.cpu, now);
  }

  /** The driver's executor allocator: rounds every batch delay until the target is running or pending. */
  private startAllocation(job: JobRuntime): void {
    if (job.allocating) return;
    job.allocating = true;
    const round = (): void => {
      if (job.lifecycle.state !== 'RUNNING' || job.member < 0) {
        job.allocating = false;
        return;
      }
      let running = 0;
      let pending = 0;
      for (const p of job.pods) {
        if (p.role !== 'executor') continue;
        if (p.phase === 'running') running++;
        else pending++;
      }
      const n = executorsToRequest({ running, pending, newlyCreated: 0 }, job.executorTarget, {
        batchSize: job.batchSize,
        maxPendingPods: Number.MAX_SAFE_INTEGER,
      });
      for (let i = 0; i < n; i++) this.createPod(job, 'executor');
      if (running + pending + n < job.executorTarget || n > 0) {
        this.engine.after(job.batchDelayMs, Phase.NORMAL, round);
      } else {
        job.allocating = false;
      }
    };
    round();
  }

  // ---------------------------------------------------------------- progress

  /**
   * Recomputes the rates of the running jobs with a pod on a node whose BE CPU share changed, in job order;
   * every other job's rate is as it was (its completion stays where it was scheduled).
   */
  private refreshRates(): void {
    if (this.rateDirty.size === 0) return;
    const ids = new Set<number>();
    for (const g of this.rateDirty) for (const jp of this.jobPodsOnNode[g]!) ids.add(jp.job);
    this.rateDirty.clear();
    for (const id of [...ids].sort((a, b) => a - b)) {
      const job = this.jobs[id]!;
      if (job.lifecycle.state === 'RUNNING') this.refreshRate(job);
    }
  }

  /** Recomputes a running job's rate from its running executors' granted CPU and reschedules completion. */
  private refreshRate(job: JobRuntime): void {
    const now = this.engine.now;
    job.doneMilliCoreMs += job.rateMilli * (now - job.lastProgressMs);
    job.lastProgressMs = now;
    let rate = 0;
    for (const p of job.pods) if (p.role === 'executor' && p.phase === 'running') rate += this.grantedCpu(p);
    job.rateMilli = rate;
    job.cancelCompletion?.();
    job.cancelCompletion = null;
    if (rate <= 0 || job.lifecycle.state !== 'RUNNING') return;
    const remaining = Math.max(0, job.workMilliCoreMs - job.doneMilliCoreMs);
    const delay = Math.ceil(remaining / rate);
    job.cancelCompletion = this.engine.after(delay, Phase.NORMAL, () => this.complete(job)).cancel;
  }

  private complete(job: JobRuntime): void {
    const now = this.engine.now;
    job.doneMilliCoreMs = job.workMilliCoreMs;
    job.lastProgressMs = now;
    job.rateMilli = 0;
    job.cancelCompletion = null;
    this.lifecycle(job, { type: 'driverSucceeded', atMs: now, submissionId: job.lifecycle.submissionId });
  }

  // ---------------------------------------------------------------- member scheduling

  private queueMember(m: MemberRuntime): void {
    if (m.scheduleQueued || m.pending.length === 0) return;
    m.scheduleQueued = true;
    this.engine.schedule(this.engine.now, Phase.SCHEDULE, () => {
      m.scheduleQueued = false;
      this.memberCycle(m);
    });
  }

  /** kube-scheduler's loop over the active queue: highest priority first, then arrival order. */
  private memberCycle(m: MemberRuntime): void {
    const queue = m.pending.splice(0);
    queue.sort((a, b) => b.pod.priority - a.pod.priority);
    const now = this.engine.now;
    for (const jp of queue) {
      // A pod removed earlier in this cycle (its job lost its driver to a preemption made for a pod ahead of
      // it in the queue) is gone: it must not be scheduled.
      if (this.jobPodByKey.get(`${jp.pod.namespace}/${jp.pod.name}`)?.pod !== jp) continue;
      // The unschedulable queue: a pod that failed is retried only after a cluster event or the flush period.
      const failed = m.failedAt.get(jp);
      if (failed !== undefined && failed.generation === m.generation && now - failed.atMs < UNSCHEDULABLE_FLUSH_MS) {
        m.pending.push(jp);
        continue;
      }
      const started = performance.now();
      const decision = scheduleInCluster(m.state.view(), jp.pod);
      this.metrics.memberDecision(performance.now() - started);
      if (decision.kind === 'bind') {
        this.bindPod(m, jp, m.firstNode + decision.nodeIndex);
        this.auditBind(m, jp.pod, decision.nodeIndex);
      } else if (decision.kind === 'preempt') {
        for (const victim of decision.victims) {
          if (victim.namespace === RESERVE_NAMESPACE) this.dropPlaceholder(m, victim);
          else this.evict(victim, this.engine.now, `preempted by ${jp.pod.name}`);
        }
        this.bindPod(m, jp, m.firstNode + decision.nodeIndex);
        this.auditBind(m, jp.pod, decision.nodeIndex);
      } else {
        m.failedAt.set(jp, { generation: m.generation, atMs: now });
        m.pending.push(jp);
        continue;
      }
      m.failedAt.delete(jp);
    }
  }

  /** Resources of `requests` that node `local` of `m` could not hold on top of what is bound there now. */
  private misfits(m: MemberRuntime, local: number, requests: ResourceList): string[] {
    const view = m.state.view();
    const out: string[] = [];
    for (const k in requests) {
      const want = requests[k]!;
      if (want > 0 && view.requested(local, k) + want > view.allocatable(local, k)) out.push(k);
    }
    if (view.requested(local, PODS) + 1 > view.allocatable(local, PODS)) out.push(PODS);
    return out;
  }

  /**
   * After a bind: a node whose summed requests now exceed its allocatable on a resource the pod requests is
   * over-committed — something bypassed the scheduler's fit check. Recorded as an `overcommit` event (the
   * testing invariants look for it); a correct run never has one.
   */
  private auditBind(m: MemberRuntime, pod: Pod, local: number): void {
    const view = m.state.view();
    const over: string[] = [];
    for (const k in pod.requests) {
      if ((pod.requests[k] ?? 0) > 0 && view.requested(local, k) > view.allocatable(local, k)) {
        over.push(`${k} ${view.requested(local, k)} > ${view.allocatable(local, k)}`);
      }
    }
    if (view.requested(local, PODS) > view.allocatable(local, PODS)) {
      over.push(`${PODS} ${view.requested(local, PODS)} > ${view.allocatable(local, PODS)}`);
    }
    if (over.length === 0) return;
    this.metrics.event(
      this.engine.now,
      'overcommit',
      m.config.name,
      this.jobPodByKey.get(`${pod.namespace}/${pod.name}`)?.job.app.name ?? null,
      `${m.nodeNames[local]}: requested ${over.join(', ')} allocatable after binding ${pod.name}`,
    );
  }

  /** Room may have appeared in `m`: pending pods become eligible again and a cycle is queued. */
  private roomFreed(m: MemberRuntime): void {
    m.generation++;
    this.queueMember(m);
  }

  // ---------------------------------------------------------------- removal and eviction

  private unbind(jp: JobPod): void {
    if (jp.node < 0) return;
    const g = jp.node;
    const member = this.members[this.nodes.member[g]!]!;
    member.state.remove(`${jp.pod.namespace}/${jp.pod.name}`);
    member.requestedChanged = true;
    const jobList = this.jobPodsOnNode[g]!;
    const j = jobList.indexOf(jp);
    if (j >= 0) {
      jobList.splice(j, 1);
      this.jobPodCount[g] = this.jobPodCount[g]! - 1;
    }
    const list = this.podsOnNode[g]!;
    const i = list.findIndex((p) => p.name === jp.pod.name && p.namespace === jp.pod.namespace);
    if (i >= 0) list.splice(i, 1);
    if (jp.be) {
      this.nodes.beRequestCpu[g] = this.nodes.beRequestCpu[g]! - jp.cpu;
      this.nodes.beRequestMemory[g] = this.nodes.beRequestMemory[g]! - jp.memory;
      this.updateGranted(g);
      this.rateDirty.add(g);
    }
    if (jp.phase === 'running') this.metrics.podStopped(this.nodes.virtual[g] === 1, jp.cpu, this.engine.now);
    jp.node = -1;
    this.roomFreed(member);
  }

  private removeJobPods(job: JobRuntime): void {
    if (job.pods.length === 0) return;
    for (const jp of job.pods) {
      this.unbind(jp);
      this.jobPodByKey.delete(`${jp.pod.namespace}/${jp.pod.name}`);
    }
    if (job.member >= 0) {
      const member = this.members[job.member]!;
      member.pending = member.pending.filter((p) => !job.pods.includes(p));
      for (const p of job.pods) member.failedAt.delete(p);
    }
    job.pods = [];
    job.rateMilli = 0;
  }

  /** Evicts a running pod (koordlet or preemption): an executor loses its unfinished task; a driver fails the run. */
  private evict(pod: { readonly namespace: string; readonly name: string }, now: number, reason: string): void {
    const entry = this.jobPodByKey.get(`${pod.namespace}/${pod.name}`);
    if (entry === undefined) return;
    const { job, pod: jp } = entry;
    const member = this.members[job.member]?.config.name ?? null;
    job.evictions++;
    this.metrics.event(now, 'eviction', member, job.app.name, `${jp.pod.name}: ${reason}`);
    if (jp.role === 'executor') {
      // Progress up to now, then the work of the task the executor was running is lost.
      this.refreshRate(job);
      const lostMs = Math.min(this.config.lostWorkPerEvictionMs, Math.max(0, now - jp.runningSinceMs));
      job.doneMilliCoreMs = Math.max(0, job.doneMilliCoreMs - this.grantedCpu(jp) * lostMs);
      this.unbind(jp);
      job.pods = job.pods.filter((p) => p !== jp);
      this.jobPodByKey.delete(`${jp.pod.namespace}/${jp.pod.name}`);
      this.refreshRate(job);
      this.lifecycle(job, { type: 'executorLost', atMs: now, submissionId: job.lifecycle.submissionId, count: 1 });
    } else {
      this.lifecycle(job, { type: 'driverLost', atMs: now, submissionId: job.lifecycle.submissionId });
      if (!isTerminalSparkState(job.lifecycle.state) && job.lifecycle.state !== 'PENDING_RERUN') {
        this.removeJobPods(job);
      }
    }
  }
}
