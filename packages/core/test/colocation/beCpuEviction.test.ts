import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BeCpuEvictionInput, ResourceThresholdStrategy } from '../../src/colocation/index.js';
import { beCpuEviction, DEFAULT_RESOURCE_THRESHOLD_STRATEGY } from '../../src/colocation/index.js';
import type { Gen } from './fixtures.js';
import { bePod, CORE, deepFreeze, GI, lsPod, podMetric, usage } from './fixtures.js';

// The documented example configuration: lower 60, upper 80, usage threshold 90, window 60 s.
const S: ResourceThresholdStrategy = {
  ...DEFAULT_RESOURCE_THRESHOLD_STRATEGY,
  enable: true,
  cpuEvictBESatisfactionLowerPercent: 60,
  cpuEvictBESatisfactionUpperPercent: 80,
  cpuEvictTimeWindowSeconds: 60,
};

const pods = [
  bePod('a', 8 * CORE, GI, { priority: 5000 }),
  bePod('b', 4 * CORE, GI, { priority: 5000 }),
  bePod('c', 8 * CORE, GI, { priority: 5500 }),
  bePod('opted-out', 8 * CORE, GI, {
    priority: 3000,
    annotations: { 'koordinator.sh/eviction-policy': '["CPUEvict"]' },
  }),
  lsPod('web', 8 * CORE, GI),
];
const sample = {
  nodeUsage: usage(0, 0),
  podsMetric: [
    podMetric('a', 4 * CORE, 0, 'koord-batch', 'BE'), // 50% of its request
    podMetric('b', 3900, 0, 'koord-batch', 'BE'), // 97.5%
    podMetric('c', 1600, 0, 'koord-batch', 'BE'),
  ],
};
const starved = { usedMilli: 9500, requestMilli: 20_000, realLimitMilli: 10_000 };

function input(extra: Partial<BeCpuEvictionInput> = {}): BeCpuEvictionInput {
  return { pods, sample, strategy: S, windowAverage: { ...starved, sampleCount: 60 }, current: starved, ...extra };
}

