import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BeCpuSuppressInput, ResourceThresholdStrategy } from '../../src/colocation/index.js';
import { beCpuCeiling, DEFAULT_RESOURCE_THRESHOLD_STRATEGY } from '../../src/colocation/index.js';
import type { Gen } from './fixtures.js';
import { bePod, CORE, deepFreeze, GI, lsPod, makeNode, makePod, podMetric, usage } from './fixtures.js';

const ON: ResourceThresholdStrategy = { ...DEFAULT_RESOURCE_THRESHOLD_STRATEGY, enable: true };

// 32 cores, kubelet reserves 1 core. Node usage 20 cores.
const node = makeNode({ cpu: 32 * CORE, memory: 128 * GI, allocatableCpu: 31 * CORE });
const pods = [
  lsPod('web', 10 * CORE, 10 * GI),
  bePod('exec', 8 * CORE, 8 * GI),
  makePod('plain-besteffort'), // no label, no requests: Kubernetes BestEffort → BE for suppress
];
const sample = {
  nodeUsage: usage(20 * CORE, 0),
  podsMetric: [
    podMetric('web', 8 * CORE, 0),
    podMetric('exec', 6 * CORE, 0, 'koord-batch', 'BE'),
    podMetric('plain-besteffort', 1 * CORE, 0, 'koord-batch', 'BE'),
    podMetric('unknown-to-kubelet', 500, 0), // not in the pod list: counted as non-BE
  ],
  hostApplicationMetric: [
    { name: 'agent', usage: usage(300, 0), priorityClass: 'koord-prod' as const, qosClass: 'LS' as const },
    {
      name: 'yarn',
      usage: usage(200, 0),
      priorityClass: 'koord-batch' as const,
      qosClass: 'BE' as const,
      bestEffortCgroup: true,
    },
  ],
};
const input: BeCpuSuppressInput = { node, pods, sample, strategy: ON };

