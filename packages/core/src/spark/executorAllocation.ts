import { executorAllocationBatchSize } from './executorAllocationBatchSize.js';
import { initialExecutorCount } from './initialExecutorCount.js';
import type { SparkApplication } from './SparkApplication.js';
import { confInt, confText } from './sparkConf.js';

// Executor allocation of Spark on Kubernetes: apache/spark resource-managers/kubernetes/core
// `ExecutorPodsAllocator.scala` (the per-round rule) and `Config.scala` (names and defaults).

/** `spark.kubernetes.allocation.batch.delay` default: time between allocation rounds, in milliseconds (1 s). */
export const DEFAULT_ALLOCATION_BATCH_DELAY_MS = 1_000;
/** `spark.kubernetes.allocation.executor.timeout` default, in milliseconds (600 s). */
export const DEFAULT_EXECUTOR_POD_CREATION_TIMEOUT_MS = 600_000;
/** `spark.kubernetes.allocation.driver.readinessTimeout` default, in milliseconds (1 s). */
export const DEFAULT_DRIVER_READINESS_TIMEOUT_MS = 1_000;
/** `spark.kubernetes.allocation.maxPendingPods` default (`Int.MaxValue`: no limit). */
export const DEFAULT_MAX_PENDING_PODS = 2_147_483_647;

/** The executor-allocation settings of one application, resolved from its `sparkConf` and Spark version. */
export interface ExecutorAllocationSettings {
  /** `spark.kubernetes.allocation.batch.size`: most executor pods created in one round. */
  readonly batchSize: number;
  /** `spark.kubernetes.allocation.batch.delay`: time between rounds, in milliseconds. */
  readonly batchDelayMs: number;
  /** `spark.kubernetes.allocation.maxPendingPods`: cap on created-but-not-running executor pods. */
  readonly maxPendingPods: number;
  /**
   * A created pod not seen in any snapshot for this long is deleted and requested again, in milliseconds:
   * `max(5 × batchDelay, spark.kubernetes.allocation.executor.timeout)`.
   */
  readonly podCreationTimeoutMs: number;
  /** `spark.kubernetes.allocation.driver.readinessTimeout`: the driver waits up to this for its own pod, ms. */
  readonly driverReadinessTimeoutMs: number;
}

const TIME_UNIT_MS: Readonly<Record<string, number>> = {
  us: 0.001,
  ms: 1,
  s: 1_000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

// JavaUtils.timeStringAs: an integer with an optional unit; a bare number is in the entry's own unit.
function parseSparkTimeMs(text: string | undefined, bareUnitMs: number): number | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\s*([a-z]+)?$/.exec(text.trim().toLowerCase());
  if (m === null) return undefined;
  const suffix = m[2];
  // Object.hasOwn, not a plain lookup: a suffix such as "constructor" must not resolve through Object.prototype.
  if (suffix !== undefined && !Object.hasOwn(TIME_UNIT_MS, suffix)) return undefined;
  const unit = suffix === undefined ? bareUnitMs : TIME_UNIT_MS[suffix]!;
  const ms = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(ms) && ms > 0 ? ms : undefined;
}

/**
 * The executor-allocation settings of `app` from its `sparkConf`, falling back to Spark's defaults (the
 * batch size is {@link executorAllocationBatchSize}: 5 up to Spark 3.5, 10 in 4.0–4.1, 20 from 4.2). A
 * value Spark would reject (not a positive integer or time) is replaced by the default.
 */
export function executorAllocationSettings(app: SparkApplication): ExecutorAllocationSettings {
  const batchDelayMs =
    parseSparkTimeMs(confText(app, 'spark.kubernetes.allocation.batch.delay'), 1) ?? DEFAULT_ALLOCATION_BATCH_DELAY_MS;
  const executorTimeoutMs =
    parseSparkTimeMs(confText(app, 'spark.kubernetes.allocation.executor.timeout'), 1) ??
    DEFAULT_EXECUTOR_POD_CREATION_TIMEOUT_MS;
  return {
    batchSize: executorAllocationBatchSize(app),
    batchDelayMs,
    maxPendingPods: confInt(app, 'spark.kubernetes.allocation.maxPendingPods', 1).value ?? DEFAULT_MAX_PENDING_PODS,
    podCreationTimeoutMs: Math.max(5 * batchDelayMs, executorTimeoutMs),
    driverReadinessTimeoutMs:
      parseSparkTimeMs(confText(app, 'spark.kubernetes.allocation.driver.readinessTimeout'), 1_000) ??
      DEFAULT_DRIVER_READINESS_TIMEOUT_MS,
  };
}

