import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  DivisionCandidate,
  FleetComponent,
  FleetSnapshot,
  ReplicaSchedulingStrategy,
  TargetCluster,
} from '../../src/fleet/index.js';
import { chooseGangMember, divideReplicas, scheduleOnFleet, withReservations } from '../../src/fleet/index.js';
import { BATCH_CPU, BATCH_MEMORY, deepFreeze, Gi, member, node, sparkApp, sparkappPolicy } from './helpers.js';

const NAMES = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];

const arbCandidates = fc
  .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 8 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc.record({ name: fc.constant(name), labels: fc.constant({}), availableReplicas: fc.nat(60) }),
      ),
    ),
  )
  .map((cs): DivisionCandidate[] => cs);

const arbPrevious = (names: readonly string[]) =>
  fc
    .uniqueArray(fc.constantFrom(...names, 'gone'), { maxLength: 4 })
    .chain((ns) =>
      fc.tuple(...ns.map((name) => fc.record({ name: fc.constant(name), replicas: fc.integer({ min: 1, max: 20 }) }))),
    )
    .map((ts): TargetCluster[] => ts);

const arbDynamic: fc.Arbitrary<ReplicaSchedulingStrategy> = fc.constantFrom(
  { replicaSchedulingType: 'Divided', replicaDivisionPreference: 'Aggregated' },
  {
    replicaSchedulingType: 'Divided',
    replicaDivisionPreference: 'Weighted',
    weightPreference: { dynamicWeight: 'AvailableReplicas' },
  },
);

const arbStatic: fc.Arbitrary<ReplicaSchedulingStrategy> = fc.constantFrom(
  { replicaSchedulingType: 'Divided' },
  { replicaSchedulingType: 'Divided', replicaDivisionPreference: 'Weighted' },
  {
    replicaSchedulingType: 'Divided',
    replicaDivisionPreference: 'Weighted',
    weightPreference: {
      staticWeightList: [
        { targetCluster: { clusterNames: ['m0', 'm2'] }, weight: 3 },
        { targetCluster: { clusterNames: ['m1'] }, weight: 1 },
        { targetCluster: { exclude: ['m0'] }, weight: 2 },
      ],
    },
  },
);

const sum = (ts: readonly TargetCluster[]) => ts.reduce((s, t) => s + t.replicas, 0);

describe('divideReplicas properties', () => {
  it('Divided static splits sum to the replicas, with both dispensers', () => {
    fc.assert(
      fc.property(
        arbCandidates,
        fc.nat(300),
        arbStatic,
        fc.constantFrom('webster', 'legacy') as fc.Arbitrary<'webster' | 'legacy'>,
        fc.string(),
        (clusters, replicas, rs, dispenser, uid) => {
          const r = divideReplicas({ replicas, clusters, replicaScheduling: rs, dispenser, uid });
          expect(r.kind).toBe('assigned');
          if (r.kind === 'assigned') expect(sum(r.clusters)).toBe(replicas);
        },
      ),
    );
  });

  it('Duplicated gives every selected member the full count', () => {
    fc.assert(
      fc.property(arbCandidates, fc.nat(300), (clusters, replicas) => {
        const r = divideReplicas({ replicas, clusters, replicaScheduling: { replicaSchedulingType: 'Duplicated' } });
        expect(r.kind === 'assigned' && r.clusters.map((t) => t.replicas)).toEqual(clusters.map(() => replicas));
        expect(r.kind === 'assigned' && r.clusters.map((t) => t.name).sort()).toEqual(
          clusters.map((c) => c.name).sort(),
        );
      }),
    );
  });

  it('dynamic splits sum to the replicas and never exceed a member’s room plus what it had', () => {
    fc.assert(
      fc.property(
        arbCandidates.chain((cs) => fc.tuple(fc.constant(cs), arbPrevious(cs.map((c) => c.name)))),
        fc.nat(200),
        arbDynamic,
        fc.boolean(),
        ([clusters, previous], replicas, rs, fresh) => {
          const r = divideReplicas({ replicas, clusters, replicaScheduling: rs, previous, fresh });
          const room = new Map(clusters.map((c) => [c.name, c.availableReplicas ?? replicas]));
          const had = new Map(previous.map((t) => [t.name, t.replicas]));
          if (r.kind === 'unschedulable') {
            expect(r.availableReplicas).toBeLessThan(replicas);
            return;
          }
          expect(sum(r.clusters)).toBe(replicas);
          for (const t of r.clusters) {
            expect(room.has(t.name)).toBe(true);
            expect(t.replicas).toBeLessThanOrEqual(room.get(t.name)! + (had.get(t.name) ?? 0));
          }
        },
      ),
    );
  });

  it('is deterministic and does not mutate its input', () => {
    fc.assert(
      fc.property(
        arbCandidates,
        fc.nat(100),
        fc.oneof(arbDynamic, arbStatic),
        fc.string(),
        (clusters, replicas, rs, uid) => {
          const input = deepFreeze({ replicas, clusters, replicaScheduling: rs, uid });
          const copy = structuredClone(input);
          const a = divideReplicas(input);
          const b = divideReplicas({ ...copy, clusters: [...copy.clusters].reverse() });
          expect(a).toEqual(b);
          expect(input).toEqual(copy);
        },
      ),
    );
  });
});

