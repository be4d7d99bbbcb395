import type { SparkApplicationState } from './lifecycleState.js';

/**
 * What the simulator (or any caller) must do after a lifecycle transition. Actions are data, in the
 * order they happen:
 *
 * - `stateEntered`: the application entered `state` (one per state passed through, for event logs).
 * - `submit`: run spark-submit for submission `submissionId` (create the driver pod), then report
 *   `submitted` or `submissionFailed`.
 * - `deletePods`: delete the driver pod (executors go with it through their owner reference), then report
 *   `podsDeleted` once it is gone.
 * - `scheduleRetry`: deliver `retryTimerFired` at `atMs` (linear backoff of the restart policy).
 * - `replaceExecutors`: the driver re-requests `count` executors (they count toward its target again).
 */
export type SparkLifecycleAction =
  | { readonly type: 'stateEntered'; readonly state: SparkApplicationState; readonly atMs: number }
  | { readonly type: 'submit'; readonly atMs: number; readonly submissionId: number }
  | { readonly type: 'deletePods'; readonly atMs: number }
  | { readonly type: 'scheduleRetry'; readonly atMs: number }
  | { readonly type: 'replaceExecutors'; readonly atMs: number; readonly count: number };
