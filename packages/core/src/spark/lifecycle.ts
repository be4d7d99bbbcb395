import type { SparkLifecycleAction } from './lifecycleAction.js';
import type { SparkLifecycleEvent } from './lifecycleEvent.js';
import type { SparkApplicationState, SparkLifecycle } from './lifecycleState.js';
import { createSparkLifecycle, isTerminalSparkState } from './lifecycleState.js';
import type { ResolvedRestartPolicy } from './restartPolicy.js';
import { resolveRestartPolicy, retryDueAtMs, shouldRetry } from './restartPolicy.js';
import type { SparkApplication } from './SparkApplication.js';

/**
 * How long after a submission a missing driver pod is tolerated while the application is SUBMITTED, in
 * milliseconds (operator flag `--driver-pod-creation-grace-period`, default 10 s;
 * kubeflow/spark-operator `cmd/operator/controller/start.go`).
 */
export const DEFAULT_DRIVER_POD_CREATION_GRACE_PERIOD_MS = 10_000;

/** What the lifecycle of one application depends on besides its status. */
export interface SparkLifecycleConfig {
  /** The application's restart policy with defaults applied. */
  readonly restartPolicy: ResolvedRestartPolicy;
  /** Grace period for a missing driver pod right after submission, in milliseconds. */
  readonly driverPodCreationGracePeriodMs: number;
}

/** The lifecycle configuration of `app`: its restart policy (defaults applied) and the operator's grace period. */
export function sparkLifecycleConfig(
  app: Pick<SparkApplication, 'restartPolicy'>,
  options: { readonly driverPodCreationGracePeriodMs?: number } = {},
): SparkLifecycleConfig {
  return {
    restartPolicy: resolveRestartPolicy(app.restartPolicy),
    driverPodCreationGracePeriodMs:
      options.driverPodCreationGracePeriodMs ?? DEFAULT_DRIVER_POD_CREATION_GRACE_PERIOD_MS,
  };
}

/** The result of one transition: the next lifecycle value and the actions to carry out, in order. */
export type SparkLifecycleTransition = readonly [next: SparkLifecycle, actions: readonly SparkLifecycleAction[]];

const NO_ACTIONS: readonly SparkLifecycleAction[] = Object.freeze([]);

/** States in which the operator follows the driver pod (`updateSparkApplicationState`). */
const OBSERVING: ReadonlySet<SparkApplicationState> = new Set(['SUBMITTED', 'RUNNING', 'UNKNOWN']);

/** Mutable scratch of one transition; never escapes {@link transitionSparkLifecycle}. */
interface Step {
  s: SparkLifecycle;
  readonly actions: SparkLifecycleAction[];
  readonly at: number;
  readonly config: SparkLifecycleConfig;
}

function enter(step: Step, state: SparkApplicationState, patch: Partial<SparkLifecycle> = {}): void {
  const changed = step.s.state !== state;
  step.s = { ...step.s, ...patch, state };
  if (changed) step.actions.push({ type: 'stateEntered', state, atMs: step.at });
}

// submitSparkApplication: new submission id, attempts + 1 and the attempt time are set before spark-submit runs.
function startSubmission(step: Step): void {
  const s = step.s;
  step.s = {
    ...s,
    submissionAttempts: s.submissionAttempts + 1,
    lastSubmissionAttemptMs: step.at,
    submissionId: s.submissionId + 1,
    submitting: true,
  };
  step.actions.push({ type: 'submit', atMs: step.at, submissionId: step.s.submissionId });
}

// reconcileSucceedingSparkApplication: Always reruns at once (no backoff), anything else completes.
function reconcileSucceeding(step: Step): void {
  if (shouldRetry('SUCCEEDING', step.s, step.config.restartPolicy)) {
    step.actions.push({ type: 'deletePods', atMs: step.at });
    enter(step, 'PENDING_RERUN');
  } else {
    enter(step, 'COMPLETED');
  }
}

