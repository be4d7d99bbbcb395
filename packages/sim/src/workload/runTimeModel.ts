// How fast a Spark job progresses. A job's work (millicore-milliseconds) is done by its running executors;
// an executor runs `cores` task threads, so it can never use more CPU than it requests, and under the
// koordlet BE CPU ceiling it gets only its granted share: rate = min(request, granted). The job's rate is
// the sum over running executors (the driver does no work). Amdahl effects, stragglers and shuffle
// waits are not modelled.

/** One running executor as the run-time model sees it. */
export interface ExecutorCpu {
  /** CPU requested (its Spark cores), millicores. */
  readonly requestMilli: number;
  /** CPU it can get now (node free CPU or its share of the BE ceiling), millicores. */
  readonly grantedMilli: number;
}

/** Progress rate of one executor, millicores (= millicore-ms of work per ms): `min(request, granted)`, ≥ 0. */
export function executorRateMilli(executor: ExecutorCpu): number {
  return Math.max(0, Math.min(executor.requestMilli, executor.grantedMilli));
}

/** Progress rate of a job, millicores: the sum of its running executors' rates. */
export function jobRateMilli(executors: readonly ExecutorCpu[]): number {
  let sum = 0;
  for (const e of executors) sum += executorRateMilli(e);
  return sum;
}

/** Milliseconds until `remainingWork` (millicore-ms) is done at `rateMilli`, rounded up; Infinity at rate 0. */
export function timeToCompleteMs(remainingWork: number, rateMilli: number): number {
  if (remainingWork <= 0) return 0;
  return rateMilli > 0 ? Math.ceil(remainingWork / rateMilli) : Number.POSITIVE_INFINITY;
}

/**
 * Splits a node's BE CPU ceiling (koordlet suppression, millicores) among the BE executors on it in
 * proportion to their requests, as cgroup CPU shares do; nobody gets more than it requests. Integer
 * results: floors, then the leftover millicores go one each to the largest remainders (ties to the lower
 * index). The grants sum to `min(ceiling, Σ requests)`.
 */