describe('beCpuCeiling', () => {
  it('capacity × 65% − non-BE pods − non-BE host apps − max(system, reserved)', () => {
    const d = beCpuCeiling(input);
    // system = 20000 − (8000 + 6000 + 1000 + 500) − (300 + 200) = 4000 ≥ reserved 1000
    expect(d).toMatchObject({
      enabled: true,
      policy: 'cpuset',
      thresholdMilli: 20_800,
      nonBEPodsUsedMilli: 8500,
      nonBEHostAppsUsedMilli: 300,
      systemUsedMilli: 4000,
      suppressMilli: 8000,
      ceilingMilli: 8000,
      cpusetCpus: 8,
    });
  });

  it('the reservation applies when system usage is below it', () => {
    const reserved = makeNode({ cpu: 32 * CORE, memory: 128 * GI, allocatableCpu: 26 * CORE });
    const d = beCpuCeiling({ ...input, node: reserved });
    expect(d.systemUsedMilli).toBe(6000);
    expect(d.suppressMilli).toBe(20_800 - 8500 - 300 - 6000);
  });

  it('cpuset: ceil to whole CPUs, at least 2, scale-up limited to ceil(10% of CPUs) per round', () => {
    const busy = { ...sample, podsMetric: [podMetric('web', 30 * CORE, 0)], nodeUsage: usage(31 * CORE, 0) };
    const starved = beCpuCeiling({ ...input, sample: busy });
    expect(starved.suppressMilli).toBeLessThan(0);
    expect(starved).toMatchObject({ cpusetCpus: 2, ceilingMilli: 2000 });
    // 7.5 cores → 8 CPUs
    const half = beCpuCeiling({ ...input, strategy: { ...ON, cpuSuppressThresholdPercent: 63 } });
    expect(half.suppressMilli).toBe(Math.trunc((32_000 * 63) / 100) - 8500 - 300 - 4000);
    expect(half.cpusetCpus).toBe(Math.ceil(half.suppressMilli / 1000));
    // from 2 CPUs the next round may add at most ceil(3.2) = 4
    expect(beCpuCeiling({ ...input, previous: { cpusetCpus: 2 } })).toMatchObject({
      cpusetCpus: 6,
      ceilingMilli: 6000,
    });
    // decreases apply at once
    expect(beCpuCeiling({ ...input, previous: { cpusetCpus: 20 } }).cpusetCpus).toBe(8);
  });

  it('cfsQuota: quota = ceiling × 100 µs per 100 ms, at least 2000 µs (20 m), small changes bypassed, steps limited', () => {
    const cfs = { ...ON, cpuSuppressPolicy: 'cfsQuota' as const };
    expect(beCpuCeiling({ ...input, strategy: cfs })).toMatchObject({ cfsQuotaMicros: 800_000, ceilingMilli: 8000 });
    const busy = { ...sample, podsMetric: [podMetric('web', 30 * CORE, 0)], nodeUsage: usage(31 * CORE, 0) };
    expect(beCpuCeiling({ ...input, strategy: cfs, sample: busy })).toMatchObject({
      cfsQuotaMicros: 2000,
      ceilingMilli: 20,
    });
    // |800000 − 790000| < 1% × 32 cores × 100000 µs = 32000 → keep the current quota
    expect(beCpuCeiling({ ...input, strategy: cfs, previous: { cfsQuotaMicros: 790_000 } }).cfsQuotaMicros).toBe(
      790_000,
    );
    // increase limited to 10% × 32 × 100000 = 320000 µs per round
    expect(beCpuCeiling({ ...input, strategy: cfs, previous: { cfsQuotaMicros: 200_000 } })).toMatchObject({
      cfsQuotaMicros: 520_000,
      ceilingMilli: 5200,
    });
    // from "unlimited" (−1) the new quota applies at once
    expect(beCpuCeiling({ ...input, strategy: cfs, previous: { cfsQuotaMicros: -1 } }).cfsQuotaMicros).toBe(800_000);
  });

  it('cpuSuppressMinPercent floors the formula before the policy', () => {
    const busy = { ...sample, podsMetric: [podMetric('web', 30 * CORE, 0)], nodeUsage: usage(31 * CORE, 0) };
    const d = beCpuCeiling({ ...input, sample: busy, strategy: { ...ON, cpuSuppressMinPercent: 10 } });
    expect(d.suppressMilli).toBe(3200);
    expect(d.cpusetCpus).toBe(4);
  });

  it('does not cap BE when resource-threshold-config is disabled', () => {
    const d = beCpuCeiling({ ...input, strategy: DEFAULT_RESOURCE_THRESHOLD_STRATEGY });
    expect(d.enabled).toBe(false);
    expect(d.ceilingMilli).toBe(32 * CORE);
  });

  const arb = fc.record({
    capacity: fc.integer({ min: 1000, max: 128 * CORE }),
    reserved: fc.nat(4 * CORE),
    system: fc.nat(8 * CORE),
    ls: fc.array(fc.nat(16 * CORE), { maxLength: 6 }),
    be: fc.array(fc.nat(16 * CORE), { maxLength: 6 }),
    pct: fc.integer({ min: 0, max: 100 }),
    policy: fc.constantFrom('cpuset', 'cfsQuota' as const),
    extra: fc.nat(16 * CORE),
    which: fc.nat(),
  });
  function build(r: Gen<typeof arb>, bump: number): BeCpuSuppressInput {
    const lsUsage = r.ls.map((u, i) => (r.ls.length > 0 && i === r.which % r.ls.length ? u + bump : u));
    const podsMetric = [
      ...lsUsage.map((u, i) => podMetric(`ls-${i}`, u, 0)),
      ...r.be.map((u, i) => podMetric(`be-${i}`, u, 0, 'koord-batch', 'BE')),
    ];
    const total = podsMetric.reduce((s, m) => s + m.usage.cpu, 0);
    return {
      node: makeNode({ cpu: r.capacity, memory: GI, allocatableCpu: Math.max(r.capacity - r.reserved, 0) }),
      pods: [...r.ls.map((_, i) => lsPod(`ls-${i}`, CORE, GI)), ...r.be.map((_, i) => bePod(`be-${i}`, CORE, GI))],
      sample: { nodeUsage: usage(r.system + total, 0), podsMetric },
      strategy: { ...ON, cpuSuppressThresholdPercent: r.pct, cpuSuppressPolicy: r.policy },
    };
  }

  it('the ceiling is non-increasing in non-BE usage', () => {
    fc.assert(
      fc.property(arb, (r) => {
        fc.pre(r.ls.length > 0);
        const before = beCpuCeiling(build(r, 0));
        const after = beCpuCeiling(build(r, r.extra));
        expect(after.suppressMilli).toBeLessThanOrEqual(before.suppressMilli);
        expect(after.ceilingMilli).toBeLessThanOrEqual(before.ceilingMilli);
      }),
    );
  });

  it('is deterministic and does not mutate its (deep-frozen) input', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const i = deepFreeze(build(r, 0));
        expect(beCpuCeiling(i)).toEqual(beCpuCeiling(i));
      }),
    );
  });
});