// reconcileFailingSparkApplication: rerun when due, wait for the backoff, or give up.
function reconcileFailing(step: Step): void {
  const policy = step.config.restartPolicy;
  if (!shouldRetry('FAILING', step.s, policy)) {
    enter(step, 'FAILED');
    return;
  }
  const due = retryDueAtMs('FAILING', step.s.lastSubmissionAttemptMs ?? step.at, step.s.submissionAttempts, policy);
  if (due <= step.at) {
    step.actions.push({ type: 'deletePods', atMs: step.at });
    enter(step, 'PENDING_RERUN');
  } else {
    step.actions.push({ type: 'scheduleRetry', atMs: due });
  }
}

// reconcileFailedSubmissionSparkApplication: resubmit when due, wait for the backoff, or fail for good.
function reconcileSubmissionFailed(step: Step): void {
  const policy = step.config.restartPolicy;
  if (!shouldRetry('SUBMISSION_FAILED', step.s, policy)) {
    enter(step, 'FAILED', { terminationMs: step.at });
    return;
  }
  const last = step.s.lastSubmissionAttemptMs ?? step.at;
  const due = retryDueAtMs('SUBMISSION_FAILED', last, step.s.submissionAttempts, policy);
  if (due <= step.at) startSubmission(step);
  else step.actions.push({ type: 'scheduleRetry', atMs: due });
}

function driverTerminated(step: Step, succeeded: boolean, errorMessage?: string): void {
  const terminationMs = step.s.terminationMs ?? step.at;
  if (succeeded) {
    enter(step, 'SUCCEEDING', { terminationMs });
    reconcileSucceeding(step);
  } else {
    enter(step, 'FAILING', { terminationMs, errorMessage });
    reconcileFailing(step);
  }
}

/**
 * The SparkApplication state machine of the Spark Operator as a pure function, in the style of xstate's
 * `transition(state, event)`: returns the next lifecycle value and the actions to carry out. Transient
 * states (SUCCEEDING, FAILING, SUBMISSION_FAILED, INVALIDATING) are reconciled in the same step, as the
 * operator requeues them at once; each state passed through is reported by a `stateEntered` action.
 * Rules (kubeflow/spark-operator `internal/controller/sparkapplication/controller.go`,
 * `pkg/util/sparkapplication.go`):
 *
 * - NEW `enqueued` → `submit`; `submitted` → SUBMITTED (executionAttempts + 1); `submissionFailed` →
 *   SUBMISSION_FAILED, then resubmit after `interval × submissionAttempts` if {@link shouldRetry}, else FAILED.
 * - SUBMITTED / RUNNING / UNKNOWN follow the driver pod: pending → SUBMITTED, running → RUNNING, succeeded
 *   (or failed with exit code 0) → SUCCEEDING, failed → FAILING, unknown → UNKNOWN, lost → FAILING
 *   ("driver pod not found") unless still SUBMITTED within the creation grace period.
 * - SUCCEEDING → PENDING_RERUN (pods deleted) under `Always`, else COMPLETED.
 * - FAILING → PENDING_RERUN (pods deleted) if retrying and the backoff has passed, a `scheduleRetry` if
 *   it has not, FAILED otherwise. The wait is measured from the last submission attempt, so a run that
 *   failed after a long time reruns at once.
 * - PENDING_RERUN `podsDeleted` → submissionAttempts reset to 0, then `submit`.
 * - `specChanged` in any non-terminal state → INVALIDATING (pods deleted, both counters reset) →
 *   PENDING_RERUN. (Upstream also invalidates COMPLETED/FAILED applications; here terminal states absorb.)
 * - COMPLETED and FAILED absorb every event. Events a state does not handle change nothing.
 */
