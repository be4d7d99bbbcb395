import { describe, expect, it } from 'vitest';
import { resolveRestartPolicy, retryDueAtMs, shouldRetry } from '../../src/spark/restartPolicy.js';

describe('resolveRestartPolicy', () => {
  it('defaults to Never with 5 s intervals and no retry counts', () => {
    expect(resolveRestartPolicy(undefined)).toEqual({
      type: 'Never',
      onFailureRetryIntervalMs: 5_000,
      onSubmissionFailureRetryIntervalMs: 5_000,
    });
  });

  it('converts seconds to milliseconds and keeps the counts', () => {
    expect(
      resolveRestartPolicy({
        type: 'OnFailure',
        onFailureRetries: 2,
        onFailureRetryInterval: 5,
        onSubmissionFailureRetries: 3,
        onSubmissionFailureRetryInterval: 10,
      }),
    ).toEqual({
      type: 'OnFailure',
      onFailureRetries: 2,
      onFailureRetryIntervalMs: 5_000,
      onSubmissionFailureRetries: 3,
      onSubmissionFailureRetryIntervalMs: 10_000,
    });
  });
});

describe('shouldRetry', () => {
  const onFailure = resolveRestartPolicy({ type: 'OnFailure', onFailureRetries: 1, onSubmissionFailureRetries: 0 });

  it('follows the attempt counters under OnFailure (attempts count the first try)', () => {
    expect(shouldRetry('FAILING', { submissionAttempts: 1, executionAttempts: 1 }, onFailure)).toBe(true);
    expect(shouldRetry('FAILING', { submissionAttempts: 1, executionAttempts: 2 }, onFailure)).toBe(false);
    expect(shouldRetry('SUBMISSION_FAILED', { submissionAttempts: 1, executionAttempts: 0 }, onFailure)).toBe(false);
    expect(shouldRetry('SUCCEEDING', { submissionAttempts: 1, executionAttempts: 1 }, onFailure)).toBe(false);
  });

  it('never retries without a count, always retries under Always', () => {
    const noCount = resolveRestartPolicy({ type: 'OnFailure' });
    const always = resolveRestartPolicy({ type: 'Always' });
    const counters = { submissionAttempts: 9, executionAttempts: 9 };
    expect(shouldRetry('FAILING', { submissionAttempts: 1, executionAttempts: 1 }, noCount)).toBe(false);
    for (const state of ['SUCCEEDING', 'FAILING', 'SUBMISSION_FAILED'] as const) {
      expect(shouldRetry(state, counters, always)).toBe(true);
    }
  });
});

describe('retryDueAtMs', () => {
  it('is last attempt + interval × submission attempts (linear), per failure kind', () => {
    const p = resolveRestartPolicy({ type: 'Always', onFailureRetryInterval: 5, onSubmissionFailureRetryInterval: 10 });
    expect(retryDueAtMs('FAILING', 1_000, 1, p)).toBe(6_000);
    expect(retryDueAtMs('FAILING', 1_000, 3, p)).toBe(16_000);
    expect(retryDueAtMs('SUBMISSION_FAILED', 1_000, 2, p)).toBe(21_000);
  });
});
