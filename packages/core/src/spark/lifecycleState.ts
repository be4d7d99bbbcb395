/**
 * `status.applicationState.state` of a SparkApplication, as the Spark Operator names it
 * (kubeflow/spark-operator `api/v1beta2/sparkapplication_types.go`); `NEW` stands for the empty string.
 * SUSPENDING / SUSPENDED / RESUMING (`spec.suspend`) are not modelled.
 */
export type SparkApplicationState =
  | 'NEW'
  | 'SUBMITTED'
  | 'RUNNING'
  | 'SUCCEEDING'
  | 'COMPLETED'
  | 'FAILING'
  | 'FAILED'
  | 'SUBMISSION_FAILED'
  | 'PENDING_RERUN'
  | 'INVALIDATING'
  | 'UNKNOWN';

/** Every {@link SparkApplicationState}, in lifecycle order. */
export const SPARK_APPLICATION_STATES: readonly SparkApplicationState[] = Object.freeze([
  'NEW',
  'SUBMITTED',
  'RUNNING',
  'SUCCEEDING',
  'COMPLETED',
  'FAILING',
  'FAILED',
  'SUBMISSION_FAILED',
  'PENDING_RERUN',
  'INVALIDATING',
  'UNKNOWN',
]);

/** Whether `state` is terminal (COMPLETED or FAILED): no event moves the application out of it. */
export function isTerminalSparkState(state: SparkApplicationState): state is 'COMPLETED' | 'FAILED' {
  return state === 'COMPLETED' || state === 'FAILED';
}

/**
 * The part of a SparkApplication's `status` that its lifecycle depends on, as an immutable value. Times
 * are simulated milliseconds.
 */
export interface SparkLifecycle {
  /** Current application state. */
  readonly state: SparkApplicationState;
  /**
   * spark-submit attempts since the last rerun (`status.submissionAttempts`): incremented when a
   * submission starts, reset to 0 when a rerun starts (PENDING_RERUN) and by INVALIDATING.
   */
  readonly submissionAttempts: number;
  /** Successful submissions (runs) since creation (`status.executionAttempts`); reset only by INVALIDATING. */
  readonly executionAttempts: number;
  /** When the last submission started (`status.lastSubmissionAttemptTime`), ms; absent before the first. */
  readonly lastSubmissionAttemptMs?: number;
  /** When the driver terminated or the run was declared lost (`status.terminationTime`), ms. */
  readonly terminationMs?: number;
  /** Why the last submission or run failed (`status.applicationState.errorMessage`). */
  readonly errorMessage?: string;
  /**
   * Number of submissions ever started (the operator's `submissionID`, as a counter). Driver and executor
   * events may carry it so that events of an earlier run are ignored.
   */
  readonly submissionId: number;
  /** A `submit` action was emitted and its outcome (`submitted` / `submissionFailed`) is awaited. */
  readonly submitting: boolean;
}

/** A freshly created SparkApplication: state NEW, all counters zero, nothing submitted. */
export function createSparkLifecycle(): SparkLifecycle {
  return { state: 'NEW', submissionAttempts: 0, executionAttempts: 0, submissionId: 0, submitting: false };
}
