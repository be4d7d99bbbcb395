import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceJobProgress,
  completionTimeMs,
  divideCpuCeiling,
  evictionLoss,
  executorRateMilli,
  jobRateMilli,
  removeExecutor,
  setExecutorRate,
  startJobProgress,
  timeToCompleteMs,
} from '../../src/workload/runTimeModel.js';

describe('rates', () => {
  it('an executor progresses at min(request, granted); a job at the sum', () => {
    expect(executorRateMilli({ requestMilli: 2_000, grantedMilli: 5_000 })).toBe(2_000);
    expect(executorRateMilli({ requestMilli: 2_000, grantedMilli: 700 })).toBe(700);
    expect(executorRateMilli({ requestMilli: 2_000, grantedMilli: -5 })).toBe(0);
    expect(
      jobRateMilli([
        { requestMilli: 1_000, grantedMilli: 1_000 },
        { requestMilli: 1_000, grantedMilli: 250 },
      ]),
    ).toBe(1_250);
  });

  it('10 executors of 1 core finish 3600 core-seconds in 360 s; throttled to half, in 720 s', () => {
    const work = 3_600 * 1_000_000;
    expect(timeToCompleteMs(work, 10 * 1_000)).toBe(360_000);
    expect(timeToCompleteMs(work, 10 * 500)).toBe(720_000);
    expect(timeToCompleteMs(work, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(timeToCompleteMs(0, 0)).toBe(0);
    expect(timeToCompleteMs(10, 3)).toBe(4);
  });
});

describe('divideCpuCeiling', () => {
  it('splits the BE ceiling in proportion to requests, capped at each request', () => {
    expect(divideCpuCeiling(3_000, [1_000, 2_000, 3_000])).toEqual([500, 1_000, 1_500]);
    expect(divideCpuCeiling(10_000, [1_000, 2_000])).toEqual([1_000, 2_000]);
    expect(divideCpuCeiling(1_000, [1_000, 1_000, 1_000])).toEqual([334, 333, 333]);
    expect(divideCpuCeiling(0, [1_000])).toEqual([0]);
  });

  it('always hands out min(ceiling, Σ requests) with no grant above its request', () => {
    fc.assert(
      fc.property(fc.nat(200_000), fc.array(fc.nat(16_000), { maxLength: 30 }), (ceiling, requests) => {
        const grants = divideCpuCeiling(ceiling, requests);
        const total = requests.reduce((s, r) => s + r, 0);
        expect(grants.reduce((s, g) => s + g, 0)).toBe(Math.min(ceiling, total));
        grants.forEach((g, i) => {
          expect(Number.isInteger(g) && g >= 0 && g <= requests[i]!).toBe(true);
        });
      }),
    );
  });
});

describe('job progress and eviction', () => {
  it('accrues work per executor, loses the evicted executor’s share, and predicts completion', () => {
    // 2 executors of 1 core start at t=0 on a job of 100 core-seconds
    let p = startJobProgress(100 * 1_000_000, 0);
    p = setExecutorRate(p, 'e1', 1_000, 0);
    p = setExecutorRate(p, 'e2', 1_000, 0);
    expect(completionTimeMs(p)).toBe(50_000);
    // at 20 s: 40 core-s done, 20 by each
    p = advanceJobProgress(p, 20_000);
    expect(p.doneMilliCoreMs).toBe(40 * 1_000_000);
    // e2 is evicted at 20 s: its 20 core-s are lost (executor-lifetime model)
    p = removeExecutor(p, 'e2', 20_000, true);
    expect(p.doneMilliCoreMs).toBe(20 * 1_000_000);
    // e1 alone needs 80 more core-s → done at 100 s
    expect(completionTimeMs(p)).toBe(100_000);
    // throttled to 500 m at 40 s: 60 core-s left → 120 s more
    p = setExecutorRate(p, 'e1', 500, 40_000);
    expect(p.doneMilliCoreMs).toBe(40 * 1_000_000);
    expect(completionTimeMs(p)).toBe(160_000);
    // finishing normally keeps the work
    expect(removeExecutor(p, 'e1', 50_000, false).doneMilliCoreMs).toBe(45 * 1_000_000);
    // the total never exceeds the work
    expect(advanceJobProgress(p, 10_000_000).doneMilliCoreMs).toBe(100 * 1_000_000);
  });

  it('loses only the in-flight task under the in-flight-task model', () => {
    const e = { runningSinceMs: 0, doneMilliCoreMs: 130 * 1_000_000, rateMilli: 1_000 };
    expect(evictionLoss(e, 130_000)).toBe(130 * 1_000_000);
    // tasks of 60 s: at 130 s the third task is 10 s in
    expect(evictionLoss(e, 130_000, { kind: 'in-flight-task', taskMs: 60_000 })).toBe(10 * 1_000_000);
    expect(evictionLoss({ ...e, doneMilliCoreMs: 5 }, 130_000, { kind: 'in-flight-task', taskMs: 60_000 })).toBe(5);
  });
});
