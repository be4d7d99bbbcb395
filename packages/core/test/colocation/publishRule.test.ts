import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BatchResourcesResult, ColocationStrategy } from '../../src/colocation/index.js';
import {
  batchPublishNeeded,
  batchPublishReason,
  computeBatchResources,
  DEFAULT_COLOCATION_STRATEGY,
  decideBatchPublish,
  isQuantityDiff,
  shouldPublishBatchResources,
} from '../../src/colocation/index.js';
import { CORE, GI, makeMetric, makeNode, usage } from './fixtures.js';

const S: ColocationStrategy = { ...DEFAULT_COLOCATION_STRATEGY, enable: true };

function next(batchCpu: number, batchMemory: number): BatchResourcesResult {
  // A real result of the right shape, with the values overwritten for the test.
  const r = computeBatchResources(
    makeNode({ cpu: 4 * CORE, memory: 8 * GI }),
    [],
    makeMetric(0, usage(0, 0), []),
    S,
    0,
  );
  if (r.degraded) throw new Error('unexpected');
  return { ...r, batchCpu, batchMemory };
}

const RESET: BatchResourcesResult = { degraded: true, reason: 'nodeMetricExpired' };

describe('shouldPublishBatchResources', () => {
  it('publishes the first value', () => {
    expect(decideBatchPublish(undefined, next(1000, GI), S, 0)).toEqual({ publish: true, reason: 'neverPublished' });
  });

  it('republishes strictly after updateTimeThresholdSeconds, whatever the value', () => {
    const prev = { batchCpu: 10_000, batchMemory: 10 * GI, publishedAt: 1000 };
    expect(shouldPublishBatchResources(prev, next(10_000, 10 * GI), S, 1000 + 300_000)).toBe(false);
    expect(decideBatchPublish(prev, next(10_000, 10 * GI), S, 1000 + 300_001)).toEqual({
      publish: true,
      reason: 'expired',
    });
    expect(
      shouldPublishBatchResources(prev, next(10_000, 10 * GI), { ...S, updateTimeThresholdSeconds: 60 }, 61_001),
    ).toBe(true);
  });

  it('publishes a change only when it exceeds resourceDiffThreshold relative to the published value', () => {
    const prev = { batchCpu: 10_000, batchMemory: 10 * GI, publishedAt: 0 };
    expect(shouldPublishBatchResources(prev, next(11_000, 10 * GI), S, 1)).toBe(false); // exactly 10%: not more
    expect(shouldPublishBatchResources(prev, next(9_000, 10 * GI), S, 1)).toBe(false);
    expect(decideBatchPublish(prev, next(11_001, 10 * GI), S, 1)).toEqual({ publish: true, reason: 'diffExceeded' });
    expect(shouldPublishBatchResources(prev, next(8_999, 10 * GI), S, 1)).toBe(true);
    // batch-memory alone
    expect(shouldPublishBatchResources(prev, next(10_000, 12 * GI), S, 1)).toBe(true);
    expect(shouldPublishBatchResources(prev, next(10_000, 10.5 * GI), S, 1)).toBe(false);
    // a tighter threshold
    expect(shouldPublishBatchResources(prev, next(10_600, 10 * GI), { ...S, resourceDiffThreshold: 0.05 }, 1)).toBe(
      true,
    );
  });

  it('from zero any positive value is a change; zero to zero is not', () => {
    expect(isQuantityDiff(0, 1, 0.1)).toBe(true);
    expect(isQuantityDiff(0, 0, 0.1)).toBe(false);
    const prev = { batchCpu: 0, batchMemory: 0, publishedAt: 0 };
    expect(shouldPublishBatchResources(prev, next(0, 0), S, 1)).toBe(false);
    expect(shouldPublishBatchResources(prev, next(1, 0), S, 1)).toBe(true);
  });

  it('publishes a reset (resources disappear) and a recovery (they appear) at once', () => {
    const prev = { batchCpu: 10_000, batchMemory: 10 * GI, publishedAt: 0 };
    expect(decideBatchPublish(prev, RESET, S, 1)).toEqual({ publish: true, reason: 'disappeared' });
    const reset = { publishedAt: 0 };
    expect(decideBatchPublish(reset, next(100, 100), S, 1)).toEqual({ publish: true, reason: 'appeared' });
    expect(decideBatchPublish(reset, RESET, S, 1)).toEqual({ publish: false, reason: 'unchanged' });
  });
});