export function transitionSparkLifecycle(
  current: SparkLifecycle,
  event: SparkLifecycleEvent,
  config: SparkLifecycleConfig,
): SparkLifecycleTransition {
  if (isTerminalSparkState(current.state)) return [current, NO_ACTIONS];
  if ('submissionId' in event && event.submissionId !== undefined && event.submissionId !== current.submissionId) {
    return [current, NO_ACTIONS];
  }
  const step: Step = { s: current, actions: [], at: event.atMs, config };
  const state = current.state;
  switch (event.type) {
    case 'enqueued':
      if (state === 'NEW' && !current.submitting) startSubmission(step);
      break;
    case 'submitted':
      if (current.submitting) {
        enter(step, 'SUBMITTED', {
          executionAttempts: current.executionAttempts + 1,
          submitting: false,
          errorMessage: undefined,
        });
      }
      break;
    case 'submissionFailed':
      if (current.submitting) {
        enter(step, 'SUBMISSION_FAILED', { submitting: false, errorMessage: event.message ?? 'spark-submit failed' });
        reconcileSubmissionFailed(step);
      }
      break;
    case 'driverPending':
      if (OBSERVING.has(state)) enter(step, 'SUBMITTED');
      break;
    case 'driverRunning':
      if (OBSERVING.has(state)) enter(step, 'RUNNING');
      break;
    case 'driverUnknown':
      if (OBSERVING.has(state)) enter(step, 'UNKNOWN');
      break;
    case 'driverSucceeded':
      if (OBSERVING.has(state)) driverTerminated(step, true);
      break;
    case 'driverFailed':
      if (OBSERVING.has(state)) {
        // util.GetDriverState: a Failed pod whose driver container exited 0 counts as succeeded.
        if (event.exitCode === 0) driverTerminated(step, true);
        else {
          const message =
            event.exitCode === undefined
              ? 'driver container status missing'
              : `driver container failed with exit code ${event.exitCode}`;
          driverTerminated(step, false, message);
        }
      }
      break;
    case 'driverLost': {
      if (!OBSERVING.has(state)) break;
      const sinceSubmission = event.atMs - (current.lastSubmissionAttemptMs ?? event.atMs);
      if (state === 'SUBMITTED' && sinceSubmission <= config.driverPodCreationGracePeriodMs) break;
      enter(step, 'FAILING', { terminationMs: event.atMs, errorMessage: 'driver pod not found' });
      reconcileFailing(step);
      break;
    }
    case 'executorLost': {
      const count = event.count ?? 1;
      if (state === 'RUNNING' && count > 0) step.actions.push({ type: 'replaceExecutors', atMs: event.atMs, count });
      break;
    }
    case 'retryTimerFired':
      if (state === 'FAILING') reconcileFailing(step);
      else if (state === 'SUBMISSION_FAILED' && !current.submitting) reconcileSubmissionFailed(step);
      break;
    case 'podsDeleted':
      if (state === 'PENDING_RERUN' && !current.submitting) {
        // resetSparkApplicationStatus(PENDING_RERUN) keeps executionAttempts. Upstream also keeps terminationTime;
        // it is cleared here so that each run reports its own termination time.
        step.s = {
          ...step.s,
          submissionAttempts: 0,
          lastSubmissionAttemptMs: undefined,
          terminationMs: undefined,
          errorMessage: undefined,
        };
        startSubmission(step);
      }
      break;
    case 'specChanged':
      enter(step, 'INVALIDATING');
      step.actions.push({ type: 'deletePods', atMs: event.atMs });
      enter(step, 'PENDING_RERUN', {
        submissionAttempts: 0,
        executionAttempts: 0,
        lastSubmissionAttemptMs: undefined,
        terminationMs: undefined,
        errorMessage: undefined,
        submitting: false,
      });
      break;
  }
  return step.actions.length === 0 && step.s === current ? [current, NO_ACTIONS] : [step.s, step.actions];
}

/**
 * Folds {@link transitionSparkLifecycle} over `events` from `initial` (a new application by default) and
 * returns the final lifecycle value with every action emitted, in order.
 */
export function replaySparkLifecycle(
  events: Iterable<SparkLifecycleEvent>,
  config: SparkLifecycleConfig,
  initial: SparkLifecycle = createSparkLifecycle(),
): {
  /** The lifecycle after the last event. */
  readonly lifecycle: SparkLifecycle;
  /** Every action emitted, in order. */
  readonly actions: readonly SparkLifecycleAction[];
} {
  let lifecycle = initial;
  const actions: SparkLifecycleAction[] = [];
  for (const event of events) {
    const [next, emitted] = transitionSparkLifecycle(lifecycle, event, config);
    lifecycle = next;
    actions.push(...emitted);
  }
  return { lifecycle, actions };
}
