import { resolve } from 'node:path';
import {
  bestFitScorer,
  CPU,
  MEMORY,
  mostIdleScorer,
  type Node,
  PODS,
  type Pod,
  parseKubernetesVersion,
  type ResourceList,
  resolvePriority,
  type SparkApplication,
  sparkPods,
} from '@gleaner/core';
import { RandomStreams } from '../engine/index.js';
import {
  aggregateNodeCurve,
  assignSeriesToNodes,
  formatTraceIssue,
  type LoadCurve,
  type LoadCurveParams,
  loadAggregateTrace,
  loadMachineUsageTrace,
  machineUsageSeries,
  type NodeLoadSpec,
  seriesCurve,
  type UtilizationSeries,
} from '../load/index.js';
import { parseDuration } from '../scenario/duration.js';
import type { Scenario, ScenarioIssue } from '../scenario/loadScenario.js';
import { toResourceList } from '../scenario/resourceList.js';
import type { LoadCurveSpec, MemberSpec, ScenarioSpec, TraceWorkloadSpec, WorkloadSpec } from '../scenario/schema.js';
import {
  DEFAULT_ECI_PRICES,
  DEFAULT_STARTUP_LATENCY_PROFILE,
  sampleStartupLatencyMs,
  virtualKubeletNode,
} from '../virtual/index.js';
import {
  applicationForJob,
  batchPoissonArrivals,
  batchTasksToJobs,
  coreSecondsToWork,
  distributionSampler,
  fixedArrivals,
  loadBatchTasks,
  poissonArrivals,
} from '../workload/index.js';
import type { JobArrival, MemberConfig, NodeConfig, WorldConfig } from './WorldConfig.js';

const ms = (d: string | number): number => parseDuration(d) ?? 0;

/** Default work an evicted executor loses: the task it was running, assumed one minute of its time. */
export const DEFAULT_LOST_WORK_PER_EVICTION_MS = 60_000;

/** The result of {@link buildWorld}: the world's configuration, or the problems in files it had to read. */
export type BuildWorldResult =
  | { readonly ok: true; readonly config: WorldConfig }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/**
 * Turns a loaded scenario into the world's configuration: node pools into Nodes and online pods, load curves
 * (synthetic or replayed from traces) per node, arrival processes into the list of applications, and the
 * fleet's parameters in integer units. Every random draw comes from a named stream of the run's seed.
 */
