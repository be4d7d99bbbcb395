import {
  beCpuCeiling,
  CPU,
  isTerminalSparkState,
  type Node,
  type ResourceThresholdStrategy,
  resourceThresholdStrategyForNode,
  SPARK_APPLICATION_STATES,
  type SparkApplicationState,
} from '@gleaner/core';
import type { SimulationResult } from '../metrics/SimulationResult.js';
import type { Scenario } from '../scenario/loadScenario.js';
import { toResourceList } from '../scenario/resourceList.js';

/** The simulator invariants {@link checkInvariants} checks. */
export type InvariantName =
  /** Samples and timeline events are in non-decreasing simulated time, inside the run, one sample per member per instant. */
  | 'time-order'
  /** submit ≤ dispatch ≤ start ≤ finish for every application, and the derived wait / run times agree. */
  | 'job-timestamps'
  /** Every application has exactly one record and ends in exactly one terminal state, or is still counted as unfinished. */
  | 'job-accounting'
  /** No bind left a node with summed requests above its allocatable (`overcommit` timeline events). */
  | 'no-overcommit'
  /** Best-effort CPU never above what koordlet's BE CPU ceiling allows on the member's nodes. */
  | 'be-ceiling'
  /** Every sampled quantity within its physical range (non-negative, online and idle ≤ capacity). */
  | 'sample-bounds';

/** One broken invariant: which one, what was seen, and where (time, member, application) when known. */
export interface InvariantViolation {
  /** The invariant broken. */
  readonly invariant: InvariantName;
  /** What was seen, in one line. */
  readonly message: string;
  /** Simulated time of the offending sample or event, ms. */
  readonly tMs?: number;
  /** Member cluster concerned. */
  readonly member?: string;
  /** Application concerned. */
  readonly job?: string;
}

const STATES = new Set<string>(SPARK_APPLICATION_STATES);

/** One non-virtual node as the BE-ceiling bound sees it. */
interface CeilingNode {
  readonly node: Node;
  readonly capacityCpu: number;
  readonly systemCpu: number;
  /** Whether online usage is bounded by capacity (pool nodes: curves are clamped to [0, 1]). */
  readonly boundedOnline: boolean;
}

function ceilingNodes(scenario: Scenario, memberIndex: number): CeilingNode[] {
  const m = scenario.spec.fleet.members[memberIndex]!;
  const out: CeilingNode[] = [];
  for (const pool of m.nodePools) {
    const capacity = toResourceList(pool.capacity);
    const reserved = toResourceList(pool.reserved);
    const allocatable: Record<string, number> = {};
    for (const k in capacity) allocatable[k] = Math.max(0, capacity[k]! - (reserved[k] ?? 0));
    const systemCpu = toResourceList(pool.systemUsage)[CPU] ?? 0;
    for (let i = 0; i < pool.count; i++) {
      const name = `${m.name}-${pool.name}-${i}`;
      out.push({
        node: {
          name,
          labels: { 'kubernetes.io/hostname': name, ...pool.labels },
          annotations: {},
          taints: pool.taints,
          capacity,
          allocatable,
          unschedulable: false,
          virtual: false,
        },
        capacityCpu: capacity[CPU] ?? 0,
        systemCpu,
        boundedOnline: true,
      });
    }
  }
  for (const node of scenario.snapshots.get(m.name)?.nodes ?? []) {
    if (node.virtual) continue;
    out.push({ node, capacityCpu: node.capacity[CPU] ?? 0, systemCpu: 0, boundedOnline: false });
  }
  return out;
}

/** koordlet's BE CPU ceiling of a node whose online pods use `onlineCpu` (core's own function). */
function ceilingAt(n: CeilingNode, strategy: ResourceThresholdStrategy, onlineCpu: number): number {
  const decision = beCpuCeiling({
    node: n.node,
    pods: [],
    sample: {
      nodeUsage: { cpu: onlineCpu + n.systemCpu, memory: 0 },
      podsMetric: [
        {
          namespace: 'online',
          name: 'online',
          usage: { cpu: onlineCpu, memory: 0 },
          priorityClass: 'koord-prod',
          qosClass: 'LS',
        },
      ],
    },
    strategy,
  });
  return decision.enabled ? decision.ceilingMilli : n.capacityCpu;
}