// A small fleet of BE members: 1–4 nodes each, 1–8 batch cores and 2–16 GiB per node, some used.
const arbNode = (prefix: string, i: number) =>
  fc
    .record({ cores: fc.integer({ min: 1, max: 8 }), gib: fc.integer({ min: 2, max: 16 }), usedCores: fc.nat(4) })
    .map(({ cores, gib, usedCores }) =>
      node(
        `${prefix}-${i}`,
        { [BATCH_CPU]: cores * 1000, [BATCH_MEMORY]: gib * Gi },
        { [BATCH_CPU]: Math.min(cores, usedCores) * 1000 },
      ),
    );
const arbFleet: fc.Arbitrary<FleetSnapshot> = fc
  .uniqueArray(fc.constantFrom('alpha', 'beta', 'gamma', 'delta'), { minLength: 1, maxLength: 4 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc
          .tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom(26, 28, 30))
          .chain(([n, minor]) =>
            fc
              .tuple(...Array.from({ length: n }, (_, i) => arbNode(name, i)))
              .map((nodes) => member(name, nodes, { kubernetesVersion: { major: 1, minor } })),
          ),
      ),
    ),
  )
  .map((members) => ({ members }));
const arbComponents: fc.Arbitrary<FleetComponent[]> = fc
  .record({
    executors: fc.integer({ min: 0, max: 6 }),
    cpu: fc.constantFrom(500, 1000, 2000),
    gib: fc.constantFrom(1, 2, 4),
  })
  .map(({ executors, cpu, gib }) => [
    {
      name: 'driver',
      replicas: 1,
      replicaRequirements: { resourceRequest: { [BATCH_CPU]: 1000, [BATCH_MEMORY]: Gi } },
    },
    {
      name: 'executor',
      replicas: executors,
      replicaRequirements: { resourceRequest: { [BATCH_CPU]: cpu, [BATCH_MEMORY]: gib * Gi } },
    },
  ]);

const allNames = ['alpha', 'beta', 'gamma', 'delta'];
const policies = [sparkappPolicy(allNames)];

