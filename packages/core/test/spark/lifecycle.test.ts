import { describe, expect, it } from 'vitest';
import type { SparkLifecycleConfig } from '../../src/spark/lifecycle.js';
import { replaySparkLifecycle, sparkLifecycleConfig, transitionSparkLifecycle } from '../../src/spark/lifecycle.js';
import type { SparkLifecycleEvent } from '../../src/spark/lifecycleEvent.js';
import type { SparkLifecycle } from '../../src/spark/lifecycleState.js';
import { createSparkLifecycle } from '../../src/spark/lifecycleState.js';
import type { SparkRestartPolicy } from '../../src/spark/SparkApplication.js';

const config = (restartPolicy: SparkRestartPolicy): SparkLifecycleConfig => sparkLifecycleConfig({ restartPolicy });
const NEVER = config({ type: 'Never' });
// The restart policy of the seed's wordcount application (spark-on-ack-serverless-eci.txt).
const SEED = config({
  type: 'OnFailure',
  onFailureRetries: 2,
  onFailureRetryInterval: 5,
  onSubmissionFailureRetries: 2,
  onSubmissionFailureRetryInterval: 10,
});

function step(s: SparkLifecycle, event: SparkLifecycleEvent, c: SparkLifecycleConfig) {
  return transitionSparkLifecycle(s, event, c);
}

describe('transitionSparkLifecycle: a run that succeeds', () => {
  it('NEW → SUBMITTED → RUNNING → SUCCEEDING → COMPLETED under Never', () => {
    const s0 = createSparkLifecycle();
    const [s1, a1] = step(s0, { type: 'enqueued', atMs: 0 }, NEVER);
    expect(s1).toMatchObject({ state: 'NEW', submissionAttempts: 1, submissionId: 1, submitting: true });
    expect(a1).toEqual([{ type: 'submit', atMs: 0, submissionId: 1 }]);

    const [s2, a2] = step(s1, { type: 'submitted', atMs: 300, submissionId: 1 }, NEVER);
    expect(s2).toMatchObject({ state: 'SUBMITTED', executionAttempts: 1, submitting: false });
    expect(a2).toEqual([{ type: 'stateEntered', state: 'SUBMITTED', atMs: 300 }]);

    const [s3] = step(s2, { type: 'driverRunning', atMs: 2_300 }, NEVER);
    expect(s3.state).toBe('RUNNING');

    const [s4, a4] = step(s3, { type: 'driverSucceeded', atMs: 60_000 }, NEVER);
    expect(s4).toMatchObject({ state: 'COMPLETED', terminationMs: 60_000 });
    expect(a4).toEqual([
      { type: 'stateEntered', state: 'SUCCEEDING', atMs: 60_000 },
      { type: 'stateEntered', state: 'COMPLETED', atMs: 60_000 },
    ]);
  });

  it('treats a Failed driver pod whose container exited 0 as succeeded', () => {
    const { lifecycle } = replaySparkLifecycle(
      [
        { type: 'enqueued', atMs: 0 },
        { type: 'submitted', atMs: 1 },
        { type: 'driverFailed', atMs: 5, exitCode: 0 },
      ],
      NEVER,
    );
    expect(lifecycle.state).toBe('COMPLETED');
  });

  it('reruns a succeeded application at once under Always', () => {
    const { lifecycle, actions } = replaySparkLifecycle(
      [
        { type: 'enqueued', atMs: 0 },
        { type: 'submitted', atMs: 1 },
        { type: 'driverSucceeded', atMs: 50 },
      ],
      config({ type: 'Always' }),
    );
    expect(lifecycle.state).toBe('PENDING_RERUN');
    expect(actions.slice(-3)).toEqual([
      { type: 'stateEntered', state: 'SUCCEEDING', atMs: 50 },
      { type: 'deletePods', atMs: 50 },
      { type: 'stateEntered', state: 'PENDING_RERUN', atMs: 50 },
    ]);
  });
});