export async function buildWorld(scenario: Scenario, seedOverride?: string | number): Promise<BuildWorldResult> {
  const spec = scenario.spec;
  const seed = seedOverride ?? spec.seed;
  const streams = new RandomStreams(seed);
  const issues: ScenarioIssue[] = [];
  const traces = new TraceCache(scenario, issues);

  const members: MemberConfig[] = [];
  for (const m of spec.fleet.members) {
    members.push(await buildMember(scenario, m, seed, streams, traces));
  }

  const arrivals: JobArrival[] = [];
  for (const [i, w] of spec.workloads.entries()) {
    const made = 'trace' in w ? await traceArrivals(scenario, w, i, issues) : syntheticArrivals(scenario, w, streams);
    // Every application of a workload shares its template's roles and priority classes: a template the Spark
    // Operator could not turn into pods (an unknown PriorityClass, say) is the scenario's error, said now.
    const first = made[0];
    if (first !== undefined) {
      const pods = sparkPods(first.app, scenario.priorityClasses);
      if (!pods.ok) {
        issues.push({
          file: scenario.file,
          path: ['workloads', i, 'application'],
          message: `workload "${w.name}": its SparkApplication cannot be turned into pods: ${pods.issues.map((x) => x.message).join('; ')}`,
        });
      }
    }
    arrivals.push(...made);
  }
  arrivals.sort((a, b) => a.atMs - b.atMs || (a.app.name < b.app.name ? -1 : a.app.name > b.app.name ? 1 : 0));
  if (issues.length > 0) return { ok: false, issues };

  const startup = streams.stream('startup-latency');
  const profile = DEFAULT_STARTUP_LATENCY_PROFILE;
  const f = spec.fleetScheduler;
  const scorerRandom = streams.stream('scorer');
  const config: WorldConfig = {
    name: spec.name,
    seed,
    durationMs: ms(spec.duration),
    sampleIntervalMs: ms(spec.sampleInterval),
    loadTickMs: ms(spec.loadTick),
    members,
    priorityClasses: scenario.priorityClasses,
    policies: scenario.policies,
    slo: scenario.sloConfig,
    arrivals,
    fleet: {
      rescheduleTimeoutMs: ms(f.rescheduleTimeout),
      preoccupation: f.preoccupation,
      preoccupationTtlMs: ms(f.preoccupationTtl),
      preoccupationMinVersion: f.preoccupationMinVersion,
      syncPeriodMs: ms(f.syncPeriod),
      retryIntervalMs: ms(f.retryInterval),
      scorer: f.scorer === 'most-idle' ? mostIdleScorer : f.scorer === 'best-fit' ? bestFitScorer : f.scorer,
      dispenser: f.dispenser,
    },
    startupLatency: {
      regular: () => sampleStartupLatencyMs(profile.regular, startup.next),
      virtualDriver: () => sampleStartupLatencyMs(profile.virtualDriver, startup.next),
      virtualExecutor: () => sampleStartupLatencyMs(profile.virtualExecutor, startup.next),
    },
    lostWorkPerEvictionMs: DEFAULT_LOST_WORK_PER_EVICTION_MS,
    scorerRandom: scorerRandom.next,
  };
  return { ok: true, config };
}

/** Loads each trace file once per run. */
class TraceCache {
  private readonly cache = new Map<string, Promise<readonly UtilizationSeries[] | undefined>>();
  private readonly scenario: Scenario;
  private readonly issues: ScenarioIssue[];
  constructor(scenario: Scenario, issues: ScenarioIssue[]) {
    this.scenario = scenario;
    this.issues = issues;
  }

  series(
    trace: NonNullable<LoadCurveSpec['trace']>,
    metric: 'cpu' | 'memory',
  ): Promise<readonly UtilizationSeries[] | undefined> {
    const file = resolve(this.scenario.baseDir, trace.file);
    const key = `${trace.format}|${file}|${trace.column ?? ''}|${metric}`;
    let p = this.cache.get(key);
    if (p === undefined) {
      p = this.load(trace, file, metric);
      this.cache.set(key, p);
    }
    return p;
  }

  private async load(
    trace: NonNullable<LoadCurveSpec['trace']>,
    file: string,
    metric: 'cpu' | 'memory',
  ): Promise<readonly UtilizationSeries[] | undefined> {
    if (trace.format === 'alibaba-v2018-machine-usage') {
      const r = await loadMachineUsageTrace(file);
      if (!r.ok) {
        for (const i of r.issues)
          this.issues.push({ file: this.scenario.file, path: [], message: formatTraceIssue(i) });
        return undefined;
      }
      return machineUsageSeries(r.value, metric);
    }
    const column = trace.column ?? (metric === 'cpu' ? 'cpu_util_percent' : 'mem_util_percent');
    const r = await loadAggregateTrace(file, { column });
    if (!r.ok) {
      for (const i of r.issues) this.issues.push({ file: this.scenario.file, path: [], message: formatTraceIssue(i) });
      return undefined;
    }
    return [r.value];
  }
}