describe('scheduleOnFleet properties (Gang)', () => {
  it('never splits a Gang job, and its node placement respects every node’s free room', () => {
    fc.assert(
      fc.property(arbFleet, arbComponents, (fleet, comps) => {
        const d = scheduleOnFleet(fleet, sparkApp('job', comps), policies, { nowMs: 0 });
        expect(['scheduled', 'waiting']).toContain(d.kind);
        if (d.kind !== 'scheduled') return;
        expect(d.targetClusters).toHaveLength(1);
        expect(d.targetClusters[0]!.components).toEqual(comps.map((c) => ({ name: c.name, replicas: c.replicas })));
        expect(d.placements).toHaveLength(1);
        const m = fleet.members.find((x) => x.name === d.targetClusters[0]!.name)!;
        for (const c of comps) {
          const placed = d.placements[0]!.nodes.filter((p) => p.component === c.name).reduce(
            (s, p) => s + p.replicas,
            0,
          );
          expect(placed).toBe(c.replicas);
        }
        for (const n of m.nodes) {
          const used: Record<string, number> = {};
          for (const p of d.placements[0]!.nodes.filter((x) => x.node === n.name)) {
            const req = comps.find((c) => c.name === p.component)!.replicaRequirements.resourceRequest;
            for (const k in req) used[k] = (used[k] ?? 0) + req[k]! * p.replicas;
          }
          for (const k in used) expect(used[k]!).toBeLessThanOrEqual((n.allocatable[k] ?? 0) - (n.requested[k] ?? 0));
        }
      }),
    );
  });

  it('never returns a rescheduled job to a member it failed on while another member qualifies', () => {
    fc.assert(
      fc.property(arbFleet, arbComponents, fc.subarray(allNames), (fleet, comps, failed) => {
        const d = scheduleOnFleet(fleet, sparkApp('job', comps), policies, { nowMs: 0, failedMembers: failed });
        if (d.kind !== 'scheduled') return;
        const chosen = d.targetClusters[0]!.name;
        if (!failed.includes(chosen)) return;
        const others = fleet.members.filter((m) => !failed.includes(m.name));
        expect(
          chooseGangMember(others, comps, { nowMs: 0, owner: 'SparkApplication/spark/job' }).chosen,
        ).toBeUndefined();
      }),
    );
  });

  it('is deterministic, independent of member order, and does not mutate its inputs', () => {
    fc.assert(
      fc.property(arbFleet, arbComponents, fc.subarray(allNames), (fleet, comps, failed) => {
        const frozen = deepFreeze(fleet);
        const copy = structuredClone(fleet);
        const app = deepFreeze(sparkApp('job', comps));
        const a = scheduleOnFleet(frozen, app, policies, { nowMs: 5, failedMembers: failed });
        const b = scheduleOnFleet({ members: [...copy.members].reverse() }, sparkApp('job', comps), policies, {
          nowMs: 5,
          failedMembers: failed,
        });
        expect(a).toEqual(b);
        expect(frozen).toEqual(copy);
      }),
    );
  });

  it('with preoccupation, sequential decisions on one snapshot never oversubscribe a ≥ 1.28 member', () => {
    fc.assert(
      fc.property(arbFleet, arbComponents, fc.integer({ min: 2, max: 5 }), (fleet, comps, jobs) => {
        let view = fleet;
        const placed: { member: string; node: string; component: string; replicas: number }[] = [];
        for (let j = 0; j < jobs; j++) {
          const d = scheduleOnFleet(view, sparkApp(`job-${j}`, comps), policies, { nowMs: j });
          if (d.kind !== 'scheduled') continue;
          view = withReservations(view, d.reservations);
          for (const p of d.placements) for (const n of p.nodes) placed.push({ member: p.member, ...n });
        }
        for (const m of fleet.members) {
          if (m.kubernetesVersion.minor < 28) continue;
          for (const n of m.nodes) {
            let cpu = 0;
            for (const p of placed.filter((x) => x.member === m.name && x.node === n.name)) {
              cpu +=
                comps.find((c) => c.name === p.component)!.replicaRequirements.resourceRequest[BATCH_CPU]! * p.replicas;
            }
            expect(cpu).toBeLessThanOrEqual(n.allocatable[BATCH_CPU]! - (n.requested[BATCH_CPU] ?? 0));
          }
        }
      }),
    );
  });
});
