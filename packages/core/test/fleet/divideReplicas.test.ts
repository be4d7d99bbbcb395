import { describe, expect, it } from 'vitest';
import type { DivisionCandidate, ReplicaSchedulingStrategy } from '../../src/fleet/index.js';
import { divideReplicas, replicaStrategyOf } from '../../src/fleet/index.js';

const EVEN_UID = '4858ca61-3ff8-4095-8267-f3d059d8074c';
const ODD_UID = 'd43fdeeb-d750-4e2b-bee3-64eb94534f4c';

const c = (name: string, availableReplicas?: number, labels: Record<string, string> = {}): DivisionCandidate =>
  availableReplicas === undefined ? { name, labels } : { name, labels, availableReplicas };

const DYNAMIC: ReplicaSchedulingStrategy = {
  replicaSchedulingType: 'Divided',
  replicaDivisionPreference: 'Weighted',
  weightPreference: { dynamicWeight: 'AvailableReplicas' },
};
const AGGREGATED: ReplicaSchedulingStrategy = {
  replicaSchedulingType: 'Divided',
  replicaDivisionPreference: 'Aggregated',
};
const WEIGHTED: ReplicaSchedulingStrategy = { replicaSchedulingType: 'Divided', replicaDivisionPreference: 'Weighted' };

function split(result: ReturnType<typeof divideReplicas>): Record<string, number> {
  if (result.kind !== 'assigned') throw new Error(`expected an assignment, got: ${result.reason}`);
  return Object.fromEntries(result.clusters.map((t) => [t.name, t.replicas]));
}

describe('replicaStrategyOf', () => {
  it('resolves the strategy like Karmada newAssignState', () => {
    expect(replicaStrategyOf(undefined)).toBe('Duplicated');
    expect(replicaStrategyOf({ replicaSchedulingType: 'Duplicated' })).toBe('Duplicated');
    expect(replicaStrategyOf(AGGREGATED)).toBe('Aggregated');
    expect(replicaStrategyOf(DYNAMIC)).toBe('DynamicWeight');
    expect(replicaStrategyOf(WEIGHTED)).toBe('StaticWeight');
    expect(replicaStrategyOf({ replicaSchedulingType: 'Divided' })).toBe('StaticWeight');
  });
});

describe('divideReplicas: Duplicated', () => {
  it('gives every selected member all replicas, capacity-blind', () => {
    const r = divideReplicas({ replicas: 3, clusters: [c('b', 0), c('a', 1)], replicaScheduling: undefined });
    expect(r).toEqual({
      kind: 'assigned',
      strategy: 'Duplicated',
      clusters: [
        { name: 'a', replicas: 3 },
        { name: 'b', replicas: 3 },
      ],
    });
  });
});

