import type { MemberSample, TimelineEvent } from '../metrics/SimulationResult.js';
import type { NodeTable } from './NodeTable.js';
import type { WorldConfig } from './WorldConfig.js';

/** Per-member running integrals, in millicore-milliseconds. */
interface MemberIntegrals {
  beMilliMs: number;
  idleMilliMs: number;
  onlineMilliMs: number;
  capacityMilliMs: number;
  throttledNodeMs: number;
  maxThrottleDepth: number;
  evictions: number;
  reschedules: number;
}

/** What the collector needs to see of a member to sample it. */
export interface SampledMember {
  readonly index: number;
  readonly firstNode: number;
  readonly nodeCount: number;
  readonly config: { readonly name: string };
  readonly pending: readonly unknown[];
  readonly state: { readonly podCount: number };
}

/**
 * Collects the run's measurements as it goes: time series samples per member, the timeline of notable
 * events, integrals of BE and idle CPU (for the harvest ratio), throttling, serverless usage and the
 * wall-clock latency of scheduler calls (kept apart from the deterministic result).
 */
export class MetricsCollector {
  readonly samples: MemberSample[] = [];
  readonly events: TimelineEvent[] = [];
  readonly fleetLatencyMs: number[] = [];
  readonly memberLatencyMs: number[] = [];
  readonly perMember: MemberIntegrals[];
  virtualMilliMs = 0;
  private virtualRunningMilli = 0;
  private virtualSince = 0;
  private lastIntegrate = 0;
  private readonly nodes: NodeTable;
  private readonly tickMs: number;

  constructor(config: WorldConfig, nodes: NodeTable) {
    this.nodes = nodes;
    this.tickMs = config.loadTickMs;
    this.perMember = config.members.map(() => ({
      beMilliMs: 0,
      idleMilliMs: 0,
      onlineMilliMs: 0,
      capacityMilliMs: 0,
      throttledNodeMs: 0,
      maxThrottleDepth: 0,
      evictions: 0,
      reschedules: 0,
    }));
  }

  /**
   * Adds the state in force since the last call to the integrals. Called at every load tick (online usage
   * and the BE ceiling change only there); BE usage between ticks is taken as it stood at the tick.
   */
  integrate(now: number): void {
    const dt = now - this.lastIntegrate;
    if (dt <= 0) return;
    this.lastIntegrate = now;
    const t = this.nodes;
    // Members' nodes are contiguous: sum a member's run of nodes in locals, then add to its totals.
    let g = 0;
    while (g < t.size) {
      const member = t.member[g]!;
      let be = 0;
      let idle = 0;
      let online = 0;
      let capacity = 0;
      for (; g < t.size && t.member[g] === member; g++) {
        if (t.virtual[g] === 1) continue;
        const free = Math.max(0, t.capacityCpu[g]! - t.onlineCpu[g]! - t.systemCpu[g]!);
        be += Math.min(t.beGrantedCpu[g]!, free);
        idle += free;
        online += t.onlineCpu[g]!;
        capacity += t.capacityCpu[g]!;
      }
      const m = this.perMember[member]!;
      m.beMilliMs += be * dt;
      m.idleMilliMs += idle * dt;
      m.onlineMilliMs += online * dt;
      m.capacityMilliMs += capacity * dt;
    }
  }

  /** After the koordlet ran at a load tick: count nodes whose BE demand exceeds the ceiling. */
  onLoadTick(_now: number): void {
    const t = this.nodes;
    for (let g = 0; g < t.size; g++) {
      const over = t.beRequestCpu[g]! - t.beCeilingCpu[g]!;
      if (t.beRequestCpu[g]! > 0 && over > 0) {
        const m = this.perMember[t.member[g]!]!;
        m.throttledNodeMs += this.tickMs;
        if (over > m.maxThrottleDepth) m.maxThrottleDepth = Math.round(over);
      }
    }
  }

  /** A pod started running (for serverless vCPU-seconds). */
  podRunning(virtual: boolean, cpuMilli: number, now: number): void {
    if (!virtual) return;
    this.virtualMilliMs += this.virtualRunningMilli * (now - this.virtualSince);
    this.virtualSince = now;
    this.virtualRunningMilli += cpuMilli;
  }

  /** A running pod stopped. */
  podStopped(virtual: boolean, cpuMilli: number, now: number): void {
    if (!virtual) return;
    this.virtualMilliMs += this.virtualRunningMilli * (now - this.virtualSince);
    this.virtualSince = now;
    this.virtualRunningMilli -= cpuMilli;
  }

  /** Closes the serverless integral at the end of the run. */
  finishVirtual(now: number): void {
    this.virtualMilliMs += this.virtualRunningMilli * (now - this.virtualSince);
    this.virtualSince = now;
  }

  /** Records a timeline event. */
  event(tMs: number, type: TimelineEvent['type'], member: string | null, job: string | null, detail: string): void {
    this.events.push({ tMs, type, member, job, detail });
    const index = member === null ? -1 : this.memberIndex(member);
    if (index >= 0) {
      if (type === 'eviction') this.perMember[index]!.evictions++;
      if (type === 'reschedule') this.perMember[index]!.reschedules++;
    }
  }

  private memberNames: string[] = [];

  /** Tells the collector the members' names (for per-member event counts). */
  setMemberNames(names: readonly string[]): void {
    this.memberNames = [...names];
  }

  private memberIndex(name: string): number {
    return this.memberNames.indexOf(name);
  }

  /** Wall-clock latency of one fleet decision. */
  fleetDecision(ms: number): void {
    this.fleetLatencyMs.push(ms);
  }

  /** Wall-clock latency of one member scheduling decision. */
  memberDecision(ms: number): void {
    this.memberLatencyMs.push(ms);
  }

  /** Takes one time-series sample of every member. */
  sample(now: number, members: readonly SampledMember[]): void {
    const t = this.nodes;
    for (const m of members) {
      let capacityCpu = 0;
      let onlineCpu = 0;
      let beCpu = 0;
      let batchCpu = 0;
      let idleCpu = 0;
      let onlineMemory = 0;
      let beMemory = 0;
      let batchMemory = 0;
      for (let g = m.firstNode; g < m.firstNode + m.nodeCount; g++) {
        if (t.virtual[g] === 1) continue;
        capacityCpu += t.capacityCpu[g]!;
        onlineCpu += t.onlineCpu[g]!;
        beCpu += t.beGrantedCpu[g]!;
        batchCpu += t.batchCpu[g]!;
        idleCpu += Math.max(0, t.capacityCpu[g]! - t.onlineCpu[g]! - t.systemCpu[g]!);
        onlineMemory += t.onlineMemory[g]!;
        beMemory += t.beRequestMemory[g]!;
        batchMemory += t.batchMemory[g]!;
      }
      this.samples.push({
        tMs: now,
        member: m.config.name,
        capacityCpu,
        onlineCpu,
        beCpu,
        batchAllocatableCpu: batchCpu,
        idleCpu,
        onlineMemory,
        beMemory,
        batchAllocatableMemory: batchMemory,
        runningPods: m.state.podCount,
        pendingPods: m.pending.length,
      });
    }
  }
}