export function divideCpuCeiling(ceilingMilli: number, requestsMilli: readonly number[]): number[] {
  const total = requestsMilli.reduce((s, r) => s + Math.max(0, r), 0);
  const ceiling = Math.max(0, Math.floor(ceilingMilli));
  if (ceiling >= total) return requestsMilli.map((r) => Math.max(0, r));
  const grants = requestsMilli.map((r) => Math.floor((ceiling * Math.max(0, r)) / total));
  let left = ceiling - grants.reduce((s, g) => s + g, 0);
  const order = requestsMilli
    .map((r, i) => ({ i, rem: (ceiling * Math.max(0, r)) % total }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    grants[i]!++;
    left--;
  }
  return grants;
}

/**
 * What an evicted (or preempted) executor takes with it:
 *
 * - `executor-lifetime` (default): everything it computed since it started. Without checkpointing or an
 *   external shuffle service its shuffle files and cached blocks die with it, so the stages that produced
 *   them run again. A per-executor, checkpoint-less share of the job's progress: pessimistic for jobs
 *   whose early stages were already consumed.
 * - `in-flight-task`: only the partly done tasks it was running, `rate × ((now − start) mod taskMs)`:
 *   optimistic, for map-only jobs whose outputs are safe elsewhere.
 */
export type EvictionLossModel =
  | {
      /** Everything since the executor started is lost. */
      readonly kind: 'executor-lifetime';
    }
  | {
      /** Only the tasks in flight are lost. */
      readonly kind: 'in-flight-task';
      /** Length of one task at full speed, ms. */
      readonly taskMs: number;
    };

/** The running record of one executor's contribution, enough to price its eviction. */
export interface ExecutorContribution {
  /** When it started running, simulation ms. */
  readonly runningSinceMs: number;
  /** Work it has done since then, millicore-ms. */
  readonly doneMilliCoreMs: number;
  /** Its current rate, millicores. */
  readonly rateMilli: number;
}

/**
 * Work (millicore-ms) a job loses when `executor` is evicted at `nowMs` under `model`, never more than the
 * executor itself did.
 */
export function evictionLoss(
  executor: ExecutorContribution,
  nowMs: number,
  model: EvictionLossModel = { kind: 'executor-lifetime' },
): number {
  if (model.kind === 'executor-lifetime') return Math.max(0, executor.doneMilliCoreMs);
  const ran = Math.max(0, nowMs - executor.runningSinceMs);
  const inFlight = executor.rateMilli * (model.taskMs > 0 ? ran % model.taskMs : ran);
  return Math.max(0, Math.min(executor.doneMilliCoreMs, inFlight));
}

/** A job's progress with per-executor contributions, as plain data. */
export interface JobProgress {
  /** Total work, millicore-ms. */
  readonly workMilliCoreMs: number;
  /** Work done so far, millicore-ms (0 ≤ done ≤ work). */
  readonly doneMilliCoreMs: number;
  /** Time the progress was last brought up to date, simulation ms. */
  readonly updatedMs: number;
  /** Running executors by id. */
  readonly executors: ReadonlyMap<string, ExecutorContribution>;
}

/** A job that has done nothing yet and has no executors, at `nowMs`. */
export function startJobProgress(workMilliCoreMs: number, nowMs: number): JobProgress {
  return { workMilliCoreMs, doneMilliCoreMs: 0, updatedMs: nowMs, executors: new Map() };
}

/**
 * Progress brought forward to `nowMs`: every executor adds `rate × elapsed` to its own and the job's
 * work done, the job's total capped at its work.
 */
export function advanceJobProgress(progress: JobProgress, nowMs: number): JobProgress {
  const dt = Math.max(0, nowMs - progress.updatedMs);
  if (dt === 0) return progress;
  const executors = new Map<string, ExecutorContribution>();
  let gained = 0;
  for (const [id, e] of progress.executors) {
    const add = e.rateMilli * dt;
    gained += add;
    executors.set(id, { ...e, doneMilliCoreMs: e.doneMilliCoreMs + add });
  }
  return {
    ...progress,
    doneMilliCoreMs: Math.min(progress.workMilliCoreMs, progress.doneMilliCoreMs + gained),
    updatedMs: nowMs,
    executors,
  };
}

/**
 * Progress with executor `id` running at `rateMilli` from `nowMs` on (added if new; its rate changed if
 * known, e.g. when the BE ceiling moves). The progress is first brought forward to `nowMs`.
 */
export function setExecutorRate(progress: JobProgress, id: string, rateMilli: number, nowMs: number): JobProgress {
  const p = advanceJobProgress(progress, nowMs);
  const executors = new Map(p.executors);
  const old = executors.get(id);
  executors.set(
    id,
    old === undefined ? { runningSinceMs: nowMs, doneMilliCoreMs: 0, rateMilli } : { ...old, rateMilli },
  );
  return { ...p, executors };
}

/**
 * Progress after executor `id` stops at `nowMs`: finished normally (`lost` false, its work kept) or evicted
 * (`lost` true, {@link evictionLoss} taken back from the job's work done).
 */
export function removeExecutor(
  progress: JobProgress,
  id: string,
  nowMs: number,
  lost: boolean,
  model?: EvictionLossModel,
): JobProgress {
  const p = advanceJobProgress(progress, nowMs);
  const e = p.executors.get(id);
  if (e === undefined) return p;
  const executors = new Map(p.executors);
  executors.delete(id);
  const loss = lost ? evictionLoss(e, nowMs, model) : 0;
  return { ...p, doneMilliCoreMs: Math.max(0, p.doneMilliCoreMs - loss), executors };
}

/** Simulation time at which the job completes if nothing changes; Infinity when nothing runs. */
export function completionTimeMs(progress: JobProgress): number {
  let rate = 0;
  for (const e of progress.executors.values()) rate += e.rateMilli;
  return progress.updatedMs + timeToCompleteMs(progress.workMilliCoreMs - progress.doneMilliCoreMs, rate);
}
