import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExecutorAllocationSettings } from '../../src/spark/executorAllocation.js';
import {
  executorAllocationPlan,
  executorAllocationSettings,
  executorsToRequest,
  sparkExecutorAllocationPlan,
} from '../../src/spark/executorAllocation.js';
import type { SparkApplication } from '../../src/spark/SparkApplication.js';

function app(sparkVersion: string, sparkConf: Record<string, string>, instances?: number): SparkApplication {
  const pod = { labels: {}, annotations: {}, nodeSelector: {}, tolerations: [] };
  return {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'SparkApplication',
    name: 'wordcount',
    namespace: 'default',
    labels: {},
    annotations: {},
    type: 'Java',
    mode: 'cluster',
    sparkVersion,
    arguments: [],
    sparkConf,
    driver: pod,
    executor: { ...pod, ...(instances === undefined ? {} : { instances }) },
    restartPolicy: { type: 'Never' },
  };
}

const settings = (batchSize: number, extra: Partial<ExecutorAllocationSettings> = {}): ExecutorAllocationSettings => ({
  batchSize,
  batchDelayMs: 1_000,
  maxPendingPods: 2_147_483_647,
  podCreationTimeoutMs: 600_000,
  driverReadinessTimeoutMs: 1_000,
  ...extra,
});

describe('executorAllocationSettings', () => {
  it('reads sparkConf, falls back to the defaults, and derives the creation timeout', () => {
    expect(executorAllocationSettings(app('2.4.4', { 'spark.kubernetes.allocation.batch.size': '10' }))).toEqual(
      settings(10),
    );
    const s = executorAllocationSettings(
      app('4.2.0', {
        'spark.kubernetes.allocation.batch.delay': '200s',
        'spark.kubernetes.allocation.maxPendingPods': '50',
        'spark.kubernetes.allocation.driver.readinessTimeout': '30',
        'spark.kubernetes.allocation.batch.size': '-3',
      }),
    );
    expect(s).toEqual({
      batchSize: 20, // -3 is invalid: default for 4.2
      batchDelayMs: 200_000,
      maxPendingPods: 50,
      podCreationTimeoutMs: 1_000_000, // max(5 × 200 s, 600 s)
      driverReadinessTimeoutMs: 30_000, // a bare number is seconds for this entry
    });
    expect(
      executorAllocationSettings(app('3.5.0', { 'spark.kubernetes.allocation.batch.delay': '250' })).batchDelayMs,
    ).toBe(250); // bare number: milliseconds
  });
});

describe('executorsToRequest', () => {
  it('waits while a created pod is unseen, else fills the gap up to one batch', () => {
    const s = settings(5);
    expect(executorsToRequest({ running: 0, pending: 0, newlyCreated: 0 }, 12, s)).toBe(5);
    expect(executorsToRequest({ running: 0, pending: 5, newlyCreated: 0 }, 12, s)).toBe(5);
    expect(executorsToRequest({ running: 3, pending: 7, newlyCreated: 0 }, 12, s)).toBe(2);
    expect(executorsToRequest({ running: 0, pending: 5, newlyCreated: 1 }, 12, s)).toBe(0);
    expect(executorsToRequest({ running: 12, pending: 0, newlyCreated: 0 }, 12, s)).toBe(0);
  });

  it('replaces lost executors and respects maxPendingPods', () => {
    // 10 running of 12 after losing two: the next round asks for the two
    expect(executorsToRequest({ running: 10, pending: 0, newlyCreated: 0 }, 12, settings(5))).toBe(2);
    expect(
      executorsToRequest({ running: 0, pending: 4, newlyCreated: 0 }, 12, settings(5, { maxPendingPods: 6 })),
    ).toBe(2);
  });
});

describe('executorAllocationPlan', () => {
  it('creates the seed wordcount’s 100 executors in 10 batches of 10, one second apart', () => {
    const wordcount = app('2.4.4', { 'spark.kubernetes.allocation.batch.size': '10' }, 100);
    const plan = sparkExecutorAllocationPlan(wordcount, { startMs: 20_000 });
    expect(plan).toHaveLength(10);
    expect(plan[0]).toEqual({ atMs: 20_000, count: 10, firstExecutorId: 1 });
    expect(plan[9]).toEqual({ atMs: 29_000, count: 10, firstExecutorId: 91 });
    // Spark 4.2 defaults to batches of 20: five rounds
    expect(sparkExecutorAllocationPlan(app('4.2.0', {}, 100), { startMs: 0 })).toHaveLength(5);
  });

  it('uses the last partial batch and the Spark 3.5 default of 5', () => {
    const plan = sparkExecutorAllocationPlan(app('3.5.0', {}, 12), { startMs: 0 });
    expect(plan.map((b) => [b.atMs, b.count])).toEqual([
      [0, 5],
      [1_000, 5],
      [2_000, 2],
    ]);
  });

  it('skips rounds while the previous batch is not yet observed', () => {
    const plan = executorAllocationPlan(12, settings(5), { startMs: 0, observationLatencyMs: 1_500 });
    expect(plan.map((b) => b.atMs)).toEqual([0, 2_000, 4_000]);
  });

  it('stops at maxPendingPods when no pod runs', () => {
    const plan = executorAllocationPlan(12, settings(5, { maxPendingPods: 7 }), { startMs: 0 });
    expect(plan.map((b) => b.count)).toEqual([5, 2]);
  });

  it('creates exactly the target, in batches no larger than batchSize, at least batchDelay apart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (target, batchSize, batchDelayMs, latency) => {
          const s = settings(batchSize, { batchDelayMs });
          const plan = executorAllocationPlan(target, s, { startMs: 7, observationLatencyMs: latency });
          expect(plan.reduce((n, b) => n + b.count, 0)).toBe(target);
          plan.forEach((b, i) => {
            expect(b.count).toBeGreaterThan(0);
            expect(b.count).toBeLessThanOrEqual(batchSize);
            if (i > 0) expect(b.atMs - plan[i - 1]!.atMs).toBeGreaterThanOrEqual(Math.max(batchDelayMs, latency));
          });
          if (latency < batchDelayMs) expect(plan).toHaveLength(Math.ceil(target / batchSize));
        },
      ),
    );
  });
});
