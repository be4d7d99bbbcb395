import { describe, expect, it } from 'vitest';
import type { FleetSnapshot, PropagationPolicy } from '../../src/fleet/index.js';
import { objectResource, scheduleOnFleet, workloadResource } from '../../src/fleet/index.js';
import { beNode, member, node, policy, sparkApp, sparkappPolicy, sparkPiComponents } from './helpers.js';

const twoMembers: FleetSnapshot = {
  members: [member('member-a', [beNode('a-1', 4, 8)]), member('member-b', [beNode('b-1', 4, 8)])],
};

const cpp = (p: Partial<PropagationPolicy> & Pick<PropagationPolicy, 'name'>): PropagationPolicy => {
  const { namespace: _ns, ...rest } = policy({ ...p, kind: 'ClusterPropagationPolicy' });
  return rest;
};

// The seed's ns-policy and priority-policy (02-namespace-policy.yaml, 03-priority-class.yaml).
const nsPolicy = cpp({
  name: 'ns-policy',
  apiVersion: 'policy.one.alibabacloud.com/v1alpha1',
  resourceSelectors: [{ apiVersion: 'v1', kind: 'Namespace', name: 'spark' }],
  placement: {
    clusterAffinity: { clusterNames: ['member-a', 'member-b'] },
    replicaScheduling: { replicaSchedulingType: 'Duplicated' },
  },
});
const priorityPolicy = cpp({
  name: 'priority-policy',
  apiVersion: 'policy.one.alibabacloud.com/v1alpha1',
  resourceSelectors: [{ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass' }],
  placement: {
    clusterAffinity: { clusterNames: ['member-a', 'member-b'] },
    replicaScheduling: { replicaSchedulingType: 'Duplicated' },
  },
});

describe('scheduleOnFleet: plain templates', () => {
  it('duplicates the spark Namespace and the low-priority PriorityClass to every selected member', () => {
    const ns = scheduleOnFleet(
      twoMembers,
      objectResource({ apiVersion: 'v1', kind: 'Namespace', name: 'spark', labels: {} }),
      [nsPolicy, priorityPolicy],
    );
    expect(ns.kind === 'scheduled' && ns.message).toBe(
      'Binding has been scheduled successfully. Result: {member-a:0, member-b:0}',
    );
    expect(ns.kind === 'scheduled' && ns.strategy).toBe('Object');
    const pc = scheduleOnFleet(
      twoMembers,
      objectResource({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', name: 'low-priority', labels: {} }),
      [nsPolicy, priorityPolicy],
    );
    expect(pc.kind === 'scheduled' && pc.policy.name).toBe('priority-policy');
    expect(pc.kind === 'scheduled' && pc.targetClusters.map((t) => t.name)).toEqual(['member-a', 'member-b']);
  });

  it('returns no-policy when nothing selects the resource', () => {
    const d = scheduleOnFleet(
      twoMembers,
      objectResource({ apiVersion: 'v1', kind: 'ConfigMap', name: 'x', namespace: 'spark', labels: {} }),
      [nsPolicy],
    );
    expect(d).toEqual({
      kind: 'no-policy',
      resource: 'ConfigMap/spark/x',
      issues: [],
      reason: 'no PropagationPolicy or ClusterPropagationPolicy selects v1 ConfigMap/spark/x',
    });
  });
});

describe('scheduleOnFleet: input problems are data, not crashes', () => {
  it('reports a policy naming clusters that do not exist and schedules on the ones that do', () => {
    const d = scheduleOnFleet(twoMembers, sparkApp('spark-pi', sparkPiComponents(1)), [
      sparkappPolicy(['<cluster1-id>', 'member-b']),
    ]);
    expect(d.kind === 'scheduled' && d.targetClusters[0]!.name).toBe('member-b');
    expect(d.issues).toEqual([
      {
        code: 'UnknownCluster',
        path: 'spec.placement.clusterAffinity.clusterNames[0]',
        message:
          'PropagationPolicy spark/sparkapp-policy: spec.placement.clusterAffinity.clusterNames[0] names cluster "<cluster1-id>", which is not a member of the fleet',
      },
    ]);
  });

  it('is NoClusterFit when the policy names only unknown clusters', () => {
    const d = scheduleOnFleet(twoMembers, sparkApp('spark-pi', sparkPiComponents(1)), [
      sparkappPolicy(['<cluster1-id>', '<cluster2-id>']),
    ]);
    expect(d.kind).toBe('unschedulable');
    if (d.kind !== 'unschedulable') return;
    expect(d.condition).toBe('NoClusterFit');
    expect(d.reason).toBe('0/2 clusters are available');
    expect(d.issues).toHaveLength(2);
    expect(d.verdicts.every((v) => v.outcome === 'filtered')).toBe(true);
  });

  it('rejects a negative replica count with an issue', () => {
    const deploy = workloadResource(
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default', labels: {} },
      -2,
    );
    const p = policy({ name: 'web', resourceSelectors: [{ apiVersion: 'apps/v1', kind: 'Deployment' }] });
    const d = scheduleOnFleet(twoMembers, deploy, [p]);
    expect(d.kind === 'unschedulable' && d.condition).toBe('SchedulerError');
    expect(d.issues.map((i) => i.code)).toEqual(['InvalidReplicas']);
  });
});

describe('scheduleOnFleet: filters', () => {
  it('drops members with untolerated taints unless the policy tolerates them', () => {
    const tainted: FleetSnapshot = {
      members: [
        member('member-a', [beNode('a-1', 8, 16)], {
          taints: [{ key: 'cluster.karmada.io/not-ready', effect: 'NoSchedule' }],
        }),
        member('member-b', [beNode('b-1', 4, 8)]),
      ],
    };
    const base = sparkappPolicy(['member-a', 'member-b']);
    const d = scheduleOnFleet(tainted, sparkApp('spark-pi', sparkPiComponents(1)), [base]);
    expect(d.kind === 'scheduled' && d.targetClusters[0]!.name).toBe('member-b');
    expect(d.kind === 'scheduled' && d.verdicts[0]).toEqual({
      member: 'member-a',
      outcome: 'filtered',
      reason: 'has untolerated taint cluster.karmada.io/not-ready:NoSchedule',
    });
    const tolerant = {
      ...base,
      placement: {
        ...base.placement,
        clusterTolerations: [{ key: 'cluster.karmada.io/not-ready', operator: 'Exists' as const }],
      },
    };
    const t = scheduleOnFleet(tainted, sparkApp('spark-pi', sparkPiComponents(1)), [tolerant]);
    expect(t.kind === 'scheduled' && t.targetClusters[0]!.name).toBe('member-a');
  });

  it('drops members that do not serve the resource’s API (no SparkApplication CRD)', () => {
    const fleet: FleetSnapshot = {
      members: [
        member('member-a', [beNode('a-1', 8, 16)], { apiEnablements: ['v1/Namespace'] }),
        member('member-b', [beNode('b-1', 4, 8)], {
          apiEnablements: ['sparkoperator.k8s.io/v1beta2/SparkApplication'],
        }),
      ],
    };
    const d = scheduleOnFleet(fleet, sparkApp('spark-pi', sparkPiComponents(1)), [
      sparkappPolicy(['member-a', 'member-b']),
    ]);
    expect(d.kind === 'scheduled' && d.targetClusters[0]!.name).toBe('member-b');
  });
});

describe('scheduleOnFleet: ordered clusterAffinities', () => {
  const fleet: FleetSnapshot = {
    members: [member('primary', [beNode('p-1', 1, 8)]), member('backup', [beNode('b-1', 4, 8)])],
  };
  const base = sparkappPolicy([]);
  const groups: PropagationPolicy = {
    ...base,
    placement: {
      ...base.placement,
      clusterAffinity: undefined,
      clusterAffinities: [
        { affinityName: 'on-prem', clusterNames: ['primary'] },
        { affinityName: 'cloud', clusterNames: ['backup'] },
      ],
    },
  };

  it('falls back to the next group only when the current one cannot hold the job', () => {
    const d = scheduleOnFleet(fleet, sparkApp('spark-pi', sparkPiComponents(1)), [groups]);
    expect(d.kind === 'scheduled' && [d.affinityName, d.targetClusters[0]!.name]).toEqual(['cloud', 'backup']);
    const roomy: FleetSnapshot = { members: [member('primary', [beNode('p-1', 4, 8)]), fleet.members[1]!] };
    const p = scheduleOnFleet(roomy, sparkApp('spark-pi', sparkPiComponents(1)), [groups]);
    expect(p.kind === 'scheduled' && [p.affinityName, p.targetClusters[0]!.name]).toEqual(['on-prem', 'primary']);
  });

  it('starts at the observed group and never moves back by itself', () => {
    const roomy: FleetSnapshot = { members: [member('primary', [beNode('p-1', 4, 8)]), fleet.members[1]!] };
    const d = scheduleOnFleet(roomy, sparkApp('spark-pi', sparkPiComponents(1)), [groups], {
      observedAffinityName: 'cloud',
    });
    expect(d.kind === 'scheduled' && d.affinityName).toBe('cloud');
  });

  it('waits with the reasons of every group when none can hold the job', () => {
    const tiny: FleetSnapshot = {
      members: [member('primary', [beNode('p-1', 1, 8)]), member('backup', [beNode('b-1', 1, 8)])],
    };
    const d = scheduleOnFleet(tiny, sparkApp('spark-pi', sparkPiComponents(1)), [groups]);
    expect(d.kind === 'waiting' && d.reasons.map((r) => [r.member, r.outcome])).toEqual([
      ['backup', 'insufficient'],
      ['primary', 'insufficient'],
    ]);
  });
});

describe('scheduleOnFleet: replicated workloads', () => {
  const fleet: FleetSnapshot = {
    members: [
      member('member1', [node('n', { cpu: 6000 })]),
      member('member2', [node('n', { cpu: 12_000 })]),
      member('member3', [node('n', { cpu: 18_000 })]),
    ],
  };
  const web = (replicas: number) =>
    workloadResource(
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default', labels: {} },
      replicas,
      {
        requests: { cpu: 1000 },
        nodeSelector: {},
        tolerations: [],
      },
    );
  const dyn = policy({
    name: 'web',
    resourceSelectors: [{ apiVersion: 'apps/v1', kind: 'Deployment' }],
    placement: {
      replicaScheduling: {
        replicaSchedulingType: 'Divided',
        replicaDivisionPreference: 'Weighted',
        weightPreference: { dynamicWeight: 'AvailableReplicas' },
      },
    },
  });

  it('divides by estimated available replicas (6/12/18 → 2/4/6)', () => {
    const d = scheduleOnFleet(fleet, web(12), [dyn]);
    expect(d.kind === 'scheduled' && d.message).toBe(
      'Binding has been scheduled successfully. Result: {member1:2, member2:4, member3:6}',
    );
    expect(d.kind === 'scheduled' && d.verdicts.map((v) => v.availableReplicas)).toEqual([6, 12, 18]);
  });

  it('is Unschedulable when the fleet lacks room, keeping Karmada’s message', () => {
    const d = scheduleOnFleet(fleet, web(37), [dyn]);
    expect(d.kind === 'unschedulable' && [d.condition, d.reason]).toEqual([
      'Unschedulable',
      'Clusters available replicas 36 are not enough to schedule.',
    ]);
  });

  it('scales up from the previous result without moving replicas', () => {
    const d = scheduleOnFleet(fleet, web(14), [dyn], {
      previous: [
        { name: 'member1', replicas: 2 },
        { name: 'member2', replicas: 4 },
        { name: 'member3', replicas: 6 },
      ],
    });
    // Room left 4/8/12 → 2 more over 4:8:12: seat 1 member3, seat 2 member2.
    expect(d.kind === 'scheduled' && d.targetClusters.map((t) => t.replicas)).toEqual([2, 5, 7]);
  });

  it('honours a cluster spread constraint for dynamic division', () => {
    const spread = {
      ...dyn,
      placement: {
        ...dyn.placement,
        spreadConstraints: [{ spreadByField: 'cluster' as const, minGroups: 1, maxGroups: 1 }],
      },
    };
    const d = scheduleOnFleet(fleet, web(12), [spread]);
    expect(d.kind === 'scheduled' && d.message).toBe('Binding has been scheduled successfully. Result: {member3:12}');
  });
});

describe('scheduleOnFleet: Karmada multi-component scheduling (no Gang)', () => {
  it('places the whole job in the member with the most complete sets when spread is cluster min = max = 1', () => {
    const fleet: FleetSnapshot = { members: [member('m1', [beNode('a', 4, 8)]), member('m2', [beNode('b', 8, 16)])] };
    const p = sparkappPolicy(['m1', 'm2']);
    const karmada: PropagationPolicy = {
      ...p,
      placement: {
        clusterAffinity: { clusterNames: ['m1', 'm2'] },
        replicaScheduling: { replicaSchedulingType: 'Divided', replicaDivisionPreference: 'Aggregated' },
        spreadConstraints: [{ spreadByField: 'cluster', minGroups: 1, maxGroups: 1 }],
      },
    };
    const d = scheduleOnFleet(fleet, sparkApp('spark-pi', sparkPiComponents(1)), [karmada]);
    expect(d.kind === 'scheduled' && [d.strategy, d.message]).toEqual([
      'MultiComponent',
      'Binding has been scheduled successfully. Result: {m2:0,[{driver 1} {executor 1}]}',
    ]);
    expect(d.kind === 'scheduled' && d.verdicts.map((v) => v.availableReplicas)).toEqual([2, 4]);
    // Without Gang or the spread constraint the job is propagated whole to every member (capacity-blind).
    const plain: PropagationPolicy = { ...karmada, placement: { ...karmada.placement, spreadConstraints: [] } };
    const o = scheduleOnFleet(fleet, sparkApp('spark-pi', sparkPiComponents(1)), [plain]);
    expect(o.kind === 'scheduled' && [o.strategy, o.targetClusters.map((t) => t.name)]).toEqual([
      'Object',
      ['m1', 'm2'],
    ]);
  });
});