describe('transitionSparkLifecycle: driver failures', () => {
  it('fails for good under Never, and under OnFailure without a retry count', () => {
    for (const c of [NEVER, config({ type: 'OnFailure' })]) {
      const { lifecycle } = replaySparkLifecycle(
        [
          { type: 'enqueued', atMs: 0 },
          { type: 'submitted', atMs: 1 },
          { type: 'driverRunning', atMs: 2 },
          { type: 'driverFailed', atMs: 9, exitCode: 1 },
        ],
        c,
      );
      expect(lifecycle).toMatchObject({
        state: 'FAILED',
        executionAttempts: 1,
        terminationMs: 9,
        errorMessage: 'driver container failed with exit code 1',
      });
    }
  });

  // Worked by hand from the seed policy: onFailureRetries 2 → at most 3 runs; the wait is
  // 5 s × submissionAttempts measured from the last submission, and submissionAttempts restarts at 0 on a rerun.
  it('reruns twice with linear backoff from the last submission, then fails (OnFailure, 2 retries, 5 s)', () => {
    let s = createSparkLifecycle();
    let actions: readonly unknown[];
    [s] = step(s, { type: 'enqueued', atMs: 0 }, SEED);
    [s] = step(s, { type: 'submitted', atMs: 1_000 }, SEED);
    [s] = step(s, { type: 'driverRunning', atMs: 3_000 }, SEED);
    // run 1 fails at 4 s: due = 0 + 5 s × 1 = 5 s, not yet
    [s, actions] = step(s, { type: 'driverFailed', atMs: 4_000, exitCode: 137 }, SEED);
    expect(s.state).toBe('FAILING');
    expect(actions).toEqual([
      { type: 'stateEntered', state: 'FAILING', atMs: 4_000 },
      { type: 'scheduleRetry', atMs: 5_000 },
    ]);
    // an early timer changes nothing but re-arms the retry
    [s, actions] = step(s, { type: 'retryTimerFired', atMs: 4_500 }, SEED);
    expect(actions).toEqual([{ type: 'scheduleRetry', atMs: 5_000 }]);
    [s, actions] = step(s, { type: 'retryTimerFired', atMs: 5_000 }, SEED);
    expect(s.state).toBe('PENDING_RERUN');
    expect(actions).toEqual([
      { type: 'deletePods', atMs: 5_000 },
      { type: 'stateEntered', state: 'PENDING_RERUN', atMs: 5_000 },
    ]);
    [s, actions] = step(s, { type: 'podsDeleted', atMs: 5_500 }, SEED);
    expect(s).toMatchObject({ submissionAttempts: 1, executionAttempts: 1, lastSubmissionAttemptMs: 5_500 });
    expect(actions).toEqual([{ type: 'submit', atMs: 5_500, submissionId: 2 }]);
    [s] = step(s, { type: 'submitted', atMs: 6_000 }, SEED);
    expect(s.executionAttempts).toBe(2);
    // run 2 fails after a long run: due = 5.5 s + 5 s = 10.5 s is past, so the rerun is immediate
    [s, actions] = step(s, { type: 'driverFailed', atMs: 60_000, exitCode: 1 }, SEED);
    expect(s.state).toBe('PENDING_RERUN');
    expect(actions).toEqual([
      { type: 'stateEntered', state: 'FAILING', atMs: 60_000 },
      { type: 'deletePods', atMs: 60_000 },
      { type: 'stateEntered', state: 'PENDING_RERUN', atMs: 60_000 },
    ]);
    [s] = step(s, { type: 'podsDeleted', atMs: 60_000 }, SEED);
    [s] = step(s, { type: 'submitted', atMs: 61_000 }, SEED);
    expect(s.executionAttempts).toBe(3);
    // run 3 fails: executionAttempts 3 > onFailureRetries 2
    [s, actions] = step(s, { type: 'driverFailed', atMs: 62_000, exitCode: 1 }, SEED);
    expect(s).toMatchObject({ state: 'FAILED', terminationMs: 62_000 });
    expect(actions).toEqual([
      { type: 'stateEntered', state: 'FAILING', atMs: 62_000 },
      { type: 'stateEntered', state: 'FAILED', atMs: 62_000 },
    ]);
  });

  it('retries forever under Always, waiting interval × submissionAttempts', () => {
    const c = config({ type: 'Always', onFailureRetryInterval: 3 });
    const { lifecycle, actions } = replaySparkLifecycle(
      [
        { type: 'enqueued', atMs: 0 },
        { type: 'submitted', atMs: 10 },
        { type: 'driverFailed', atMs: 1_000 },
      ],
      c,
    );
    expect(lifecycle).toMatchObject({ state: 'FAILING', errorMessage: 'driver container status missing' });
    expect(actions.at(-1)).toEqual({ type: 'scheduleRetry', atMs: 3_000 });
  });

  it('ignores a missing driver pod within the 10 s creation grace period while SUBMITTED', () => {
    let s = createSparkLifecycle();
    [s] = step(s, { type: 'enqueued', atMs: 1_000 }, NEVER);
    [s] = step(s, { type: 'submitted', atMs: 2_000 }, NEVER);
    const [same, none] = step(s, { type: 'driverLost', atMs: 11_000 }, NEVER);
    expect(same).toBe(s);
    expect(none).toEqual([]);
    const [lost] = step(s, { type: 'driverLost', atMs: 11_001 }, NEVER);
    expect(lost).toMatchObject({ state: 'FAILED', errorMessage: 'driver pod not found', terminationMs: 11_001 });
  });

  it('fails a running application whose driver pod is lost, whatever the grace period', () => {
    const { lifecycle } = replaySparkLifecycle(
      [
        { type: 'enqueued', atMs: 0 },
        { type: 'submitted', atMs: 1 },
        { type: 'driverRunning', atMs: 2 },
        { type: 'driverLost', atMs: 3 },
      ],
      NEVER,
    );
    expect(lifecycle.state).toBe('FAILED');
  });
});

