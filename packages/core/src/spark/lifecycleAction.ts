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
  | {
      /** The application entered `state`. */
      readonly type: 'stateEntered';
      /** The state entered. */
      readonly state: SparkApplicationState;
      /** When, ms. */
      readonly atMs: number;
    }
  | {
      /** Run spark-submit (create the driver pod). */
      readonly type: 'submit';
      /** When, ms. */
      readonly atMs: number;
      /** Number of this submission; later events of the run carry it. */
      readonly submissionId: number;
    }
  | {
      /** Delete the driver pod. */
      readonly type: 'deletePods';
      /** When, ms. */
      readonly atMs: number;
    }
  | {
      /** Deliver `retryTimerFired` at `atMs`. */
      readonly type: 'scheduleRetry';
      /** When the timer fires, ms. */
      readonly atMs: number;
    }
  | {
      /** The driver re-requests lost executors. */
      readonly type: 'replaceExecutors';
      /** When, ms. */
      readonly atMs: number;
      /** How many. */
      readonly count: number;
    };