describe('batchPublishReason (the numeric form a simulator calls)', () => {
  it('gives the reason decideBatchPublish gives, from plain numbers', () => {
    // 10 cores published at t = 0; 10 % threshold: 11 cores is exactly 10 % (not more) → unchanged, 11.001 → diff.
    expect(batchPublishReason(10_000, 10 * GI, 0, 11_000, 10 * GI, S, 60_000)).toBe('unchanged');
    expect(batchPublishReason(10_000, 10 * GI, 0, 11_001, 10 * GI, S, 60_000)).toBe('diffExceeded');
    expect(batchPublishReason(10_000, 10 * GI, 0, 10_000, 12 * GI, S, 60_000)).toBe('diffExceeded');
    expect(batchPublishReason(10_000, 10 * GI, 0, 10_000, 10 * GI, S, 300_001)).toBe('expired');
    expect(batchPublishReason(undefined, undefined, 0, 1, 1, S, 60_000)).toBe('appeared');
    expect(batchPublishReason(10_000, 10 * GI, 0, undefined, undefined, S, 60_000)).toBe('disappeared');
    expect(batchPublishReason(undefined, undefined, 0, undefined, undefined, S, 60_000)).toBe('unchanged');
  });

  it('agrees with decideBatchPublish on every combination', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 64_000 }), { nil: undefined }),
        fc.integer({ min: 0, max: 64_000 }),
        fc.integer({ min: 0, max: 600_000 }),
        fc.boolean(),
        (prevCpu, nextCpu, now, degraded) => {
          const previous =
            prevCpu === undefined ? { publishedAt: 0 } : { batchCpu: prevCpu, batchMemory: GI, publishedAt: 0 };
          const n = degraded ? RESET : next(nextCpu, GI);
          const reason = batchPublishReason(
            previous.batchCpu,
            previous.batchMemory,
            0,
            degraded ? undefined : nextCpu,
            degraded ? undefined : GI,
            S,
            now,
          );
          expect(decideBatchPublish(previous, n, S, now)).toEqual({ publish: reason !== 'unchanged', reason });
        },
      ),
    );
  });
});

describe('batchPublishNeeded (many nodes at once)', () => {
  it('publishes exactly where batchPublishReason is not unchanged', () => {
    const value = fc.option(fc.integer({ min: 0, max: 64_000 }), { nil: undefined });
    const node = fc.record({
      prevCpu: value,
      prevMem: value,
      nextCpu: value,
      nextMem: value,
      at: fc.integer({ min: 0, max: 600_000 }),
      updateSeconds: fc.constantFrom(60, 300),
      diff: fc.constantFrom(0.05, 0.1, 0.5),
    });
    fc.assert(
      fc.property(fc.array(node, { maxLength: 16 }), fc.integer({ min: 0, max: 900_000 }), (nodes, now) => {
        const col = (f: (n: (typeof nodes)[number]) => number | undefined) =>
          Float64Array.from(nodes, (n) => f(n) ?? Number.NaN);
        const out = new Uint8Array(nodes.length);
        batchPublishNeeded(
          {
            publishedCpu: col((n) => n.prevCpu),
            publishedMemory: col((n) => n.prevMem),
            publishedAt: col((n) => n.at),
            nextCpu: col((n) => n.nextCpu),
            nextMemory: col((n) => n.nextMem),
            updateTimeThresholdMs: col((n) => n.updateSeconds * 1000),
            resourceDiffThreshold: col((n) => n.diff),
          },
          nodes.length,
          now,
          out,
        );
        nodes.forEach((n, g) => {
          const strategy = { ...S, updateTimeThresholdSeconds: n.updateSeconds, resourceDiffThreshold: n.diff };
          const reason = batchPublishReason(n.prevCpu, n.prevMem, n.at, n.nextCpu, n.nextMem, strategy, now);
          expect(out[g]).toBe(reason === 'unchanged' ? 0 : 1);
        });
      }),
    );
  });
});