describe('beCpuEviction (BECPUEvict, satisfaction)', () => {
  it('satisfaction 50% ≤ 60% with usage 95% ≥ 90%: release request × (80% − 50%), lowest priority then highest usage ratio', () => {
    const d = beCpuEviction(input());
    expect(d.outcome).toBe('evict');
    expect(d.satisfaction).toBe(0.5);
    expect(d.toReleaseMilli).toBe(6000);
    // b (priority 5000, 97.5% of request) releases 4000, then a (5000, 50%) 8000 → 12000 ≥ 6000.
    expect(d.victims.map((v) => v.name)).toEqual(['b', 'a']);
    expect(d.releasedMilli).toBe(12_000);
    expect(d.victims[0]?.reason).toMatch(/^BECPUEvict: BE CPU satisfaction 50% ≤ 60%/);
  });

  it('takes the smaller of the window and the latest release', () => {
    const current = { usedMilli: 10_500, requestMilli: 20_000, realLimitMilli: 11_000 };
    const d = beCpuEviction(input({ current }));
    expect(d.toReleaseMilli).toBe(5000); // 20000 × (0.80 − 0.55)
    expect(d.victims.map((v) => v.name)).toEqual(['b', 'a']);
  });

  it('does nothing when BE pods do not use their limit, or satisfaction is above the lower percent', () => {
    expect(beCpuEviction(input({ windowAverage: { ...starved, usedMilli: 8000, sampleCount: 60 } })).outcome).toBe(
      'usageLow',
    );
    expect(beCpuEviction(input({ current: { ...starved, usedMilli: 5000 } })).outcome).toBe('usageLow');
    const relaxed = { usedMilli: 14_000, requestMilli: 20_000, realLimitMilli: 15_000 };
    expect(beCpuEviction(input({ windowAverage: { ...relaxed, sampleCount: 60 }, current: relaxed }))).toMatchObject({
      outcome: 'satisfied',
      satisfaction: 0.75,
    });
  });

  it('needs enough samples in the window (count × interval ≥ window / 3)', () => {
    expect(beCpuEviction(input({ windowAverage: { ...starved, sampleCount: 19 } })).outcome).toBe('notEnoughSamples');
    expect(beCpuEviction(input({ windowAverage: { ...starved, sampleCount: 20 } })).outcome).toBe('evict');
  });

  it('is off unless enabled and both satisfaction percents are set and in range', () => {
    expect(beCpuEviction(input({ strategy: { ...S, enable: false } })).outcome).toBe('disabled');
    expect(beCpuEviction(input({ strategy: DEFAULT_RESOURCE_THRESHOLD_STRATEGY })).outcome).toBe('disabled');
    const { cpuEvictBESatisfactionUpperPercent: _u, ...noUpper } = S;
    expect(beCpuEviction(input({ strategy: noUpper })).outcome).toBe('invalidConfig');
    expect(beCpuEviction(input({ strategy: { ...S, cpuEvictBESatisfactionLowerPercent: 61 } })).outcome).toBe(
      'invalidConfig',
    );
    expect(beCpuEviction(input({ strategy: { ...S, cpuEvictBESatisfactionUpperPercent: 100 } })).outcome).toBe(
      'invalidConfig',
    );
  });

  it('evictByAllocatable compares requests with the published batch-cpu (0 counts as 1 m)', () => {
    const strategy = { ...S, cpuEvictPolicy: 'evictByAllocatable' as const };
    const d = beCpuEviction(input({ strategy, batchCpuAllocatable: 0 }));
    expect(d.toReleaseMilli).toBe(15_999); // trunc(20000 × (0.80 − 1/20000))
    expect(beCpuEviction(input({ strategy })).outcome).toBe('usageLow'); // no batch-cpu published: limit −1
  });

  it('respects the 20 s cool-down', () => {
    expect(beCpuEviction(input({ now: 29_999, lastEvictionTime: 10_000 })).outcome).toBe('coolingDown');
    expect(beCpuEviction(input({ now: 30_000, lastEvictionTime: 10_000 })).outcome).toBe('evict');
  });

  const arb = fc.record({
    used: fc.nat(64 * CORE),
    request: fc.nat(64 * CORE),
    limit: fc.integer({ min: -1, max: 64 * CORE }),
    lower: fc.integer({ min: 1, max: 60 }),
    extraUpper: fc.nat(39),
    be: fc.array(fc.record({ req: fc.nat(8 * CORE), used: fc.nat(8 * CORE), priority: fc.constantFrom(5000, 5500) }), {
      maxLength: 8,
    }),
  });
  function build(r: Gen<typeof arb>): BeCpuEvictionInput {
    const s = { usedMilli: r.used, requestMilli: r.request, realLimitMilli: r.limit };
    return {
      pods: [...r.be.map((b, i) => bePod(`be-${i}`, b.req, GI, { priority: b.priority })), lsPod('web', CORE, GI)],
      sample: {
        nodeUsage: usage(0, 0),
        podsMetric: r.be.map((b, i) => podMetric(`be-${i}`, b.used, 0, 'koord-batch', 'BE')),
      },
      strategy: {
        ...S,
        cpuEvictBESatisfactionLowerPercent: r.lower,
        cpuEvictBESatisfactionUpperPercent: Math.min(r.lower + r.extraUpper, 99),
      },
      windowAverage: { ...s, sampleCount: 60 },
      current: s,
    };
  }

  it('victims are BE pods only, stop once the target is reached, and the decision is deterministic', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const i = deepFreeze(build(r));
        const d = beCpuEviction(i);
        expect(beCpuEviction(i)).toEqual(d);
        for (const v of d.victims) expect(v.name.startsWith('be-')).toBe(true);
        if (d.outcome === 'evict') {
          expect(d.toReleaseMilli).toBeGreaterThan(0);
          const beforeLast = d.releasedMilli - (d.victims.at(-1)?.release ?? 0);
          expect(beforeLast).toBeLessThan(d.toReleaseMilli);
        } else {
          expect(d.victims).toEqual([]);
        }
      }),
    );
  });
});