describe('divideReplicas: dynamic weight (AvailableReplicas)', () => {
  it('reproduces the Karmada documentation example: available 6/12/18, 12 replicas → 2/4/6', () => {
    const r = divideReplicas({
      replicas: 12,
      clusters: [c('member1', 6), c('member2', 12), c('member3', 18)],
      replicaScheduling: DYNAMIC,
    });
    expect(split(r)).toEqual({ member1: 2, member2: 4, member3: 6 });
  });

  it('scales up by dispensing only the new replicas over available room, keeping the old ones', () => {
    // prev {m1: 2, m2: 2}; room m1 2, m2 6; 8 replicas → 4 new over 2:6. Seat 1 m2 (6); seat 2 tie
    // m1 2/1 = m2 6/3 → fewer seats: m1; seat 3 m2 2 > m1 0.667; seat 4 m2 1.2 > 0.667 → +1/+3.
    const r = divideReplicas({
      replicas: 8,
      clusters: [c('m1', 2), c('m2', 6)],
      replicaScheduling: DYNAMIC,
      previous: [
        { name: 'm1', replicas: 2 },
        { name: 'm2', replicas: 2 },
      ],
    });
    expect(split(r)).toEqual({ m1: 3, m2: 5 });
  });

  it('scales down in proportion to the previous replicas: {m1:6, m2:3} → 6 gives 4:2', () => {
    const r = divideReplicas({
      replicas: 6,
      clusters: [c('m1', 0), c('m2', 0)],
      replicaScheduling: DYNAMIC,
      previous: [
        { name: 'm1', replicas: 6 },
        { name: 'm2', replicas: 3 },
      ],
    });
    expect(split(r)).toEqual({ m1: 4, m2: 2 });
  });

  it('keeps the previous result when the total is unchanged, even if room changed', () => {
    const r = divideReplicas({
      replicas: 6,
      clusters: [c('m1', 0), c('m2', 100), c('m3', 100)],
      replicaScheduling: DYNAMIC,
      previous: [
        { name: 'm1', replicas: 1 },
        { name: 'm2', replicas: 5 },
      ],
    });
    expect(split(r)).toEqual({ m1: 1, m2: 5 });
  });

  it('re-places replicas of a member that left the candidates as a scale-up', () => {
    const r = divideReplicas({
      replicas: 4,
      clusters: [c('m1', 10)],
      replicaScheduling: DYNAMIC,
      previous: [
        { name: 'gone', replicas: 3 },
        { name: 'm1', replicas: 1 },
      ],
    });
    expect(split(r)).toEqual({ m1: 4 });
  });

  it('recomputes from scratch in Fresh mode, weighting room plus existing replicas', () => {
    // weights m1 2 + 4 = 6, m2 6 + 0 = 6 → 6 replicas split 3:3.
    const r = divideReplicas({
      replicas: 6,
      clusters: [c('m1', 2), c('m2', 6)],
      replicaScheduling: DYNAMIC,
      previous: [{ name: 'm1', replicas: 4 }],
      fresh: true,
    });
    expect(split(r)).toEqual({ m1: 3, m2: 3 });
  });

  it('is unschedulable with Karmada’s message when the room is short, and never exceeds a member’s room', () => {
    const r = divideReplicas({ replicas: 6, clusters: [c('m1', 2), c('m2', 3)], replicaScheduling: DYNAMIC });
    expect(r).toEqual({
      kind: 'unschedulable',
      strategy: 'DynamicWeight',
      reason: 'Clusters available replicas 5 are not enough to schedule.',
      availableReplicas: 5,
    });
    // Exactly enough: each member gets exactly its room.
    expect(
      split(divideReplicas({ replicas: 5, clusters: [c('m1', 2), c('m2', 3)], replicaScheduling: DYNAMIC })),
    ).toEqual({
      m1: 2,
      m2: 3,
    });
  });

  it('treats a member without an estimate as having room for all replicas', () => {
    expect(split(divideReplicas({ replicas: 4, clusters: [c('m1'), c('m2', 0)], replicaScheduling: DYNAMIC }))).toEqual(
      {
        m1: 4,
      },
    );
  });
});

describe('divideReplicas: Aggregated', () => {
  it('packs into as few members as possible, fullest first', () => {
    // room m2 10, m3 8, m1 5; 12 replicas → prefix m2 + m3 (18 ≥ 12) → Webster 12 over 10:8 → 7:5.
    const r = divideReplicas({
      replicas: 12,
      clusters: [c('m1', 5), c('m2', 10), c('m3', 8)],
      replicaScheduling: AGGREGATED,
    });
    expect(split(r)).toEqual({ m2: 7, m3: 5 });
    // 10 replicas fit m2 alone.
    expect(
      split(
        divideReplicas({
          replicas: 10,
          clusters: [c('m1', 5), c('m2', 10), c('m3', 8)],
          replicaScheduling: AGGREGATED,
        }),
      ),
    ).toEqual({
      m2: 10,
    });
  });

  it('scales down into the largest previous members: {m1:4, m2:8} → 6 gives {m2:6}', () => {
    const r = divideReplicas({
      replicas: 6,
      clusters: [c('m1', 0), c('m2', 0)],
      replicaScheduling: AGGREGATED,
      previous: [
        { name: 'm1', replicas: 4 },
        { name: 'm2', replicas: 8 },
      ],
    });
    expect(split(r)).toEqual({ m2: 6 });
  });

  it('scales up into previously used members first', () => {
    // prev {m1: 2}; room m1 3, m2 10; 4 replicas → 2 new; previously used m1 first, its room 3 ≥ 2.
    const r = divideReplicas({
      replicas: 4,
      clusters: [c('m1', 3), c('m2', 10)],
      replicaScheduling: AGGREGATED,
      previous: [{ name: 'm1', replicas: 2 }],
    });
    expect(split(r)).toEqual({ m1: 4 });
  });

  it('orders equal room by name when choosing the prefix', () => {
    expect(
      split(divideReplicas({ replicas: 3, clusters: [c('b', 5), c('a', 5)], replicaScheduling: AGGREGATED })),
    ).toEqual({
      a: 3,
    });
  });
});

