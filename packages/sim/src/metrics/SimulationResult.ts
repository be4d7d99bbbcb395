/** Version of the `result.json` schema; bumped on any incompatible change. */
export const RESULT_SCHEMA_VERSION = 1;

/** Percentiles of a distribution of durations, in milliseconds (`null` when there were no samples). */
export interface Percentiles {
  /** Number of samples. */
  readonly count: number;
  /** Arithmetic mean. */
  readonly mean: number | null;
  /** Median. */
  readonly p50: number | null;
  /** 90th percentile. */
  readonly p90: number | null;
  /** 99th percentile. */
  readonly p99: number | null;
  /** Largest sample. */
  readonly max: number | null;
}

/** What happened to one SparkApplication over the run. */
export interface JobRecord {
  /** The application's `metadata.name` (the template's name with an arrival suffix). */
  readonly name: string;
  /** The application's namespace. */
  readonly namespace: string;
  /** The scenario workload that submitted it. */
  readonly workload: string;
  /** Final Spark Operator state, or the state it was in when the run ended. */
  readonly state: string;
  /** Submission to the fleet, in ms of simulated time. */
  readonly submitMs: number;
  /** First dispatch to a member by the fleet. */
  readonly dispatchMs: number | null;
  /** Driver running (of the attempt that finished, else the last attempt). */
  readonly startMs: number | null;
  /** Reaching COMPLETED or FAILED, in ms of simulated time. */
  readonly finishMs: number | null;
  /** startMs − submitMs: time waiting in the fleet queue and for the driver to start. */
  readonly waitMs: number | null;
  /** finishMs − startMs. */
  readonly runMs: number | null;
  /** Member the application finished on (or was last dispatched to). */
  readonly member: string | null;
  /** Executors the application asked for. */
  readonly executors: number;
  /** Work of the application in executor core-milliseconds (millicores × ms / 1000). */
  readonly workCoreMs: number;
  /** Spark Operator execution attempts (runs of the driver). */
  readonly attempts: number;
  /** Times the fleet reclaimed it from a member after the reschedule timeout. */
  readonly reschedules: number;
  /** Its pods evicted by koordlet or preempted. */
  readonly evictions: number;
}

/** One sample of a member's state, taken every `sampleIntervalMs`. CPU in millicores, memory in bytes. */
export interface MemberSample {
  /** Sample time, in ms of simulated time. */
  readonly tMs: number;
  /** Member cluster name. */
  readonly member: string;
  /** CPU capacity of the member's regular nodes. */
  readonly capacityCpu: number;
  /** Online (LS) usage. */
  readonly onlineCpu: number;
  /** Best-effort (Spark) usage actually granted under the koordlet ceiling. */
  readonly beCpu: number;
  /** Published `kubernetes.io/batch-cpu` allocatable summed over the member's nodes. */
  readonly batchAllocatableCpu: number;
  /** Capacity not used by online work: the capacity there is to harvest. */
  readonly idleCpu: number;
  /** Online (LS) memory usage. */
  readonly onlineMemory: number;
  /** Memory requested by best-effort (Spark) pods. */
  readonly beMemory: number;
  /** Published `kubernetes.io/batch-memory` allocatable summed over the member's nodes. */
  readonly batchAllocatableMemory: number;
  /** Pods bound to the member's nodes (online, Spark and preoccupation placeholders). */
  readonly runningPods: number;
  /** Spark pods waiting in the member's scheduling queue. */
  readonly pendingPods: number;
}

/** A notable event on the run's timeline. */
export interface TimelineEvent {
  /** When, in ms of simulated time. */
  readonly tMs: number;
  /**
   * What happened. `overcommit` marks a bind that left a node's summed requests above its allocatable: a
   * simulator bug, never expected in a correct run (checked by `checkInvariants` of `@gleaner/sim/testing`).
   */
  readonly type: 'dispatch' | 'reschedule' | 'eviction' | 'completed' | 'failed' | 'preemption' | 'overcommit';
  /** Member cluster concerned, if any. */
  readonly member: string | null;
  /** Application concerned, if any. */
  readonly job: string | null;
  /** One line of detail (e.g. the fleet's event message). */
  readonly detail: string;
}

