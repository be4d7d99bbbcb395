import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BeMemoryEvictionInput, ResourceThresholdStrategy } from '../../src/colocation/index.js';
import { beMemoryEviction, DEFAULT_RESOURCE_THRESHOLD_STRATEGY } from '../../src/colocation/index.js';
import type { Gen } from './fixtures.js';
import { bePod, CORE, deepFreeze, GI, lsPod, makeNode, makePod, podMetric, usage } from './fixtures.js';

const ON: ResourceThresholdStrategy = { ...DEFAULT_RESOURCE_THRESHOLD_STRATEGY, enable: true };
const CAP = 100 * GI;
const node = makeNode({ cpu: 32 * CORE, memory: CAP });

const pods = [
  lsPod('web', 4 * CORE, 50 * GI),
  bePod('be-small', CORE, GI, { priority: 5000 }),
  bePod('be-big', CORE, GI, { priority: 5000 }),
  bePod('be-low', CORE, GI, { priority: 4000 }),
  bePod('be-idle', CORE, GI, { priority: 5000 }),
  makePod('besteffort-unlabelled'), // Kubernetes BestEffort but no BE label: never a BEMemoryEvict victim
];
function input(nodeUsed: number, extra: Partial<BeMemoryEvictionInput> = {}): BeMemoryEvictionInput {
  return {
    node,
    pods,
    sample: {
      nodeUsage: usage(0, nodeUsed),
      podsMetric: [
        podMetric('web', 0, 50 * GI),
        podMetric('be-small', 0, 2 * GI, 'koord-batch', 'BE'),
        podMetric('be-big', 0, 6 * GI, 'koord-batch', 'BE'),
        podMetric('be-low', 0, 1 * GI, 'koord-batch', 'BE'),
        podMetric('besteffort-unlabelled', 0, 9 * GI, 'koord-batch', 'BE'),
      ],
    },
    strategy: ON,
    ...extra,
  };
}

describe('beMemoryEviction', () => {
  it('at 75% with threshold 70 / lower 68 releases 7% of capacity: lowest priority first, then largest usage', () => {
    const d = beMemoryEviction(input(Math.trunc(CAP * 0.755)));
    expect(d.outcome).toBe('evict');
    expect(d.usagePercent).toBe(75);
    expect(d.toRelease).toBe((CAP * 7) / 100);
    // be-low (priority 4000, 1Gi) then be-big (6Gi): 7Gi = the target exactly, so be-small stays.
    expect(d.victims.map((v) => v.name)).toEqual(['be-low', 'be-big']);
    expect(d.released).toBe(7 * GI);
    expect(d.victims[0]?.reason).toMatch(/^BEMemoryEvict: node memory usage 75% ≥ threshold 70%/);
  });

  it('takes pods with no usage last and can fall short when BE pods run out', () => {
    const d = beMemoryEviction(input(Math.trunc(CAP * 0.95)));
    expect(d.toRelease).toBe((CAP * 27) / 100);
    expect(d.victims.map((v) => v.name)).toEqual(['be-low', 'be-big', 'be-small', 'be-idle']);
    expect(d.released).toBe(9 * GI);
    expect(d.released).toBeLessThan(d.toRelease);
  });

  it('triggers at the threshold (usage% ≥ threshold, integer percent), not below', () => {
    expect(beMemoryEviction(input(70 * GI)).outcome).toBe('evict');
    expect(beMemoryEviction(input(70 * GI - 1))).toMatchObject({
      outcome: 'belowThreshold',
      usagePercent: 69,
      victims: [],
    });
  });

  it('honours a configured lower percent, the enable switch, invalid config and the 4 s cool-down', () => {
    const lower = beMemoryEviction(input(75 * GI, { strategy: { ...ON, memoryEvictLowerPercent: 60 } }));
    expect(lower.toRelease).toBe((CAP * 15) / 100);
    expect(beMemoryEviction(input(90 * GI, { strategy: DEFAULT_RESOURCE_THRESHOLD_STRATEGY })).outcome).toBe(
      'disabled',
    );
    expect(beMemoryEviction(input(90 * GI, { strategy: { ...ON, memoryEvictLowerPercent: 70 } })).outcome).toBe(
      'invalidConfig',
    );
    expect(beMemoryEviction(input(90 * GI, { now: 13_999, lastEvictionTime: 10_000 })).outcome).toBe('coolingDown');
    expect(beMemoryEviction(input(90 * GI, { now: 14_000, lastEvictionTime: 10_000 })).outcome).toBe('evict');
  });

  const arb = fc.record({
    capacity: fc.integer({ min: GI, max: 512 * GI }),
    usedPct: fc.integer({ min: 0, max: 100 }),
    threshold: fc.integer({ min: 1, max: 100 }),
    gap: fc.integer({ min: 1, max: 20 }),
    be: fc.array(fc.record({ used: fc.nat(64 * GI), priority: fc.constantFrom(3500, 5000, 5500, 7000) }), {
      maxLength: 8,
    }),
    ls: fc.array(fc.nat(64 * GI), { maxLength: 4 }),
  });
  function build(r: Gen<typeof arb>): BeMemoryEvictionInput {
    return {
      node: makeNode({ cpu: CORE, memory: r.capacity }),
      pods: [
        ...r.be.map((b, i) => bePod(`be-${i}`, CORE, GI, { priority: b.priority })),
        ...r.ls.map((_, i) => lsPod(`ls-${i}`, CORE, GI)),
      ],
      sample: {
        nodeUsage: usage(0, Math.trunc((r.capacity * r.usedPct) / 100)),
        podsMetric: [
          ...r.be.map((b, i) => podMetric(`be-${i}`, 0, b.used, 'koord-batch', 'BE')),
          ...r.ls.map((u, i) => podMetric(`ls-${i}`, 0, u)),
        ],
      },
      strategy: {
        ...ON,
        memoryEvictThresholdPercent: r.threshold,
        memoryEvictLowerPercent: Math.max(r.threshold - r.gap, 0),
      },
    };
  }

  it('victims are only BE pods, and releasing them reaches the lower percent when BE usage allows', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const i = build(r);
        const d = beMemoryEviction(i);
        const beNames = new Set(r.be.map((_, k) => `be-${k}`));
        for (const v of d.victims) expect(beNames.has(v.name)).toBe(true);
        if (d.outcome !== 'evict') return;
        const totalBE = r.be.reduce((s, b) => s + b.used, 0);
        if (totalBE >= d.toRelease) {
          expect(d.released).toBeGreaterThanOrEqual(d.toRelease);
          // After the release, usage is at most lower% of capacity (up to one byte of integer truncation).
          const after = i.sample.nodeUsage.memory - d.released;
          expect(after * 100).toBeLessThan(r.capacity * (d.lowerPercent + 1) + 100);
        }
        // No victim beyond the one that reached the target.
        const beforeLast = d.released - (d.victims.at(-1)?.release ?? 0);
        expect(beforeLast).toBeLessThan(Math.max(d.toRelease, 1));
      }),
    );
  });

  it('is deterministic and does not mutate its (deep-frozen) input', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const i = deepFreeze(build(r));
        expect(beMemoryEviction(i)).toEqual(beMemoryEviction(i));
      }),
    );
  });
});