describe('divideReplicas: static weights', () => {
  it('divides by the static weight list, dropping members without weight', () => {
    const rs: ReplicaSchedulingStrategy = {
      ...WEIGHTED,
      weightPreference: {
        staticWeightList: [
          { targetCluster: { clusterNames: ['m1'] }, weight: 1 },
          { targetCluster: { clusterNames: ['m2'] }, weight: 2 },
        ],
      },
    };
    const r = divideReplicas({ replicas: 9, clusters: [c('m1', 0), c('m2', 0), c('m3', 100)], replicaScheduling: rs });
    expect(split(r)).toEqual({ m1: 3, m2: 6 });
  });

  it('gives a member matched by several rules the largest weight (label selectors)', () => {
    const rs: ReplicaSchedulingStrategy = {
      ...WEIGHTED,
      weightPreference: {
        staticWeightList: [
          { targetCluster: { labelSelector: { matchLabels: { tier: 'gold' } } }, weight: 3 },
          { targetCluster: { labelSelector: { matchLabels: { env: 'prod' } } }, weight: 1 },
        ],
      },
    };
    const r = divideReplicas({
      replicas: 8,
      clusters: [c('a', 0, { tier: 'gold', env: 'prod' }), c('b', 0, { env: 'prod' })],
      replicaScheduling: rs,
    });
    expect(split(r)).toEqual({ a: 6, b: 2 });
  });

  it('gives every member weight 1 without a weight preference; ties follow the UID parity', () => {
    const cl = [c('a'), c('b'), c('c')];
    expect(split(divideReplicas({ replicas: 5, clusters: cl, replicaScheduling: WEIGHTED, uid: EVEN_UID }))).toEqual({
      a: 2,
      b: 2,
      c: 1,
    });
    expect(split(divideReplicas({ replicas: 5, clusters: cl, replicaScheduling: WEIGHTED, uid: ODD_UID }))).toEqual({
      a: 1,
      b: 2,
      c: 2,
    });
  });

  it('falls back to weight 1 each when no rule matches any member', () => {
    const rs: ReplicaSchedulingStrategy = {
      ...WEIGHTED,
      weightPreference: { staticWeightList: [{ targetCluster: { clusterNames: ['nowhere'] }, weight: 5 }] },
    };
    expect(split(divideReplicas({ replicas: 4, clusters: [c('a'), c('b')], replicaScheduling: rs }))).toEqual({
      a: 2,
      b: 2,
    });
  });

  it('recomputes from scratch: the previous result does not matter, capacity is not consulted', () => {
    const input = { replicas: 4, clusters: [c('a', 0), c('b', 0)], replicaScheduling: WEIGHTED };
    expect(split(divideReplicas({ ...input, previous: [{ name: 'a', replicas: 4 }] }))).toEqual({ a: 2, b: 2 });
  });
});

describe('divideReplicas: legacy dispenser (v1.8–v1.15)', () => {
  const rs321: ReplicaSchedulingStrategy = {
    ...WEIGHTED,
    weightPreference: {
      staticWeightList: [
        { targetCluster: { clusterNames: ['m1'] }, weight: 3 },
        { targetCluster: { clusterNames: ['m2'] }, weight: 2 },
        { targetCluster: { clusterNames: ['m3'] }, weight: 1 },
      ],
    },
  };
  it('splits 14 @ 3:2:1 as 8:4:2 where Webster gives 7:5:2', () => {
    const cl = [c('m1'), c('m2'), c('m3')];
    expect(
      split(divideReplicas({ replicas: 14, clusters: cl, replicaScheduling: rs321, dispenser: 'legacy' })),
    ).toEqual({
      m1: 8,
      m2: 4,
      m3: 2,
    });
    expect(split(divideReplicas({ replicas: 14, clusters: cl, replicaScheduling: rs321 }))).toEqual({
      m1: 7,
      m2: 5,
      m3: 2,
    });
  });

  it('scales down by every previous member, even one no longer a candidate (issue #7109)', () => {
    const input = {
      replicas: 4,
      clusters: [c('m1', 100)],
      replicaScheduling: DYNAMIC,
      previous: [
        { name: 'gone', replicas: 6 },
        { name: 'm1', replicas: 6 },
      ],
    };
    expect(split(divideReplicas({ ...input, dispenser: 'legacy' }))).toEqual({ gone: 2, m1: 2 });
    expect(split(divideReplicas(input))).toEqual({ m1: 4 });
  });

  it('adds scale-up replicas onto the previous ones, remainder to the most room', () => {
    // prev {a: 1}; room a 1, b 3; 4 replicas → 3 new over 1:3: floors 0 and 2, remainder 1 → b (heavier).
    const r = divideReplicas({
      replicas: 4,
      clusters: [c('a', 1), c('b', 3)],
      replicaScheduling: DYNAMIC,
      previous: [{ name: 'a', replicas: 1 }],
      dispenser: 'legacy',
    });
    expect(split(r)).toEqual({ a: 1, b: 3 });
  });
});

describe('divideReplicas: input errors', () => {
  it('rejects a negative or fractional replica count', () => {
    expect(() => divideReplicas({ replicas: -1, clusters: [], replicaScheduling: undefined })).toThrow(
      /non-negative integer/,
    );
    expect(() => divideReplicas({ replicas: 1.5, clusters: [], replicaScheduling: undefined })).toThrow(RangeError);
  });
});
