import { describe, expect, it } from 'vitest';
import type { FleetComponent, FleetReservation } from '../../src/fleet/index.js';
import {
  accurateAvailableReplicas,
  estimateAvailableReplicas,
  estimateComponentSets,
  generalAvailableReplicas,
  memberResourceSummary,
} from '../../src/fleet/index.js';
import { BATCH_CPU, BATCH_MEMORY, Gi, member, node } from './helpers.js';

const req = (resourceRequest: Record<string, number>) => ({ resourceRequest });

describe('general estimate (resource summary)', () => {
  it('reproduces the Karmada doc example: 4 CPU allocatable, 950m allocated, 500m per replica → 6', () => {
    const m = member('m', [node('n1', { cpu: 4000 }, { cpu: 950 })]);
    expect(generalAvailableReplicas(m, req({ cpu: 500 }))).toBe(6);
  });

  it('subtracts allocating (pending) requests and caps by free pod slots', () => {
    const m = member('m', [node('n1', { cpu: 10_000, pods: 5 }, { cpu: 1000, pods: 2 })], {
      allocating: { cpu: 1000, pods: 1 },
    });
    // cpu (10000 − 1000 − 1000) / 1000 = 8, pods 5 − 2 − 1 = 2
    expect(generalAvailableReplicas(m, req({ cpu: 1000 }))).toBe(2);
    expect(generalAvailableReplicas(m, undefined)).toBe(2);
  });

  it('gives 0 for a requested resource the member does not have at all', () => {
    const m = member('m', [node('n1', { cpu: 4000, memory: 8 * Gi })]);
    expect(generalAvailableReplicas(m, req({ cpu: 100, 'nvidia.com/gpu': 1 }))).toBe(0);
  });

  it('uses a published resourceSummary as is', () => {
    const m = member('m', [], {
      resourceSummary: { allocatable: { cpu: 8000, pods: 100 }, allocated: { cpu: 2000, pods: 10 }, allocating: {} },
    });
    expect(memberResourceSummary(m).allocatable.cpu).toBe(8000);
    expect(generalAvailableReplicas(m, req({ cpu: 1500 }))).toBe(4);
  });
});

describe('accurate estimate (node level)', () => {
  it('counts fragmentation: two nodes with 1.5 cores free hold 2 one-core replicas, not 3', () => {
    const m = member('m', [node('n1', { cpu: 2000 }, { cpu: 500 }), node('n2', { cpu: 2000 }, { cpu: 500 })]);
    expect(generalAvailableReplicas(m, req({ cpu: 1000 }))).toBe(3);
    expect(accurateAvailableReplicas(m, req({ cpu: 1000 }))).toBe(2);
    expect(estimateAvailableReplicas(m, req({ cpu: 1000 }))).toEqual({ general: 3, accurate: 2, available: 2 });
    expect(estimateAvailableReplicas(m, req({ cpu: 1000 }), { estimator: 'general' }).available).toBe(3);
  });

  it('uses batch resources for BE pods, min over resources, and per-node pod slots', () => {
    const m = member('m', [
      node('n1', { cpu: 8000, [BATCH_CPU]: 6000, [BATCH_MEMORY]: 4 * Gi, pods: 3 }),
      node('n2', { cpu: 8000, [BATCH_CPU]: 1000, [BATCH_MEMORY]: 16 * Gi }),
    ]);
    const be = req({ [BATCH_CPU]: 1000, [BATCH_MEMORY]: Gi });
    // n1: min(6, 4, 3 pods) = 3; n2: min(1, 16) = 1
    expect(accurateAvailableReplicas(m, be)).toBe(4);
    // The same pods asking for cpu/memory would see the full 8 cores (memory not requested).
    expect(accurateAvailableReplicas(m, req({ cpu: 1000 }))).toBe(3 + 8);
  });

  it('honours the node claim: nodeSelector, taints/tolerations, cordoned nodes, required affinity', () => {
    const gpuTaint = { key: 'gpu', value: 'true', effect: 'NoSchedule' as const };
    const m = member('m', [
      node('plain', { cpu: 4000 }, {}, { labels: { pool: 'a' } }),
      node('tainted', { cpu: 4000 }, {}, { labels: { pool: 'b' }, taints: [gpuTaint] }),
      node('cordoned', { cpu: 4000 }, {}, { labels: { pool: 'a' }, unschedulable: true }),
    ]);
    expect(accurateAvailableReplicas(m, req({ cpu: 1000 }))).toBe(4);
    const tolerate = { tolerations: [{ key: 'gpu', operator: 'Exists' as const }] };
    expect(accurateAvailableReplicas(m, { resourceRequest: { cpu: 1000 }, nodeClaim: tolerate })).toBe(8);
    expect(
      accurateAvailableReplicas(m, {
        resourceRequest: { cpu: 1000 },
        nodeClaim: { ...tolerate, nodeSelector: { pool: 'b' } },
      }),
    ).toBe(4);
    const affinity = {
      hardNodeAffinity: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'pool', operator: 'In' as const, values: ['a'] }] }],
      },
    };
    expect(accurateAvailableReplicas(m, { resourceRequest: { cpu: 1000 }, nodeClaim: affinity })).toBe(4);
  });

  it('divides exactly for large byte amounts', () => {
    const m = member('m', [node('n1', { memory: 3 * 1_000_000_007 * 1000 - 1 })]);
    expect(accurateAvailableReplicas(m, req({ memory: 1_000_000_007 * 1000 }))).toBe(2);
  });
});

