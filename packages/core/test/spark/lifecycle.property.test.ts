import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SparkLifecycleConfig } from '../../src/spark/lifecycle.js';
import { sparkLifecycleConfig, transitionSparkLifecycle } from '../../src/spark/lifecycle.js';
import type { SparkLifecycleAction } from '../../src/spark/lifecycleAction.js';
import type { SparkLifecycleEvent, SparkLifecycleEventType } from '../../src/spark/lifecycleEvent.js';
import type { SparkLifecycle } from '../../src/spark/lifecycleState.js';
import {
  createSparkLifecycle,
  isTerminalSparkState,
  SPARK_APPLICATION_STATES,
} from '../../src/spark/lifecycleState.js';
import type { SparkRestartPolicy } from '../../src/spark/SparkApplication.js';

const EVENT_TYPES: readonly SparkLifecycleEventType[] = [
  'enqueued',
  'submitted',
  'submissionFailed',
  'driverPending',
  'driverRunning',
  'driverSucceeded',
  'driverFailed',
  'driverUnknown',
  'driverLost',
  'executorLost',
  'retryTimerFired',
  'podsDeleted',
  'specChanged',
];

const arbPolicy: fc.Arbitrary<SparkRestartPolicy> = fc.record(
  {
    type: fc.constantFrom('Never' as const, 'OnFailure' as const, 'Always' as const),
    onFailureRetries: fc.integer({ min: 0, max: 3 }),
    onFailureRetryInterval: fc.integer({ min: 0, max: 20 }),
    onSubmissionFailureRetries: fc.integer({ min: 0, max: 3 }),
    onSubmissionFailureRetryInterval: fc.integer({ min: 0, max: 20 }),
  },
  { requiredKeys: ['type'] },
);

interface RawEvent {
  readonly type: SparkLifecycleEventType;
  readonly dtMs: number;
  readonly exitCode: number | undefined;
  readonly idMode: 'none' | 'current' | 'other';
}

const arbRawEvent: fc.Arbitrary<RawEvent> = fc.record({
  type: fc.constantFrom(...EVENT_TYPES),
  dtMs: fc.integer({ min: 0, max: 30_000 }),
  exitCode: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  idMode: fc.constantFrom('none' as const, 'current' as const, 'current' as const, 'other' as const),
});

function toEvent(raw: RawEvent, atMs: number, s: SparkLifecycle): SparkLifecycleEvent {
  const submissionId =
    raw.idMode === 'none' ? undefined : raw.idMode === 'current' ? s.submissionId : s.submissionId + 1;
  switch (raw.type) {
    case 'enqueued':
    case 'retryTimerFired':
    case 'podsDeleted':
    case 'specChanged':
      return { type: raw.type, atMs };
    case 'driverFailed':
      return { type: 'driverFailed', atMs, submissionId, exitCode: raw.exitCode };
    case 'executorLost':
      return { type: 'executorLost', atMs, submissionId, count: raw.exitCode ?? 1 };
    default:
      return { type: raw.type, atMs, submissionId };
  }
}

/** Bounds the restart policy puts on the counters. */
function maxRuns(policy: SparkRestartPolicy): number {
  if (policy.type === 'Always') return Number.POSITIVE_INFINITY;
  if (policy.type === 'Never' || policy.onFailureRetries === undefined) return 1;
  return policy.onFailureRetries + 1;
}
function maxSubmissionsPerRun(policy: SparkRestartPolicy): number {
  if (policy.type === 'Always') return Number.POSITIVE_INFINITY;
  if (policy.type === 'Never' || policy.onSubmissionFailureRetries === undefined) return 1;
  return policy.onSubmissionFailureRetries + 1;
}

function checkInvariants(s: SparkLifecycle, policy: SparkRestartPolicy, config: SparkLifecycleConfig): void {
  expect(SPARK_APPLICATION_STATES).toContain(s.state);
  for (const n of [s.submissionAttempts, s.executionAttempts, s.submissionId]) {
    expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
  }
  // transient states never outlive a transition
  expect(['SUCCEEDING', 'INVALIDATING']).not.toContain(s.state);
  if (s.submitting) expect(['NEW', 'SUBMISSION_FAILED', 'PENDING_RERUN']).toContain(s.state);
  if (isTerminalSparkState(s.state)) {
    expect(s.submitting).toBe(false);
    expect(s.terminationMs).toBeDefined();
  }
  if (['SUBMITTED', 'RUNNING', 'UNKNOWN'].includes(s.state)) {
    expect(s.executionAttempts).toBeGreaterThanOrEqual(1);
    expect(s.submissionAttempts).toBeGreaterThanOrEqual(1);
  }
  // FAILING / SUBMISSION_FAILED only persist while a retry is pending
  if (s.state === 'FAILING') expect(config.restartPolicy.type).not.toBe('Never');
  if (s.state === 'SUBMISSION_FAILED') expect(config.restartPolicy.type).not.toBe('Never');
  // attempts never exceed the configured retries
  expect(s.executionAttempts).toBeLessThanOrEqual(maxRuns(policy));
  expect(s.submissionAttempts).toBeLessThanOrEqual(maxSubmissionsPerRun(policy));
}

