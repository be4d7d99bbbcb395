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
  | {
      /** The application reached the operator's work queue. */
      readonly type: 'enqueued';
      /** When, ms of simulated time. */
      readonly atMs: number;
    }
  | {
      /** spark-submit created the driver pod. */
      readonly type: 'submitted';
      /** When, ms of simulated time. */
      readonly atMs: number;
      /** The submission the event belongs to; events of another run are ignored. */
      readonly submissionId?: number;
    }
  | {
      /** spark-submit failed. */
      readonly type: 'submissionFailed';
      /** When, ms of simulated time. */
      readonly atMs: number;
      /** The submission the event belongs to; events of another run are ignored. */
      readonly submissionId?: number;
      /** spark-submit's error. */
      readonly message?: string;
    }
  | {
      /** The driver pod is pending. */
      readonly type: 'driverPending';
      /** When, ms of simulated time. */
      readonly atMs: number;
      /** The submission the event belongs to; events of another run are ignored. */
      readonly submissionId?: number;
    }
  | {
      /** The driver pod is running. */
      readonly type: 'driverRunning';
      /** When, ms of simulated time. */
      readonly atMs: number;
      /** The submission the event belongs to; events of another run are ignored. */
      readonly submissionId?: number;
    }
  | {
      /** The driver finished successfully. */
      readonly type: 'driverSucceeded';
      /** When, ms of simulated time. */
      readonly atMs: number;
      /** The submission the event belongs to; events of another run are ignored. */
      readonly submissionId?: number;
    }
  | {
      /** The driver failed. */
      readonly type: 'driverFailed';
      /** When, ms of simulated time. */
      readonly atMs: number;
      /** The submission the event belongs to; events of another run are ignored. */
      readonly submissionId?: number;
      /** Exit code of the driver container, when known. */
      readonly exitCode?: number;
    }
  | {
      /** The driver pod's state is unknown. */
      readonly type: 'driverUnknown';
      /** When, ms of simulated time. */
      readonly atMs: number;
      /** The submission the event belongs to; events of another run are ignored. */
      readonly submissionId?: number;
    }
  | {
      /** The driver pod is gone. */
      readonly type: 'driverLost';
      /** When, ms of simulated time. */
      readonly atMs: number;
      /** The submission the event belongs to; events of another run are ignored. */
      readonly submissionId?: number;
    }
  | {
      /** Executors of the running application died. */
      readonly type: 'executorLost';
      /** When, ms of simulated time. */
      readonly atMs: number;
      /** The submission the event belongs to; events of another run are ignored. */
      readonly submissionId?: number;
      /** How many executors died (default 1). */
      readonly count?: number;
    }
  | {
      /** A `scheduleRetry` timer expired. */
      readonly type: 'retryTimerFired';
      /** When, ms of simulated time. */
      readonly atMs: number;
    }
  | {
      /** The previous run's driver pod is gone. */
      readonly type: 'podsDeleted';
      /** When, ms of simulated time. */
      readonly atMs: number;
    }
  | {
      /** The spec was edited. */
      readonly type: 'specChanged';
      /** When, ms of simulated time. */
      readonly atMs: number;
    };

/** The `type` of a {@link SparkLifecycleEvent}. */
export type SparkLifecycleEventType = SparkLifecycleEvent['type'];