function curveParams(spec: LoadCurveSpec): Omit<LoadCurveParams, 'trace'> {
  return {
    ...(spec.constant === undefined ? {} : { constant: spec.constant }),
    ...(spec.diurnal === undefined
      ? {}
      : {
          diurnal: {
            mean: spec.diurnal.mean,
            amplitude: spec.diurnal.amplitude,
            periodMs: ms(spec.diurnal.period),
            peakAtMs: ms(spec.diurnal.peakAt),
          },
        }),
    ...(spec.weekly === undefined ? {} : { weekly: spec.weekly }),
    ...(spec.noise === undefined
      ? {}
      : { noise: { stddev: spec.noise.stddev, correlationMs: ms(spec.noise.correlation) } }),
    ...(spec.spikes === undefined
      ? {}
      : { spikes: spec.spikes.map((s) => ({ atMs: ms(s.at), durationMs: ms(s.duration), height: s.height })) }),
    ...(spec.steps === undefined ? {} : { steps: spec.steps.map((s) => ({ atMs: ms(s.at), delta: s.delta })) }),
  };
}

async function nodeCurves(
  spec: LoadCurveSpec,
  nodeNames: readonly string[],
  metric: 'cpu' | 'memory',
  seed: string | number,
  timeZoneOffsetMs: number,
  streams: RandomStreams,
  traces: TraceCache,
): Promise<NodeLoadSpec[]> {
  const params = curveParams(spec);
  let traceFor: ((node: string) => LoadCurve) | undefined;
  if (spec.trace !== undefined) {
    const series = await traces.series(spec.trace, metric);
    if (series !== undefined && series.length > 0) {
      const timeOffsetMs = ms(spec.trace.timeOffset);
      if (spec.trace.format === 'alibaba-v2018-machine-usage') {
        const assigned = assignSeriesToNodes(nodeNames, series, {
          mode: 'shuffle',
          random: streams.stream(`trace-assignment/${metric}`).next,
        });
        traceFor = (node) => seriesCurve(assigned.get(node)!, timeOffsetMs === 0 ? {} : { timeOffsetMs });
      } else {
        const aggregate = series[0]!;
        traceFor = (node) =>
          aggregateNodeCurve(aggregate, {
            seed,
            nodeKey: `${node}/${metric}`,
            jitterStddev: 0.02,
            ...(timeOffsetMs === 0 ? {} : { timeOffsetMs }),
          });
      }
    }
  }
  return nodeNames.map((node) => ({
    params: traceFor === undefined ? params : { ...params, trace: traceFor(node) },
    context: { seed, key: `${node}/${metric}`, timeZoneOffsetMs },
  }));
}

/** A load that stays at `fraction` of capacity (a snapshot's requests, a virtual node's nothing). */
function flatLoad(fraction: number, key: string): NodeLoadSpec {
  return { params: { constant: fraction }, context: { seed: 0, key } };
}

function splitEvenly(total: ResourceList, parts: number, index: number): ResourceList {
  const out: Record<string, number> = {};
  for (const k in total) {
    const whole = Math.floor(total[k]! / parts);
    out[k] = whole + (index === 0 ? total[k]! - whole * parts : 0);
  }
  return out;
}