/** What one allocation round sees of an application's executor pods (one resource profile). */
export interface ExecutorPodCounts {
  /** Executor pods Running. */
  readonly running: number;
  /** Executor pods seen by the API but Pending (unscheduled, or scheduled and starting). */
  readonly pending: number;
  /** Executor pods created by the driver but not yet seen in any snapshot ("newly created"). */
  readonly newlyCreated: number;
}

/**
 * How many executor pods one allocation round creates (`ExecutorPodsAllocator.onNewSnapshots`): none
 * while any pod created earlier is still unseen; otherwise `min(target − (running + pending +
 * newlyCreated), batchSize, maxPendingPods − notRunning)`, floored at 0. Pending pods count toward the
 * target, so unschedulable executors are never over-requested; failed or deleted executors no longer
 * count, so the next round replaces them.
 */
export function executorsToRequest(
  counts: ExecutorPodCounts,
  target: number,
  settings: Pick<ExecutorAllocationSettings, 'batchSize' | 'maxPendingPods'>,
): number {
  if (counts.newlyCreated > 0) return 0;
  const known = counts.running + counts.pending + counts.newlyCreated;
  const notRunning = counts.pending + counts.newlyCreated;
  return Math.max(0, Math.min(target - known, settings.batchSize, settings.maxPendingPods - notRunning));
}

/** One round of executor pod creation in an {@link executorAllocationPlan}. */
export interface ExecutorBatch {
  /** Simulated time the pods are created, in milliseconds. */
  readonly atMs: number;
  /** Number of executor pods created. */
  readonly count: number;
  /** Executor id of the first pod of the batch (ids count up from 1, as `EXECUTOR_ID_COUNTER` does). */
  readonly firstExecutorId: number;
}

/** Options of {@link executorAllocationPlan}. */
export interface ExecutorAllocationPlanOptions {
  /** Time of the first round (the driver is running and its allocator starts), in milliseconds. */
  readonly startMs: number;
  /**
   * Time from creating a pod to seeing it in a snapshot, in milliseconds (default 0: seen by the next
   * round). With a latency of one batch delay or more, rounds are skipped until the last batch is seen.
   */
  readonly observationLatencyMs?: number;
  /** Id of the first executor (default 1). */
  readonly firstExecutorId?: number;
}

/**
 * When the driver creates its executor pods if nothing fails: rounds every `batchDelayMs` from `startMs`;
 * a round creates pods only once every pod of the previous rounds has been observed (observation, not
 * scheduling: Pending pods do not hold the next batch back). With the default zero latency, `target`
 * executors come in `ceil(target / batchSize)` batches exactly `batchDelayMs` apart. Every created pod
 * is assumed not yet running, for the `maxPendingPods` cap.
 */
export function executorAllocationPlan(
  target: number,
  settings: ExecutorAllocationSettings,
  options: ExecutorAllocationPlanOptions,
): readonly ExecutorBatch[] {
  const latency = Math.max(0, options.observationLatencyMs ?? 0);
  const batches: ExecutorBatch[] = [];
  let nextId = options.firstExecutorId ?? 1;
  let created = 0;
  let lastCreatedAt = Number.NEGATIVE_INFINITY;
  for (let round = 0; created < target; round++) {
    const at = options.startMs + round * settings.batchDelayMs;
    const unseen = lastCreatedAt + latency > at ? batches[batches.length - 1]!.count : 0;
    const count = executorsToRequest({ running: 0, pending: created - unseen, newlyCreated: unseen }, target, settings);
    if (count > 0) {
      batches.push({ atMs: at, count, firstExecutorId: nextId });
      nextId += count;
      created += count;
      lastCreatedAt = at;
    } else if (unseen === 0) {
      break; // capped by maxPendingPods: nothing more can be created without pods starting to run
    }
  }
  return batches;
}

/**
 * {@link executorAllocationPlan} for `app`: its initial executor count ({@link initialExecutorCount})
 * under its own allocation settings.
 */
export function sparkExecutorAllocationPlan(
  app: SparkApplication,
  options: ExecutorAllocationPlanOptions,
): readonly ExecutorBatch[] {
  return executorAllocationPlan(initialExecutorCount(app), executorAllocationSettings(app), options);
}