describe('reservations in estimates', () => {
  const hold = (owner: string, nodeName: string, expiresAtMs: number): FleetReservation => ({
    owner,
    member: 'm',
    node: nodeName,
    resources: { cpu: 2000, pods: 2 },
    createdAtMs: 0,
    expiresAtMs,
  });
  const base = member('m', [node('n1', { cpu: 4000 }), node('n2', { cpu: 4000 })]);

  it('counts holds of other owners as used, both ways; the owner may use its own', () => {
    const m = { ...base, reservations: [hold('other', 'n1', 1000)] };
    expect(estimateAvailableReplicas(m, req({ cpu: 1000 }), { nowMs: 0 })).toEqual({
      general: 6,
      accurate: 6,
      available: 6,
    });
    expect(estimateAvailableReplicas(m, req({ cpu: 1000 }), { nowMs: 0, owner: 'other' }).available).toBe(8);
  });

  it('ignores holds that have expired at nowMs', () => {
    const m = { ...base, reservations: [hold('other', 'n1', 1000)] };
    expect(estimateAvailableReplicas(m, req({ cpu: 1000 }), { nowMs: 1000 }).available).toBe(8);
    expect(estimateAvailableReplicas(m, req({ cpu: 1000 }), { nowMs: 999 }).available).toBe(6);
  });

  it('sees fragmentation created by a hold: 3 cores free in total but at most 2 on one node', () => {
    const m = { ...base, reservations: [{ ...hold('x', 'n1', 10), resources: { cpu: 3000, pods: 1 } }] };
    // summary: 8000 − 3000 = 5000 → 2 two-core pods; nodes: n1 1000 free → 0, n2 4000 → 2
    expect(estimateAvailableReplicas(m, req({ cpu: 2000 }), { nowMs: 0 })).toEqual({
      general: 2,
      accurate: 2,
      available: 2,
    });
    expect(estimateAvailableReplicas(m, req({ cpu: 1500 }), { nowMs: 0 })).toEqual({
      general: 3,
      accurate: 2,
      available: 2,
    });
  });
});

describe('complete component sets', () => {
  it('reproduces Karmada’s first-fit components test: JM 1×(1, 2Gi) + TM 3×(3, 10Gi) → 3 sets', () => {
    const grade = (name: string, cpu: number, gib: number) => node(name, { cpu: cpu * 1000, memory: gib * Gi });
    const m = member('m', [
      grade('g0-1', 1, 2),
      grade('g0-2', 1, 2),
      ...[1, 2, 3, 4, 5, 6].map((i) => grade(`g1-${i}`, 3, 10)),
      ...[1, 2, 3].map((i) => grade(`g2-${i}`, 4, 12)),
    ]);
    const comps: FleetComponent[] = [
      { name: 'jobmanager', replicas: 1, replicaRequirements: req({ cpu: 1000, memory: 2 * Gi }) },
      { name: 'taskmanager', replicas: 3, replicaRequirements: req({ cpu: 3000, memory: 10 * Gi }) },
    ];
    expect(estimateComponentSets(m, comps)).toEqual({ general: 3, accurate: 3, available: 3 });
  });

  it('needs the whole set: total room is not enough when the big pods do not fit any node', () => {
    const m = member('m', [node('n1', { cpu: 3000 }), node('n2', { cpu: 3000 })]);
    const comps: FleetComponent[] = [
      { name: 'driver', replicas: 1, replicaRequirements: req({ cpu: 1000 }) },
      { name: 'executor', replicas: 2, replicaRequirements: req({ cpu: 2500 }) },
    ];
    // summary 6000 ≥ 6000 → 1 set; nodes: driver on n1 leaves 2000 < 2500 → only n2 takes one executor → 0.
    expect(estimateComponentSets(m, comps)).toEqual({ general: 1, accurate: 0, available: 0 });
  });
});