async function buildMember(
  scenario: Scenario,
  m: MemberSpec,
  seed: string | number,
  streams: RandomStreams,
  traces: TraceCache,
): Promise<MemberConfig> {
  const tz = ms(m.timeZoneOffset);
  const nodes: NodeConfig[] = [];
  for (const pool of m.nodePools) {
    const capacity = toResourceList(pool.capacity);
    const reserved = toResourceList(pool.reserved);
    const allocatable: Record<string, number> = {};
    for (const k in capacity) allocatable[k] = Math.max(0, capacity[k]! - (k === PODS ? 0 : (reserved[k] ?? 0)));
    const names = Array.from({ length: pool.count }, (_, i) => `${m.name}-${pool.name}-${i}`);
    const online = pool.online;
    const cpuCurves =
      online === undefined
        ? names.map((name) => flatLoad(0, name))
        : await nodeCurves(online.cpu, names, 'cpu', seed, tz, streams, traces);
    const memoryCurves =
      online === undefined
        ? names.map((name) => flatLoad(0, name))
        : await nodeCurves(online.memory, names, 'memory', seed, tz, streams, traces);
    const onlineRequests = online === undefined ? {} : toResourceList(online.requests);
    const priority =
      online?.priorityClassName === undefined
        ? undefined
        : resolvePriority(online.priorityClassName, scenario.priorityClasses);
    const system = toResourceList(pool.systemUsage);
    names.forEach((name, i) => {
      const node: Node = {
        name,
        labels: { 'kubernetes.io/hostname': name, ...pool.labels },
        annotations: {},
        taints: pool.taints,
        capacity,
        allocatable,
        unschedulable: false,
        virtual: false,
      };
      const podCount = online === undefined ? 0 : online.podsPerNode;
      const onlinePods: Pod[] = Array.from({ length: podCount }, (_, k) => ({
        name: `${name}-online-${k}`,
        namespace: 'online',
        labels: { app: 'online', 'koordinator.sh/qosClass': 'LS' },
        annotations: {},
        priority: priority?.priority ?? 0,
        ...(priority?.priorityClassName === undefined ? {} : { priorityClassName: priority.priorityClassName }),
        preemptionPolicy: 'PreemptLowerPriority',
        requests: splitEvenly(onlineRequests, podCount, k),
        limits: {},
        nodeSelector: {},
        tolerations: [],
        startTime: 0,
      }));
      nodes.push({
        node,
        onlinePods,
        cpuLoad: cpuCurves[i]!,
        memoryLoad: memoryCurves[i]!,
        systemCpu: system[CPU] ?? 0,
        systemMemory: system[MEMORY] ?? 0,
      });
    });
  }
  const snapshot = scenario.snapshots.get(m.name);
  if (snapshot !== undefined) {
    for (const node of snapshot.nodes) {
      const pods = snapshot.pods.filter((p) => p.nodeName === node.name);
      // A snapshot carries requests, not usage: its running pods are taken to use what they request.
      let cpu = 0;
      let memory = 0;
      for (const p of pods) {
        cpu += p.requests[CPU] ?? 0;
        memory += p.requests[MEMORY] ?? 0;
      }
      const cpuFraction = (node.capacity[CPU] ?? 0) > 0 ? cpu / node.capacity[CPU]! : 0;
      const memFraction = (node.capacity[MEMORY] ?? 0) > 0 ? memory / node.capacity[MEMORY]! : 0;
      nodes.push({
        node,
        onlinePods: pods,
        cpuLoad: flatLoad(cpuFraction, node.name),
        memoryLoad: flatLoad(memFraction, node.name),
        systemCpu: 0,
        systemMemory: 0,
      });
    }
  }
  let price = 0;
  if (m.virtualNode !== undefined) {
    const v = m.virtualNode;
    nodes.push({
      node: virtualKubeletNode({ name: `${m.name}-${v.name}`, capacity: toResourceList(v.capacity) }),
      onlinePods: [],
      cpuLoad: flatLoad(0, v.name),
      memoryLoad: flatLoad(0, v.name),
      systemCpu: 0,
      systemMemory: 0,
    });
    price = v.pricePerVcpuSecond ?? DEFAULT_ECI_PRICES.perVcpuSecond;
  }
  return {
    name: m.name,
    kubernetesVersion: parseKubernetesVersion(m.kubernetesVersion) ?? { major: 1, minor: 0 },
    labels: m.labels,
    taints: m.taints,
    ...(m.region === undefined ? {} : { region: m.region }),
    ...(m.provider === undefined ? {} : { provider: m.provider }),
    ...(m.zone === undefined ? {} : { zone: m.zone }),
    nodes,
    virtualPricePerVcpuSecond: price,
  };
}

