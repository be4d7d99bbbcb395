import type { SparkRestartPolicy } from './SparkApplication.js';

/**
 * Retry interval the Spark Operator fills in, in milliseconds, when `restartPolicy.type` is not `Never` and
 * `onFailureRetryInterval` / `onSubmissionFailureRetryInterval` is unset (5 s; kubeflow/spark-operator
 * `api/v1beta2/defaults.go`).
 */
export const DEFAULT_RETRY_INTERVAL_MS = 5_000;

/**
 * `spec.restartPolicy` with the operator's defaults applied and intervals in milliseconds. Retry counts
 * stay `undefined` when unset: the operator gives them no default, so `OnFailure` without a count never
 * retries.
 */
export interface ResolvedRestartPolicy {
  /** `restartPolicy.type`; `Never` when absent. */
  readonly type: 'Never' | 'OnFailure' | 'Always';
  /** Reruns allowed after a failed driver (`OnFailure` only); `undefined` = none. */
  readonly onFailureRetries?: number;
  /** Base of the linear backoff after a driver failure, in milliseconds. */
  readonly onFailureRetryIntervalMs: number;
  /** Resubmissions allowed after a failed spark-submit (`OnFailure` only); `undefined` = none. */
  readonly onSubmissionFailureRetries?: number;
  /** Base of the linear backoff after a submission failure, in milliseconds. */
  readonly onSubmissionFailureRetryIntervalMs: number;
}

/**
 * Applies the operator's defaults to a SparkApplication `restartPolicy` (absent → `Never`; intervals 5 s
 * unless the type is `Never`, where they are never used). Seconds become milliseconds.
 */
export function resolveRestartPolicy(policy: SparkRestartPolicy | undefined): ResolvedRestartPolicy {
  const type = policy?.type ?? 'Never';
  const seconds = (v: number | undefined): number => (v === undefined ? DEFAULT_RETRY_INTERVAL_MS : v * 1000);
  return {
    type,
    ...(policy?.onFailureRetries !== undefined ? { onFailureRetries: policy.onFailureRetries } : {}),
    onFailureRetryIntervalMs: seconds(policy?.onFailureRetryInterval),
    ...(policy?.onSubmissionFailureRetries !== undefined
      ? { onSubmissionFailureRetries: policy.onSubmissionFailureRetries }
      : {}),
    onSubmissionFailureRetryIntervalMs: seconds(policy?.onSubmissionFailureRetryInterval),
  };
}

/** The counters `ShouldRetry` looks at. */
export interface RetryCounters {
  /** spark-submit attempts since the last rerun (the operator resets it on PENDING_RERUN). */
  readonly submissionAttempts: number;
  /** Runs started since the application was created (reset only by INVALIDATING). */
  readonly executionAttempts: number;
}

/**
 * The operator's `ShouldRetry` (kubeflow/spark-operator `pkg/util/sparkapplication.go`): whether an
 * application in `state` is to be run again. SUCCEEDING reruns only under `Always`; FAILING under `Always`,
 * or `OnFailure` while `executionAttempts ≤ onFailureRetries`; SUBMISSION_FAILED under `Always`, or
 * `OnFailure` while `submissionAttempts ≤ onSubmissionFailureRetries`. Attempts count the first try, so a
 * count of N allows N retries.
 */
export function shouldRetry(
  state: 'SUCCEEDING' | 'FAILING' | 'SUBMISSION_FAILED',
  counters: RetryCounters,
  policy: ResolvedRestartPolicy,
): boolean {
  if (state === 'SUCCEEDING') return policy.type === 'Always';
  if (policy.type === 'Always') return true;
  if (policy.type !== 'OnFailure') return false;
  if (state === 'FAILING') {
    return policy.onFailureRetries !== undefined && counters.executionAttempts <= policy.onFailureRetries;
  }
  return (
    policy.onSubmissionFailureRetries !== undefined && counters.submissionAttempts <= policy.onSubmissionFailureRetries
  );
}

/**
 * Simulated time (ms) at which a retry from `state` becomes due: the operator's `TimeUntilNextRetryDue`
 * waits `interval × submissionAttempts` after the **last submission attempt** (linear backoff; FAILING
 * also multiplies by `submissionAttempts`, not by execution attempts). The interval is
 * `onFailureRetryInterval` for FAILING and `onSubmissionFailureRetryInterval` for SUBMISSION_FAILED.
 */
export function retryDueAtMs(
  state: 'FAILING' | 'SUBMISSION_FAILED',
  lastSubmissionAttemptMs: number,
  submissionAttempts: number,
  policy: ResolvedRestartPolicy,
): number {
  const interval = state === 'FAILING' ? policy.onFailureRetryIntervalMs : policy.onSubmissionFailureRetryIntervalMs;
  return lastSubmissionAttemptMs + interval * Math.max(1, submissionAttempts);
}
