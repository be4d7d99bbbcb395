/**
 * Something the Spark Operator observes about an application, at simulated time `atMs`. Driver and
 * executor events may carry the `submissionId` of the run they belong to; an event of another run is
 * ignored.
 *
 * - `enqueued`: the application was created and reaches the operator's work queue (NEW → submit).
 * - `submitted` / `submissionFailed`: outcome of the last `submit` action (spark-submit created the
 *   driver pod, or failed with `message`).
 * - `driverPending` / `driverRunning` / `driverSucceeded` / `driverFailed` / `driverUnknown`: the driver
 *   pod's state as the operator derives it from the pod phase and the driver container's exit code
 *   (`driverSucceeded` covers phase Succeeded and a terminated container with exit code 0).
 * - `driverLost`: the driver pod is gone (evicted, preempted, node lost). Within the driver-pod creation
 *   grace period after a submission while still SUBMITTED it is ignored, as the operator does.
 * - `executorLost`: `count` executors of the running application died; the driver replaces them.
 * - `retryTimerFired`: a `scheduleRetry` timer expired (the operator's requeue-after).
 * - `podsDeleted`: the driver pod of the previous run is gone, so a pending rerun can submit.
 * - `specChanged`: the spec was edited (other than `suspend` / `timeToLiveSeconds`): invalidate and rerun.
 */
export type SparkLifecycleEvent =
  | { readonly type: 'enqueued'; readonly atMs: number }
  | { readonly type: 'submitted'; readonly atMs: number; readonly submissionId?: number }
  | {
      readonly type: 'submissionFailed';
      readonly atMs: number;
      readonly submissionId?: number;
      readonly message?: string;
    }
  | { readonly type: 'driverPending'; readonly atMs: number; readonly submissionId?: number }
  | { readonly type: 'driverRunning'; readonly atMs: number; readonly submissionId?: number }
  | { readonly type: 'driverSucceeded'; readonly atMs: number; readonly submissionId?: number }
  | {
      readonly type: 'driverFailed';
      readonly atMs: number;
      readonly submissionId?: number;
      /** Exit code of the driver container, when known. */
      readonly exitCode?: number;
    }
  | { readonly type: 'driverUnknown'; readonly atMs: number; readonly submissionId?: number }
  | { readonly type: 'driverLost'; readonly atMs: number; readonly submissionId?: number }
  | { readonly type: 'executorLost'; readonly atMs: number; readonly submissionId?: number; readonly count?: number }
  | { readonly type: 'retryTimerFired'; readonly atMs: number }
  | { readonly type: 'podsDeleted'; readonly atMs: number }
  | { readonly type: 'specChanged'; readonly atMs: number };

/** The `type` of a {@link SparkLifecycleEvent}. */
export type SparkLifecycleEventType = SparkLifecycleEvent['type'];