describe('transitionSparkLifecycle properties', () => {
  it('any event sequence keeps the machine in a valid state within the retry bounds', () => {
    fc.assert(
      fc.property(arbPolicy, fc.array(arbRawEvent, { maxLength: 80 }), (policy, raws) => {
        const config = sparkLifecycleConfig({ restartPolicy: policy });
        let s = createSparkLifecycle();
        let now = 0;
        for (const raw of raws) {
          now += raw.dtMs;
          const event = toEvent(raw, now, s);
          const [next, actions] = transitionSparkLifecycle(s, event, config);
          checkInvariants(next, policy, config);
          for (const a of actions) {
            if (a.type === 'scheduleRetry') expect(a.atMs).toBeGreaterThan(now);
            else expect(a.atMs).toBe(now);
          }
          s = next;
        }
      }),
    );
  });

  it('terminal states absorb every event', () => {
    fc.assert(
      fc.property(arbPolicy, fc.array(arbRawEvent, { maxLength: 60 }), (policy, raws) => {
        const config = sparkLifecycleConfig({ restartPolicy: policy });
        let s = createSparkLifecycle();
        let terminal: SparkLifecycle | undefined;
        let now = 0;
        for (const raw of raws) {
          now += raw.dtMs;
          const [next, actions] = transitionSparkLifecycle(s, toEvent(raw, now, s), config);
          if (terminal !== undefined) {
            expect(next).toBe(terminal);
            expect(actions).toEqual([]);
          } else if (isTerminalSparkState(next.state)) {
            terminal = next;
          }
          s = next;
        }
      }),
    );
  });

  // A cooperative environment answers every action; the driver always ends. Under Never and OnFailure the
  // application then terminates, after at most (runs × submissions per run) spark-submits.
  it('terminates under Never / OnFailure when the environment answers every action', () => {
    const arbOutcome = fc.record({
      submitOk: fc.boolean(),
      driverOk: fc.boolean(),
      runMs: fc.integer({ min: 0, max: 120_000 }),
    });
    fc.assert(
      fc.property(
        arbPolicy.filter((p) => p.type !== 'Always'),
        fc.array(arbOutcome, { minLength: 1, maxLength: 40 }),
        (policy, outcomes) => {
          const config = sparkLifecycleConfig({ restartPolicy: policy });
          let s = createSparkLifecycle();
          let now = 0;
          let submits = 0;
          let pending: SparkLifecycleAction[] = [];
          const apply = (e: SparkLifecycleEvent): void => {
            const [next, actions] = transitionSparkLifecycle(s, e, config);
            s = next;
            pending.push(...actions);
          };
          apply({ type: 'enqueued', atMs: 0 });
          let i = 0;
          while (pending.length > 0 && i < 1_000) {
            const action = pending.shift()!;
            const o = outcomes[i++ % outcomes.length]!;
            if (action.type === 'submit') {
              submits++;
              if (!o.submitOk) apply({ type: 'submissionFailed', atMs: now });
              else {
                apply({ type: 'submitted', atMs: now });
                apply({ type: 'driverRunning', atMs: now });
                now += o.runMs;
                apply(o.driverOk ? { type: 'driverSucceeded', atMs: now } : { type: 'driverFailed', atMs: now });
              }
            } else if (action.type === 'scheduleRetry') {
              now = action.atMs;
              apply({ type: 'retryTimerFired', atMs: now });
            } else if (action.type === 'deletePods') {
              apply({ type: 'podsDeleted', atMs: now });
            }
            pending = pending.filter((a) => a.type !== 'stateEntered');
          }
          expect(isTerminalSparkState(s.state)).toBe(true);
          expect(submits).toBeLessThanOrEqual(maxRuns(policy) * maxSubmissionsPerRun(policy));
        },
      ),
    );
  });
});
