import { summarisePercentiles } from '../metrics/percentiles.js';
import type { JobRecord, Summary } from '../metrics/SimulationResult.js';
import type { JobRuntime } from './JobRuntime.js';
import type { MetricsCollector } from './MetricsCollector.js';

const MILLI_MS_PER_CORE_SECOND = 1_000_000;

/** Rounds a ratio to 6 decimals so the serialised result is stable and readable. */
function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? Math.round((numerator / denominator) * 1e6) / 1e6 : 0;
}

/** One application's record at the end of the run. */
export function jobRecord(job: JobRuntime): JobRecord {
  const waitMs = job.startMs === null ? null : job.startMs - job.submitMs;
  const runMs = job.startMs === null || job.finishMs === null ? null : job.finishMs - job.startMs;
  return {
    name: job.app.name,
    namespace: job.app.namespace,
    workload: job.workload,
    state: job.lifecycle.state,
    submitMs: job.submitMs,
    dispatchMs: job.dispatchMs,
    startMs: job.startMs,
    finishMs: job.finishMs,
    waitMs,
    runMs,
    member: job.lastMember,
    executors: job.executorTarget,
    workCoreMs: Math.round(job.workMilliCoreMs / 1000),
    attempts: job.lifecycle.executionAttempts,
    reschedules: job.reschedules,
    evictions: job.evictions,
  };
}

/**
 * The summary of a run (fleet-wide when `member` is undefined, else for one member): harvest ratio, BE
 * throttling and evictions, job counts, wait and completion percentiles, throughput and serverless cost.
 */
export function summarise(
  jobs: readonly JobRecord[],
  metrics: MetricsCollector,
  durationMs: number,
  memberIndex: number | undefined,
  memberName: string | undefined,
  pricePerVcpuSecond: number,
): Summary {
  const parts = memberIndex === undefined ? metrics.perMember : [metrics.perMember[memberIndex]!];
  let be = 0;
  let idle = 0;
  let online = 0;
  let capacity = 0;
  let throttled = 0;
  let depth = 0;
  let evictions = 0;
  let reschedules = 0;
  for (const p of parts) {
    be += p.beMilliMs;
    idle += p.idleMilliMs;
    online += p.onlineMilliMs;
    capacity += p.capacityMilliMs;
    throttled += p.throttledNodeMs;
    depth = Math.max(depth, p.maxThrottleDepth);
    evictions += p.evictions;
    reschedules += p.reschedules;
  }
  const mine = memberName === undefined ? jobs : jobs.filter((j) => j.member === memberName);
  const completed = mine.filter((j) => j.state === 'COMPLETED');
  const failed = mine.filter((j) => j.state === 'FAILED');
  const hours = durationMs / 3_600_000;
  const virtualVcpuSeconds =
    memberIndex === undefined ? Math.round(metrics.virtualMilliMs / MILLI_MS_PER_CORE_SECOND) : 0;
  return {
    harvestRatio: ratio(be, idle),
    beCoreSeconds: Math.round(be / MILLI_MS_PER_CORE_SECOND),
    idleCoreSeconds: Math.round(idle / MILLI_MS_PER_CORE_SECOND),
    throttledNodeMs: throttled,
    maxThrottleDepthCpu: depth,
    evictions,
    evictionsPerHour: ratio(evictions, hours),
    reschedules,
    jobsSubmitted: mine.length,
    jobsCompleted: completed.length,
    jobsFailed: failed.length,
    jobsUnfinished: mine.length - completed.length - failed.length,
    throughputPerHour: ratio(completed.length, hours),
    waitMs: summarisePercentiles(mine.flatMap((j) => (j.waitMs === null ? [] : [j.waitMs]))),
    completionMs: summarisePercentiles(
      completed.flatMap((j) => (j.finishMs === null ? [] : [j.finishMs - j.submitMs])),
    ),
    onlineUtilisation: ratio(online, capacity),
    totalUtilisation: ratio(online + be, capacity),
    virtualVcpuSeconds,
    virtualCost: Math.round(virtualVcpuSeconds * pricePerVcpuSecond * 100) / 100,
  };
}