function syntheticArrivals(scenario: Scenario, w: WorkloadSpec, streams: RandomStreams): JobArrival[] {
  const spec: ScenarioSpec = scenario.spec;
  const template = scenario.applications.get(w.name)!;
  const startMs = ms(w.start);
  const endMs = Math.min(w.end === undefined ? ms(spec.duration) : ms(w.end), ms(spec.duration));
  const arrivalStream = streams.stream(`arrivals/${w.name}`);
  const window = { startMs, endMs, ...(w.maxApplications === undefined ? {} : { maxCount: w.maxApplications }) };
  const a = w.arrival;
  const times =
    a.type === 'poisson'
      ? poissonArrivals({ ...window, ratePerHour: a.ratePerHour }, arrivalStream.next)
      : a.type === 'bursty'
        ? batchPoissonArrivals(
            {
              ...window,
              ratePerHour: a.ratePerHour,
              burstSize: distributionSampler(a.burstSize, streams.stream(`burst-size/${w.name}`).next),
            },
            arrivalStream.next,
          )
        : fixedArrivals(a.at.map(ms)).filter((t) => t >= startMs && t <= endMs);
  const executors =
    w.executors === undefined
      ? undefined
      : distributionSampler(w.executors, streams.stream(`executors/${w.name}`).next);
  const work = distributionSampler(w.workCoreSeconds, streams.stream(`work/${w.name}`).next);
  return times.map((atMs, i) => {
    const count = executors === undefined ? (template.executor.instances ?? 1) : Math.max(1, Math.round(executors()));
    const app: SparkApplication = applicationForJob(template, { id: `${w.name}-${i}`, executors: count });
    return { atMs, workload: w.name, app, workMilliCoreMs: coreSecondsToWork(work()) };
  });
}

const DEFAULT_TRACE_TEMPLATE: SparkApplication = {
  apiVersion: 'sparkoperator.k8s.io/v1beta2',
  kind: 'SparkApplication',
  name: 'trace',
  namespace: 'default',
  labels: {},
  annotations: { 'sparkoperator.k8s.io/koordinator-colocation': 'true' },
  type: 'Scala',
  mode: 'cluster',
  sparkVersion: '3.5.4',
  arguments: [],
  sparkConf: {},
  driver: { cores: 1, memory: '1g', labels: {}, annotations: {}, nodeSelector: {}, tolerations: [] },
  executor: { cores: 1, memory: '1g', instances: 1, labels: {}, annotations: {}, nodeSelector: {}, tolerations: [] },
  restartPolicy: { type: 'Never' },
};

async function traceArrivals(
  scenario: Scenario,
  w: TraceWorkloadSpec,
  index: number,
  issues: ScenarioIssue[],
): Promise<JobArrival[]> {
  const file = resolve(scenario.baseDir, w.trace.file);
  const loaded = await loadBatchTasks(file);
  if (!loaded.ok) {
    for (const i of loaded.issues) {
      issues.push({ file: scenario.file, path: ['workloads', index, 'trace', 'file'], message: formatTraceIssue(i) });
    }
    return [];
  }
  const jobs = batchTasksToJobs(loaded.value, {
    workload: w.name,
    maxExecutors: w.trace.maxExecutors,
    timeOffsetMs: ms(w.trace.timeOffset),
    ...(w.trace.maxApplications === undefined ? {} : { maxApplications: w.trace.maxApplications }),
  });
  const template = scenario.applications.get(w.name) ?? DEFAULT_TRACE_TEMPLATE;
  return jobs.map((job) => {
    const base = applicationForJob(template, job);
    // The trace's per-task shape replaces the template's executor cores and memory.
    const app: SparkApplication = {
      ...base,
      executor: {
        ...base.executor,
        cores: Math.max(1, Math.ceil(job.executor.cpuMilli / 1000)),
        coreRequest: `${job.executor.cpuMilli}m`,
        memory: `${Math.max(1, Math.ceil(job.executor.memoryBytes / (1024 * 1024 * 1.1)))}m`,
      },
    };
    return { atMs: job.submitMs, workload: w.name, app, workMilliCoreMs: job.workMilliCoreMs };
  });
}
