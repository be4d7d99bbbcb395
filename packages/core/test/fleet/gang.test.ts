import { describe, expect, it } from 'vitest';
import type { FleetComponent, FleetSnapshot } from '../../src/fleet/index.js';
import {
  bestFitScorer,
  chooseGangMember,
  formatScheduleResult,
  scheduleOnFleet,
  staticWeightScorer,
} from '../../src/fleet/index.js';
import {
  BATCH_CPU,
  BATCH_MEMORY,
  beNode,
  Gi,
  Mi,
  member,
  sparkApp,
  sparkappPolicy,
  sparkPiComponents,
} from './helpers.js';

// The seed setup: two members with Koordinator batch resources; member-a idle, member-b partly used.
const seedFleet: FleetSnapshot = {
  members: [
    member('member-a', [beNode('a-1', 4, 8), beNode('a-2', 4, 8)]),
    member('member-b', [beNode('b-1', 4, 8, { [BATCH_CPU]: 1000, [BATCH_MEMORY]: Gi })]),
  ],
};
const policies = [sparkappPolicy(['member-a', 'member-b'])];

describe('Gang scheduling of the seed spark-pi', () => {
  it('sends driver 1 + executor 1 to one member and reports it like the Fleet event', () => {
    const d = scheduleOnFleet(seedFleet, sparkApp('spark-pi', sparkPiComponents(1)), policies, { nowMs: 0 });
    expect(d.kind).toBe('scheduled');
    if (d.kind !== 'scheduled') return;
    expect(d.strategy).toBe('Gang');
    expect(d.policy).toEqual({ kind: 'PropagationPolicy', name: 'sparkapp-policy', namespace: 'spark' });
    expect(d.message).toBe('Binding has been scheduled successfully. Result: {member-a:0,[{driver 1} {executor 1}]}');
    expect(d.targetClusters).toEqual([
      {
        name: 'member-a',
        replicas: 0,
        components: [
          { name: 'driver', replicas: 1 },
          { name: 'executor', replicas: 1 },
        ],
      },
    ]);
    // First fit: both pods on a-1 (4 batch cores).
    expect(d.placements).toEqual([
      {
        member: 'member-a',
        nodes: [
          { node: 'a-1', component: 'driver', replicas: 1 },
          { node: 'a-1', component: 'executor', replicas: 1 },
        ],
      },
    ]);
    // member-a is on 1.28: the pods' requests are held on a-1 for the default 600 s.
    expect(d.reservations).toEqual([
      {
        owner: 'SparkApplication/spark/spark-pi',
        member: 'member-a',
        node: 'a-1',
        resources: { [BATCH_CPU]: 2000, [BATCH_MEMORY]: (896 + 1408) * Mi, pods: 2 },
        createdAtMs: 0,
        expiresAtMs: 600_000,
      },
    ]);
    expect(d.dispatch).toEqual({
      owner: 'SparkApplication/spark/spark-pi',
      member: 'member-a',
      dispatchedAtMs: 0,
      failedMembers: [],
      attempts: [],
    });
    // member-b (3 idle cores: 0.5 more copies) fits too, but member-a (8 idle cores: 3 more copies) wins.
    expect(d.verdicts).toEqual([
      { member: 'member-a', outcome: 'chosen', score: 3 },
      { member: 'member-b', outcome: 'fits', score: 0.5 },
    ]);
  });

  it('formats several members and components like Karmada', () => {
    expect(
      formatScheduleResult([
        { name: 'member1', replicas: 2 },
        { name: 'member2', replicas: 1 },
      ]),
    ).toBe('Binding has been scheduled successfully. Result: {member1:2, member2:1}');
    expect(
      formatScheduleResult([
        {
          name: 'c6xxxxx',
          replicas: 0,
          components: [
            { name: 'driver', replicas: 1 },
            { name: 'executor', replicas: 4 },
          ],
        },
      ]),
    ).toBe('Binding has been scheduled successfully. Result: {c6xxxxx:0,[{driver 1} {executor 4}]}');
  });

  it('picks by the pluggable scorer: best fit packs into member-b, a static weight prefers its member', () => {
    const app = sparkApp('spark-pi', sparkPiComponents(1));
    const best = scheduleOnFleet(seedFleet, app, policies, { nowMs: 0, scorer: bestFitScorer });
    expect(best.kind === 'scheduled' && best.targetClusters[0]!.name).toBe('member-b');
    const weighted = scheduleOnFleet(seedFleet, app, policies, {
      nowMs: 0,
      scorer: staticWeightScorer({ 'member-b': 10 }),
    });
    expect(weighted.kind === 'scheduled' && weighted.targetClusters[0]!.name).toBe('member-b');
  });

  it('breaks equal scores by member name', () => {
    const twins: FleetSnapshot = {
      members: [member('zeta', [beNode('z', 4, 8)]), member('alpha', [beNode('a', 4, 8)])],
    };
    const d = scheduleOnFleet(twins, sparkApp('spark-pi', sparkPiComponents(1)), [sparkappPolicy(['alpha', 'zeta'])]);
    expect(d.kind === 'scheduled' && d.targetClusters[0]!.name).toBe('alpha');
  });
});