/**
 * An upper bound of a member's summed BE CPU ceiling given only its summed online usage `O`: each node's
 * ceiling f(o) is non-increasing in its own online usage o, with f(o) ≤ max(f(cap), f(0) + 1000 − o) (the
 * cpuset policy rounds up to whole cores); maximising Σ f over every split of `O` with 0 ≤ o ≤ cap puts the
 * load where it lowers no ceiling first — a fractional knapsack with this closed form.
 */
function memberCeilingBound(nodes: readonly CeilingNode[], strategies: readonly ResourceThresholdStrategy[]) {
  let floorSum = 0;
  let slopeSum = 0;
  let absorb = 0;
  let unbounded = false;
  nodes.forEach((n, i) => {
    const s = strategies[i]!;
    const f0 = ceilingAt(n, s, 0);
    const a = Math.min(f0, ceilingAt(n, s, n.capacityCpu));
    const c = f0 + 1000 - a;
    floorSum += a;
    slopeSum += c;
    absorb += Math.max(0, n.capacityCpu - c);
    if (!n.boundedOnline) unbounded = true;
  });
  return (onlineCpu: number): number => floorSum + slopeSum - (unbounded ? 0 : Math.max(0, onlineCpu - absorb));
}

/**
 * Checks a finished run against the simulator's invariants and returns every violation found (empty when
 * the run is sound). Works from the result alone; give the `scenario` it ran to also check the BE CPU
 * ceiling, which needs the members' nodes and the colocation thresholds.
 *
 * - `time-order`: samples and timeline events never go back in simulated time and stay inside the run;
 *   each sample instant has exactly one sample per member.
 * - `job-timestamps`: submit ≤ dispatch ≤ start ≤ finish (each when set); a started job was dispatched;
 *   `waitMs` = start − submit and `runMs` = finish − start.
 * - `job-accounting`: application names are unique; every state is a Spark Operator state; a job has a
 *   finish time exactly when it is COMPLETED or FAILED, and exactly one matching `completed` / `failed`
 *   event then (none otherwise); its `reschedule` and `eviction` events match its counters; every event
 *   names a job that has a record; the summary's counts add up to the records, fleet-wide and per member.
 * - `no-overcommit`: no `overcommit` event — the world records one whenever a bind leaves a node's
 *   summed requests (cpu, memory, pods, batch-cpu, batch-memory, …) above its allocatable. A lowered
 *   batch allocatable under pods already bound is not a violation: Koordinator does not evict for it.
 * - `be-ceiling` (with `scenario`): the best-effort CPU granted on a member never exceeds what koordlet's
 *   BE CPU ceiling (`cpuSuppressThresholdPercent` of capacity − online − system, enforced by the
 *   configured policy) allows on its nodes at the sampled online usage. Samples follow the load tick at
 *   which koordlet enforces the ceiling, so this is "never above for longer than the koordlet period".
 *   (BE *requests* may exceed a batch allocatable lowered after they were bound — that is throttling,
 *   not a violation, and is measured by `throttledNodeMs` instead.)
 * - `sample-bounds`: every sampled quantity is non-negative; online and idle CPU are within capacity.
 */
