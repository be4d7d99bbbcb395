import type { SparkApplication } from '@gleaner/core';
import type { PodShape, SparkJob } from './SparkJob.js';
import { coreSecondsToWork } from './SparkJob.js';

/** How the jobs of one workload are drawn: fixed values or samplers (`() => number` bound to a seeded stream). */
export interface JobSpec {
  /** Workload name (prefix of the job ids). */
  readonly workload: string;
  /** Driver requests: fixed (e.g. from the template's `sparkPods`) or drawn per job. */
  readonly driver: PodShape | (() => PodShape);
  /** Per-executor requests: fixed or drawn per job. */
  readonly executor: PodShape | (() => PodShape);
  /** Executor count: fixed or drawn (rounded, at least 1). */
  readonly executors: number | (() => number);
  /** Work in core-seconds: fixed or drawn. */
  readonly workCoreSeconds: number | (() => number);
  /** SparkApplication template the jobs instantiate. */
  readonly application?: SparkApplication;
}

/** A sampler of pod shapes from a CPU sampler (millicores) and a memory sampler (bytes), rounded up to integers ≥ 1. */
export function podShapeSampler(cpuMilli: () => number, memoryBytes: () => number): () => PodShape {
  return () => ({
    cpuMilli: Math.max(1, Math.ceil(cpuMilli())),
    memoryBytes: Math.max(1, Math.ceil(memoryBytes())),
  });
}

const draw = <T>(v: T | (() => T)): T => (typeof v === 'function' ? (v as () => T)() : v);

/**
 * One job per arrival time, ids `<workload>-0`, `<workload>-1`, … in arrival order. Values are drawn per
 * job in a fixed order (executors, work, driver, executor), so the same samplers give the same jobs.
 */
export function generateJobs(arrivalsMs: readonly number[], spec: JobSpec): SparkJob[] {
  return arrivalsMs.map((submitMs, i) => {
    const executors = Math.max(1, Math.round(draw(spec.executors)));
    const workMilliCoreMs = coreSecondsToWork(draw(spec.workCoreSeconds));
    const driver = draw(spec.driver);
    const executor = draw(spec.executor);
    return {
      id: `${spec.workload}-${i}`,
      workload: spec.workload,
      submitMs,
      driver,
      executor,
      executors,
      workMilliCoreMs,
      ...(spec.application === undefined ? {} : { application: spec.application }),
    };
  });
}