describe('transitionSparkLifecycle: submission failures', () => {
  // Seed policy: onSubmissionFailureRetries 2, interval 10 s → waits 10 s, then 20 s, then gives up.
  it('resubmits with linear backoff (10 s, 20 s) and fails after the third failed attempt', () => {
    let s = createSparkLifecycle();
    let actions: readonly unknown[];
    [s] = step(s, { type: 'enqueued', atMs: 0 }, SEED);
    [s, actions] = step(s, { type: 'submissionFailed', atMs: 200, message: 'quota exceeded' }, SEED);
    expect(s).toMatchObject({ state: 'SUBMISSION_FAILED', submissionAttempts: 1, errorMessage: 'quota exceeded' });
    expect(actions).toEqual([
      { type: 'stateEntered', state: 'SUBMISSION_FAILED', atMs: 200 },
      { type: 'scheduleRetry', atMs: 10_000 },
    ]);
    [s, actions] = step(s, { type: 'retryTimerFired', atMs: 10_000 }, SEED);
    expect(actions).toEqual([{ type: 'submit', atMs: 10_000, submissionId: 2 }]);
    [s, actions] = step(s, { type: 'submissionFailed', atMs: 10_100 }, SEED);
    expect(actions).toEqual([{ type: 'scheduleRetry', atMs: 30_000 }]);
    [s] = step(s, { type: 'retryTimerFired', atMs: 30_000 }, SEED);
    expect(s.submissionAttempts).toBe(3);
    [s, actions] = step(s, { type: 'submissionFailed', atMs: 30_050 }, SEED);
    expect(s).toMatchObject({ state: 'FAILED', terminationMs: 30_050, executionAttempts: 0 });
    expect(actions).toEqual([{ type: 'stateEntered', state: 'FAILED', atMs: 30_050 }]);
  });

  it('fails at once under Never', () => {
    const { lifecycle } = replaySparkLifecycle(
      [
        { type: 'enqueued', atMs: 0 },
        { type: 'submissionFailed', atMs: 5 },
      ],
      NEVER,
    );
    expect(lifecycle).toMatchObject({ state: 'FAILED', submissionAttempts: 1, terminationMs: 5 });
  });
});

describe('transitionSparkLifecycle: other events', () => {
  const running = replaySparkLifecycle(
    [
      { type: 'enqueued', atMs: 0 },
      { type: 'submitted', atMs: 1 },
      { type: 'driverRunning', atMs: 2 },
    ],
    SEED,
  ).lifecycle;

  it('asks the driver to replace lost executors while RUNNING', () => {
    const [s, actions] = step(running, { type: 'executorLost', atMs: 10, count: 3 }, SEED);
    expect(s).toBe(running);
    expect(actions).toEqual([{ type: 'replaceExecutors', atMs: 10, count: 3 }]);
  });

  it('invalidates on a spec change: pods deleted, counters reset, rerun', () => {
    const [s, actions] = step(running, { type: 'specChanged', atMs: 20 }, SEED);
    expect(s).toMatchObject({ state: 'PENDING_RERUN', submissionAttempts: 0, executionAttempts: 0 });
    expect(actions).toEqual([
      { type: 'stateEntered', state: 'INVALIDATING', atMs: 20 },
      { type: 'deletePods', atMs: 20 },
      { type: 'stateEntered', state: 'PENDING_RERUN', atMs: 20 },
    ]);
    const [s2, a2] = step(s, { type: 'podsDeleted', atMs: 25 }, SEED);
    expect(a2).toEqual([{ type: 'submit', atMs: 25, submissionId: 2 }]);
    expect(step(s2, { type: 'submitted', atMs: 26 }, SEED)[0].executionAttempts).toBe(1);
  });

  it('ignores events of an earlier submission', () => {
    const [s, actions] = step(running, { type: 'driverFailed', atMs: 30, submissionId: 7 }, SEED);
    expect(s).toBe(running);
    expect(actions).toEqual([]);
  });

  it('goes UNKNOWN and back with the driver pod', () => {
    const [u] = step(running, { type: 'driverUnknown', atMs: 3 }, SEED);
    expect(u.state).toBe('UNKNOWN');
    expect(step(u, { type: 'driverRunning', atMs: 4 }, SEED)[0].state).toBe('RUNNING');
    expect(step(u, { type: 'driverPending', atMs: 4 }, SEED)[0].state).toBe('SUBMITTED');
  });

  it('ignores a submission outcome nobody asked for', () => {
    const s0 = createSparkLifecycle();
    expect(step(s0, { type: 'submitted', atMs: 0 }, SEED)[0]).toBe(s0);
  });
});