export function checkInvariants(result: SimulationResult, scenario?: Scenario): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const duration = result.scenario.durationMs;
  const members = result.scenario.members;

  // ---- time-order and sample-bounds
  let last = Number.NEGATIVE_INFINITY;
  let instant = Number.NaN;
  let seen = new Set<string>();
  const closeInstant = (t: number): void => {
    if (!Number.isNaN(instant) && seen.size !== members.length) {
      out.push({
        invariant: 'time-order',
        tMs: t,
        message: `sample instant ${instant} has ${seen.size} member samples, expected ${members.length}`,
      });
    }
  };
  for (const s of result.samples) {
    if (s.tMs < last) {
      out.push({
        invariant: 'time-order',
        tMs: s.tMs,
        member: s.member,
        message: `sample at ${s.tMs} after one at ${last}`,
      });
    }
    if (s.tMs < 0 || s.tMs > duration) {
      out.push({
        invariant: 'time-order',
        tMs: s.tMs,
        member: s.member,
        message: `sample outside the run [0, ${duration}]`,
      });
    }
    if (s.tMs !== instant) {
      closeInstant(s.tMs);
      instant = s.tMs;
      seen = new Set();
    }
    if (seen.has(s.member) || !members.includes(s.member)) {
      out.push({
        invariant: 'time-order',
        tMs: s.tMs,
        member: s.member,
        message: `duplicate or unknown member sample`,
      });
    }
    seen.add(s.member);
    last = s.tMs;
    const fields = [
      'capacityCpu',
      'onlineCpu',
      'beCpu',
      'batchAllocatableCpu',
      'idleCpu',
      'onlineMemory',
      'beMemory',
      'batchAllocatableMemory',
      'runningPods',
      'pendingPods',
    ] as const;
    for (const f of fields) {
      if (!Number.isFinite(s[f]) || s[f] < 0) {
        out.push({ invariant: 'sample-bounds', tMs: s.tMs, member: s.member, message: `${f} = ${s[f]}` });
      }
    }
    if (s.onlineCpu > s.capacityCpu || s.idleCpu > s.capacityCpu) {
      out.push({
        invariant: 'sample-bounds',
        tMs: s.tMs,
        member: s.member,
        message: `online ${s.onlineCpu}m / idle ${s.idleCpu}m above capacity ${s.capacityCpu}m`,
      });
    }
  }
  if (result.samples.length > 0) closeInstant(last);
  let lastEvent = Number.NEGATIVE_INFINITY;
  for (const e of result.events) {
    if (e.tMs < lastEvent) {
      out.push({
        invariant: 'time-order',
        tMs: e.tMs,
        message: `${e.type} event at ${e.tMs} after one at ${lastEvent}`,
      });
    }
    if (e.tMs < 0 || e.tMs > duration) {
      out.push({ invariant: 'time-order', tMs: e.tMs, message: `${e.type} event outside the run [0, ${duration}]` });
    }
    lastEvent = e.tMs;
    if (e.type === 'overcommit') {
      out.push({
        invariant: 'no-overcommit',
        tMs: e.tMs,
        ...(e.member === null ? {} : { member: e.member }),
        ...(e.job === null ? {} : { job: e.job }),
        message: e.detail,
      });
    }
  }

  // ---- job-timestamps and job-accounting
  const byName = new Map<string, number>();
  const count = (type: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const e of result.events) if (e.type === type && e.job !== null) m.set(e.job, (m.get(e.job) ?? 0) + 1);
    return m;
  };
  const completedEvents = count('completed');
  const failedEvents = count('failed');
  const rescheduleEvents = count('reschedule');
  const evictionEvents = count('eviction');
  let completed = 0;
  let failed = 0;
  for (const j of result.jobs) {
    const v = (invariant: InvariantName, message: string): void => {
      out.push({ invariant, job: j.name, ...(j.member === null ? {} : { member: j.member }), message });
    };
    byName.set(j.name, (byName.get(j.name) ?? 0) + 1);
    if (j.submitMs < 0 || j.submitMs > duration) v('job-timestamps', `submitted at ${j.submitMs}, outside the run`);
    if (j.dispatchMs !== null && j.dispatchMs < j.submitMs) {
      v('job-timestamps', `dispatched at ${j.dispatchMs} before its submission at ${j.submitMs}`);
    }
    if (j.startMs !== null) {
      if (j.dispatchMs === null) v('job-timestamps', `started at ${j.startMs} but never dispatched`);
      else if (j.startMs < j.dispatchMs)
        v('job-timestamps', `started at ${j.startMs} before its dispatch at ${j.dispatchMs}`);
      if (j.waitMs !== j.startMs - j.submitMs) v('job-timestamps', `waitMs ${j.waitMs} ≠ start − submit`);
    } else if (j.waitMs !== null) {
      v('job-timestamps', `waitMs ${j.waitMs} without a start`);
    }
    if (j.finishMs !== null) {
      if (j.finishMs < j.submitMs)
        v('job-timestamps', `finished at ${j.finishMs} before its submission at ${j.submitMs}`);
      if (j.startMs !== null && j.finishMs < j.startMs) {
        v('job-timestamps', `finished at ${j.finishMs} before its start at ${j.startMs}`);
      }
      if (j.finishMs > duration) v('job-timestamps', `finished at ${j.finishMs}, after the run`);
    }
    const expectedRun = j.startMs === null || j.finishMs === null ? null : j.finishMs - j.startMs;
    if (j.runMs !== expectedRun) v('job-timestamps', `runMs ${j.runMs} ≠ finish − start (${expectedRun})`);

    if (!STATES.has(j.state)) v('job-accounting', `unknown state ${j.state}`);
    const terminal = STATES.has(j.state) && isTerminalSparkState(j.state as SparkApplicationState);
    if (terminal !== (j.finishMs !== null)) {
      v('job-accounting', `state ${j.state} with finishMs ${j.finishMs}`);
    }
    if (j.state === 'COMPLETED') completed++;
    if (j.state === 'FAILED') failed++;
    const c = completedEvents.get(j.name) ?? 0;
    const f = failedEvents.get(j.name) ?? 0;
    if (c !== (j.state === 'COMPLETED' ? 1 : 0) || f !== (j.state === 'FAILED' ? 1 : 0)) {
      v('job-accounting', `state ${j.state} with ${c} completed and ${f} failed events`);
    }
    if ((rescheduleEvents.get(j.name) ?? 0) !== j.reschedules) {
      v('job-accounting', `${j.reschedules} reschedules but ${rescheduleEvents.get(j.name) ?? 0} reschedule events`);
    }
    if ((evictionEvents.get(j.name) ?? 0) !== j.evictions) {
      v('job-accounting', `${j.evictions} evictions but ${evictionEvents.get(j.name) ?? 0} eviction events`);
    }
    if (j.member !== null && !members.includes(j.member)) v('job-accounting', `on unknown member ${j.member}`);
  }
  for (const [name, n] of byName) {
    if (n > 1) out.push({ invariant: 'job-accounting', job: name, message: `${n} records for one application` });
  }
  for (const e of result.events) {
    if (e.job !== null && !byName.has(e.job)) {
      out.push({
        invariant: 'job-accounting',
        tMs: e.tMs,
        job: e.job,
        message: `${e.type} event for an application with no job record (${e.detail})`,
      });
    }
  }
  const s = result.summary;
  if (
    s.jobsSubmitted !== result.jobs.length ||
    s.jobsCompleted !== completed ||
    s.jobsFailed !== failed ||
    s.jobsUnfinished !== result.jobs.length - completed - failed
  ) {
    out.push({
      invariant: 'job-accounting',
      message: `summary counts ${s.jobsSubmitted} submitted = ${s.jobsCompleted} completed + ${s.jobsFailed} failed + ${s.jobsUnfinished} unfinished; records: ${result.jobs.length}, ${completed}, ${failed}`,
    });
  }
  const placed = result.jobs.filter((j) => j.member !== null).length;
  const perMember = result.members.reduce((sum, m) => sum + m.summary.jobsSubmitted, 0);
  if (perMember !== placed) {
    out.push({
      invariant: 'job-accounting',
      message: `members' summaries count ${perMember} applications; ${placed} records name a member`,
    });
  }

  // ---- be-ceiling
  if (scenario !== undefined) {
    const bounds = new Map<string, (onlineCpu: number) => number>();
    scenario.spec.fleet.members.forEach((m, i) => {
      const nodes = ceilingNodes(scenario, i);
      const strategies = nodes.map((n) => resourceThresholdStrategyForNode(scenario.sloConfig, n.node));
      bounds.set(m.name, memberCeilingBound(nodes, strategies));
    });
    for (const sample of result.samples) {
      const bound = bounds.get(sample.member);
      if (bound === undefined) continue;
      const limit = bound(sample.onlineCpu);
      if (sample.beCpu > limit) {
        out.push({
          invariant: 'be-ceiling',
          tMs: sample.tMs,
          member: sample.member,
          message: `BE CPU ${sample.beCpu}m above the koordlet ceiling bound ${limit}m at online ${sample.onlineCpu}m`,
        });
      }
    }
  }
  return out;
}