describe('Gang never splits', () => {
  const onePerCore = (executors: number): FleetComponent[] => [
    {
      name: 'driver',
      replicas: 1,
      replicaRequirements: { resourceRequest: { [BATCH_CPU]: 1000, [BATCH_MEMORY]: Gi } },
    },
    {
      name: 'executor',
      replicas: executors,
      replicaRequirements: { resourceRequest: { [BATCH_CPU]: 1000, [BATCH_MEMORY]: Gi } },
    },
  ];
  // member-a: 5 cores in total but as 2.5 + 2.5 (fragmented); member-b: 4 cores in total.
  const fleet: FleetSnapshot = {
    members: [
      member('member-a', [beNode('a-1', 2.5, 16), beNode('a-2', 2.5, 16)]),
      member('member-b', [beNode('b-1', 4, 16)]),
    ],
  };

  it('waits when no single member holds the driver and all executors, with a reason per member', () => {
    const d = scheduleOnFleet(fleet, sparkApp('big', onePerCore(4)), [sparkappPolicy(['member-a', 'member-b'])], {
      nowMs: 0,
    });
    expect(d.kind).toBe('waiting');
    if (d.kind !== 'waiting') return;
    expect(d.reasons).toEqual([
      {
        member: 'member-a',
        outcome: 'insufficient',
        reason:
          'node-level fit placed 3 of 4 executor pod(s) after the earlier components (fragmentation or reservations)',
      },
      { member: 'member-b', outcome: 'insufficient', reason: 'insufficient kubernetes.io/batch-cpu (needs 5, 4 idle)' },
    ]);
    expect(d.message).toMatch(/^no member can hold the whole job now: member-a: node-level fit placed 3 of 4/);
  });

  it('chooses the member where the whole job fits node by node over one with more total room', () => {
    const d = chooseGangMember(fleet.members, onePerCore(3));
    // member-a: driver + 1 executor on a-1, 2 executors on a-2 → fits (2.5 cores each, 2 used on each).
    expect(d.chosen?.member).toBe('member-a');
    const tight = chooseGangMember(
      [
        member('frag', [beNode('f-1', 1.5, 16), beNode('f-2', 1.5, 16), beNode('f-3', 1.5, 16)]),
        member('whole', [beNode('w', 4, 16)]),
      ],
      onePerCore(3),
    );
    // frag has 4.5 cores but every node takes one pod only → 3 of 4 pods; whole has exactly 4 cores.
    expect(tight.chosen?.member).toBe('whole');
    expect(tight.verdicts[0]).toEqual({
      member: 'frag',
      fits: false,
      reason:
        'node-level fit placed 2 of 3 executor pod(s) after the earlier components (fragmentation or reservations)',
    });
  });

  it('reports the node claim when no node passes it', () => {
    const comps = onePerCore(1).map((c) => ({
      ...c,
      replicaRequirements: { ...c.replicaRequirements, nodeClaim: { nodeSelector: { pool: 'spark' } } },
    }));
    const d = chooseGangMember([member('m', [beNode('n', 8, 16)])], comps);
    expect(d.verdicts).toEqual([
      { member: 'm', fits: false, reason: "no node passes the driver pod's node selector, affinity and tolerations" },
    ]);
  });
});
