/** Version of the `result.json` schema; bumped on any incompatible change. */
export const RESULT_SCHEMA_VERSION = 1;

/** Percentiles of a distribution of durations, in milliseconds (`null` when there were no samples). */
export interface Percentiles {
  readonly count: number;
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

/** What happened to one SparkApplication over the run. */
export interface JobRecord {
  readonly name: string;
  readonly namespace: string;
  readonly workload: string;
  /** Final Spark Operator state, or the state it was in when the run ended. */
  readonly state: string;
  readonly submitMs: number;
  /** First dispatch to a member by the fleet. */
  readonly dispatchMs: number | null;
  /** Driver running (of the attempt that finished, else the last attempt). */
  readonly startMs: number | null;
  readonly finishMs: number | null;
  /** startMs − submitMs: time waiting in the fleet queue and for the driver to start. */
  readonly waitMs: number | null;
  /** finishMs − startMs. */
  readonly runMs: number | null;
  /** Member the application finished on (or was last dispatched to). */
  readonly member: string | null;
  readonly executors: number;
  /** Work of the application in executor core-milliseconds (millicores × ms / 1000). */
  readonly workCoreMs: number;
  readonly attempts: number;
  readonly reschedules: number;
  readonly evictions: number;
}

/** One sample of a member's state, taken every `sampleIntervalMs`. CPU in millicores, memory in bytes. */
export interface MemberSample {
  readonly tMs: number;
  readonly member: string;
  readonly capacityCpu: number;
  /** Online (LS) usage. */
  readonly onlineCpu: number;
  /** Best-effort (Spark) usage actually granted under the koordlet ceiling. */
  readonly beCpu: number;
  /** Published `kubernetes.io/batch-cpu` allocatable summed over the member's nodes. */
  readonly batchAllocatableCpu: number;
  /** Capacity not used by online work: the capacity there is to harvest. */
  readonly idleCpu: number;
  readonly onlineMemory: number;
  readonly beMemory: number;
  readonly batchAllocatableMemory: number;
  readonly runningPods: number;
  readonly pendingPods: number;
}

/** A notable event on the run's timeline. */
export interface TimelineEvent {
  readonly tMs: number;
  /**
   * What happened. `overcommit` marks a bind that left a node's summed requests above its allocatable: a
   * simulator bug, never expected in a correct run (checked by `checkInvariants` of `@gleaner/sim/testing`).
   */
  readonly type: 'dispatch' | 'reschedule' | 'eviction' | 'completed' | 'failed' | 'preemption' | 'overcommit';
  readonly member: string | null;
  readonly job: string | null;
  readonly detail: string;
}

/** Fleet-wide (or per-member) summary numbers. */
export interface Summary {
  /** BE core-seconds used / idle core-seconds available (0–1). */
  readonly harvestRatio: number;
  readonly beCoreSeconds: number;
  readonly idleCoreSeconds: number;
  /** Time during which BE usage had to be throttled to stay under the ceiling, in ms (summed over nodes). */
  readonly throttledNodeMs: number;
  /** Deepest BE throttling seen on a node, in millicores (BE demand above the ceiling). */
  readonly maxThrottleDepthCpu: number;
  readonly evictions: number;
  readonly evictionsPerHour: number;
  readonly reschedules: number;
  readonly jobsSubmitted: number;
  readonly jobsCompleted: number;
  readonly jobsFailed: number;
  readonly jobsUnfinished: number;
  readonly throughputPerHour: number;
  readonly waitMs: Percentiles;
  readonly completionMs: Percentiles;
  /** Mean online CPU utilisation over the run (0–1). */
  readonly onlineUtilisation: number;
  /** Mean total (online + BE) CPU utilisation over the run (0–1). */
  readonly totalUtilisation: number;
  /** Cost of serverless (virtual node) executors: vCPU-seconds × price. */
  readonly virtualVcpuSeconds: number;
  readonly virtualCost: number;
}

/** Wall-clock measurements; kept apart from the deterministic result. */
export interface TimingReport {
  readonly wallMs: number;
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly simulatedSecondsPerWallSecond: number;
  readonly fleetDecisions: Percentiles;
  readonly memberDecisions: Percentiles;
}

/**
 * Everything a run produced, as plain data. Byte-identical for the same scenario and seed when
 * serialised (wall-clock timing lives in {@link TimingReport}, returned separately).
 */
export interface SimulationResult {
  readonly schemaVersion: typeof RESULT_SCHEMA_VERSION;
  readonly scenario: {
    readonly name: string;
    readonly seed: string | number;
    readonly durationMs: number;
    readonly sampleIntervalMs: number;
    readonly members: readonly string[];
  };
  readonly summary: Summary;
  readonly members: readonly { readonly name: string; readonly summary: Summary }[];
  readonly jobs: readonly JobRecord[];
  readonly samples: readonly MemberSample[];
  readonly events: readonly TimelineEvent[];
  /** Simulator counters: events processed, scheduler calls. */
  readonly counters: { readonly events: number; readonly fleetDecisions: number; readonly memberDecisions: number };
}
