import type { Pod, SparkApplication } from '@gleaner/core';
import { BATCH_CPU, BATCH_MEMORY, CPU, MEMORY } from '@gleaner/core';

/** The requests of one driver or executor pod: CPU in millicores, memory in bytes (integers). */
export interface PodShape {
  /** CPU request, millicores. */
  readonly cpuMilli: number;
  /** Memory request, bytes. */
  readonly memoryBytes: number;
}

/**
 * Millicore-milliseconds in one core-second (1000 × 1000). Work is counted in millicore-milliseconds so
 * that `rate (millicores) × elapsed (ms)` adds up in integers.
 */
export const MILLICORE_MS_PER_CORE_SECOND = 1_000_000;

/**
 * One Spark application to submit: when, what its pods request, how many executors it asks for, and how
 * much work it carries. Its run time follows from the work and how many executors run how fast (see
 * {@link jobRateMilli}).
 */
export interface SparkJob {
  /** Unique id: `<workload>-<n>` for generated jobs, `<workload>-j<job>-t<task>` for replayed ones. */
  readonly id: string;
  /** Name of the workload that produced it. */
  readonly workload: string;
  /** Submission time, in simulation milliseconds. */
  readonly submitMs: number;
  /** Driver pod requests. */
  readonly driver: PodShape;
  /** Requests of each executor pod. */
  readonly executor: PodShape;
  /** Executor count the driver asks for. */
  readonly executors: number;
  /** Total work, in millicore-milliseconds (1 core-second = 1,000,000). */
  readonly workMilliCoreMs: number;
  /** The SparkApplication template the job instantiates, when there is one (priority, colocation, tolerations). */
  readonly application?: SparkApplication;
}

/** Core-seconds of work as integer millicore-milliseconds (rounded, at least 1). */
export function coreSecondsToWork(coreSeconds: number): number {
  return Math.max(1, Math.round(coreSeconds * MILLICORE_MS_PER_CORE_SECOND));
}

/**
 * The requests of a pod as a {@link PodShape}: `cpu` / `memory`, or for a Koordinator BE pod its
 * `kubernetes.io/batch-cpu` / `batch-memory`.
 */
export function podShapeOf(pod: Pick<Pod, 'requests'>): PodShape {
  const r = pod.requests;
  return { cpuMilli: r[CPU] ?? r[BATCH_CPU] ?? 0, memoryBytes: r[MEMORY] ?? r[BATCH_MEMORY] ?? 0 };
}

/**
 * `template` instantiated for `job`: named after the job, with `spec.executor.instances` set to the job's
 * executor count (the template's own pod settings kept).
 */
export function applicationForJob(
  template: SparkApplication,
  job: Pick<SparkJob, 'id' | 'executors'>,
): SparkApplication {
  return { ...template, name: job.id, executor: { ...template.executor, instances: job.executors } };
}