/** Fleet-wide (or per-member) summary numbers. */
export interface Summary {
  /** BE core-seconds used / idle core-seconds available (0–1). */
  readonly harvestRatio: number;
  /** CPU core-seconds granted to best-effort (Spark) pods. */
  readonly beCoreSeconds: number;
  /** Core-seconds of capacity not used by online work. */
  readonly idleCoreSeconds: number;
  /** Time during which BE usage had to be throttled to stay under the ceiling, in ms (summed over nodes). */
  readonly throttledNodeMs: number;
  /** Deepest BE throttling seen on a node, in millicores (BE demand above the ceiling). */
  readonly maxThrottleDepthCpu: number;
  /** Pods evicted (koordlet memory eviction, preemption). */
  readonly evictions: number;
  /** `evictions` per simulated hour. */
  readonly evictionsPerHour: number;
  /** Applications reclaimed and rescheduled after the reschedule timeout. */
  readonly reschedules: number;
  /** Applications submitted. */
  readonly jobsSubmitted: number;
  /** Applications that reached COMPLETED. */
  readonly jobsCompleted: number;
  /** Applications that reached FAILED. */
  readonly jobsFailed: number;
  /** Applications still queued or running when the run ended. */
  readonly jobsUnfinished: number;
  /** Completed applications per simulated hour. */
  readonly throughputPerHour: number;
  /** Submission to driver running, over applications whose driver started. */
  readonly waitMs: Percentiles;
  /** Submission to completion, over completed applications. */
  readonly completionMs: Percentiles;
  /** Mean online CPU utilisation over the run (0–1). */
  readonly onlineUtilisation: number;
  /** Mean total (online + BE) CPU utilisation over the run (0–1). */
  readonly totalUtilisation: number;
  /** Cost of serverless (virtual node) executors: vCPU-seconds × price. */
  readonly virtualVcpuSeconds: number;
  /** `virtualVcpuSeconds` × the virtual node's price, rounded to cents. */
  readonly virtualCost: number;
}

/** Wall-clock measurements; kept apart from the deterministic result. */
export interface TimingReport {
  /** Wall-clock time of the simulation loop, ms. */
  readonly wallMs: number;
  /** Events the engine processed. */
  readonly events: number;
  /** Events per wall-clock second. */
  readonly eventsPerSecond: number;
  /** Simulated time per wall-clock time. */
  readonly simulatedSecondsPerWallSecond: number;
  /** Wall time of each fleet decision, in microseconds. */
  readonly fleetDecisions: Percentiles;
  /** Wall time of each member scheduling decision, in microseconds. */
  readonly memberDecisions: Percentiles;
}

/**
 * Everything a run produced, as plain data. Byte-identical for the same scenario and seed when
 * serialised (wall-clock timing lives in {@link TimingReport}, returned separately).
 */
export interface SimulationResult {
  /** {@link RESULT_SCHEMA_VERSION}. */
  readonly schemaVersion: typeof RESULT_SCHEMA_VERSION;
  /** What was run. */
  readonly scenario: {
    /** The scenario's `name`. */
    readonly name: string;
    /** The master seed of the run. */
    readonly seed: string | number;
    /** Simulated duration, ms. */
    readonly durationMs: number;
    /** Spacing of `samples`, ms. */
    readonly sampleIntervalMs: number;
    /** Member cluster names, in scenario order. */
    readonly members: readonly string[];
  };
  /** Fleet-wide summary. */
  readonly summary: Summary;
  /** Per-member summaries, in scenario order. */
  readonly members: readonly {
    /** Member cluster name. */
    readonly name: string;
    /** That member's summary (applications that finished on, or were last sent to, it). */
    readonly summary: Summary;
  }[];
  /** One record per application. */
  readonly jobs: readonly JobRecord[];
  /** Member samples, every `sampleIntervalMs`. */
  readonly samples: readonly MemberSample[];
  /** The timeline: dispatches, reschedules, evictions, completions, failures, preemptions. */
  readonly events: readonly TimelineEvent[];
  /** Simulator counters: events processed, scheduler calls. */
  readonly counters: {
    /** Events the engine processed. */
    readonly events: number;
    /** Fleet scheduling decisions made. */
    readonly fleetDecisions: number;
    /** Member scheduling decisions made. */
    readonly memberDecisions: number;
  };
}
