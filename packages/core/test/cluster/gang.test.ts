import { describe, expect, it } from 'vitest';
import type { ClusterInput, ClusterSchedulingOptions, Gang, GangDecision } from '../../src/cluster/index.js';
import {
  createClusterSnapshot,
  DEFAULT_GANG_WAIT_TIME_SECONDS,
  gangReleaseOnFailure,
  gangReleaseOnTimeout,
  gangRulesApply,
  gangSatisfied,
  gangWaitDeadline,
  gangWaitExpired,
  MutableClusterState,
  referenceScheduleInCluster,
  resolvePodGroup,
  scheduleInCluster,
} from '../../src/cluster/index.js';
import type { Pod } from '../../src/model/index.js';
import { node, pod } from './__helpers__/builders.js';

function decide(input: ClusterInput, gang: Gang, options?: ClusterSchedulingOptions): GangDecision {
  const d = scheduleInCluster(createClusterSnapshot(input), gang, options);
  expect(referenceScheduleInCluster(input, gang, options)).toEqual(d);
  return d;
}

const members = (count: number, cpu: number, priority = 0): Pod[] =>
  Array.from({ length: count }, (_, k) => pod(`m${k}`, { cpu, priority }));
const gang = (ms: Pod[], minMember = ms.length, extra: Partial<Gang['podGroup']> = {}): Gang => ({
  podGroup: { name: 'g', minMember, ...extra },
  members: ms,
});
const twoNodes: ClusterInput = { nodes: [node('n0'), node('n1')], pods: [] };
const off: ClusterSchedulingOptions = { preemption: false };

describe('gang placement: all members or none', () => {
  it('places every member, each seeing the earlier members on a scratch copy', () => {
    const d = decide(twoNodes, gang(members(3, 2000)));
    expect(d.kind).toBe('bind');
    expect(d.kind === 'bind' && d.bindings.map((b) => [b.pod.name, b.nodeName])).toEqual([
      ['m0', 'n0'],
      ['m1', 'n1'],
      ['m2', 'n0'],
    ]);
    expect(d.kind === 'bind' && d.unplaced).toEqual([]);
    // Two 3000m members cannot share a 4000m node: the second sees the first.
    const spread = decide(twoNodes, gang(members(2, 3000)));
    expect(spread.kind === 'bind' && spread.bindings.map((b) => b.nodeName)).toEqual(['n0', 'n1']);
  });

  it('binds nothing when the gang does not fit whole, and names the member that failed', () => {
    const state = new MutableClusterState(twoNodes);
    const d = scheduleInCluster(state.view(), gang(members(5, 2000)), off);
    expect(d).toMatchObject({
      kind: 'unschedulable',
      scope: 'gang',
      failedMember: { name: 'm4' },
      placedBeforeFailure: 4,
      message: '0/2 nodes are available: 2 Insufficient cpu.',
    });
    state.apply(d);
    expect(state.podCount).toBe(0);
    expect(state.view().requested(0, 'cpu')).toBe(0);
    expect(referenceScheduleInCluster(twoNodes, gang(members(5, 2000)), off)).toEqual(d);
  });

  it('with minMember below the member count, the gang binds the members that fit and lists the rest', () => {
    const d = decide(twoNodes, gang(members(5, 2000), 3), off);
    expect(d.kind === 'bind' && d.bindings.length).toBe(4);
    expect(d.kind === 'bind' && d.unplaced.map((u) => [u.pod.name, u.message])).toEqual([
      ['m4', '0/2 nodes are available: 2 Insufficient cpu.'],
    ]);
  });

  it('Strict gives up at the first failure; NonStrict still tries the other members', () => {
    const ms = [pod('big', { cpu: 5000 }), pod('s1', { cpu: 1000 }), pod('s2', { cpu: 1000 })];
    expect(decide(twoNodes, gang(ms, 2), off)).toMatchObject({
      kind: 'unschedulable',
      failedMember: { name: 'big' },
      placedBeforeFailure: 0,
    });
    const d = decide(twoNodes, gang(ms, 2, { mode: 'NonStrict' }), off);
    expect(d.kind === 'bind' && d.bindings.map((b) => b.pod.name)).toEqual(['s1', 's2']);
    expect(d.kind === 'bind' && d.unplaced.map((u) => u.pod.name)).toEqual(['big']);
  });

  it('a gang with fewer members than minMember waits (PreEnqueue)', () => {
    expect(decide(twoNodes, gang(members(1, 100), 2))).toMatchObject({
      kind: 'unschedulable',
      message: 'gang default/g has 1 member(s), fewer than minMember 2',
      placedBeforeFailure: 0,
    });
  });

  it('applying a gang bind decision binds every member', () => {
    const state = new MutableClusterState(twoNodes);
    state.apply(scheduleInCluster(state.view(), gang(members(3, 2000))));
    expect(state.podCount).toBe(3);
    expect(state.view().requested(0, 'cpu')).toBe(4000);
  });
});

describe('job-level preemption (Koordinator): victims for the whole gang at once', () => {
  const low = (name: string, node: string, priority = 1) => pod(name, { cpu: 2000, priority, nodeName: node });

  it('chooses nodes by preemption cost for all pending members, then reprieves per node', () => {
    const input: ClusterInput = {
      nodes: [node('n0'), node('n1')],
      pods: [low('l0', 'n0'), low('mid', 'n0', 50), low('l1', 'n1'), low('l2', 'n1')],
    };
    const d = decide(input, gang(members(2, 2000, 100)));
    // Costs: priorities {1, 50} rank 0 and 1; n0 holds ranks 0 + 1 = 1, n1 0 + 0 = 0: both members go to n1.
    expect(d.kind).toBe('preempt');
    expect(d.kind === 'preempt' && d.triggerPod.name).toBe('m0');
    expect(d.kind === 'preempt' && d.nominations.map((n) => [n.pod.name, n.nodeName])).toEqual([
      ['m0', 'n1'],
      ['m1', 'n1'],
    ]);
    expect(d.kind === 'preempt' && d.victims.map((v) => [v.pod.name, v.nodeName])).toEqual([
      ['l1', 'n1'],
      ['l2', 'n1'],
    ]);
    // Pod-level preemption for one member alone would evict l0 on n0 instead.
    expect(scheduleInCluster(createClusterSnapshot(input), members(1, 2000, 100)[0]!)).toMatchObject({
      kind: 'preempt',
      nodeName: 'n0',
      victims: [{ name: 'l0' }],
    });
  });

  it('members already placed keep their node; only the pending ones are nominated after victims', () => {
    const input: ClusterInput = {
      nodes: [node('n0'), node('n1')],
      pods: [low('l0', 'n0'), low('l1', 'n1'), low('l2', 'n1')],
    };
    const g = gang([pod('small', { cpu: 2000, priority: 100 }), pod('large', { cpu: 4000, priority: 100 })]);
    const d = decide(input, g);
    expect(d.kind === 'preempt' && d.nominations.map((n) => [n.pod.name, n.nodeName])).toEqual([
      ['small', 'n0'],
      ['large', 'n1'],
    ]);
    expect(d.kind === 'preempt' && d.victims.map((v) => v.pod.name)).toEqual(['l1', 'l2']);
  });

  it('evicts nothing when even preemption cannot place every pending member', () => {
    const input: ClusterInput = {
      nodes: [node('n0'), node('n1')],
      pods: [low('a', 'n0'), low('b', 'n0'), low('c', 'n1'), low('d', 'n1')],
    };
    const d = decide(input, gang(members(3, 4000, 100)));
    expect(d.kind).toBe('unschedulable');
    expect(d.kind === 'unschedulable' && d.message).toMatch(
      /^0\/2 nodes are available: 2 Insufficient cpu\. preemption: /,
    );
  });

  it('is refused for a gang with a Never member, and off when disabled', () => {
    const input: ClusterInput = { nodes: [node('n0')], pods: [low('a', 'n0'), low('b', 'n0')] };
    const never = gang([pod('m0', { cpu: 2000, priority: 100 }), pod('m1', { cpu: 2000, priority: 100, never: true })]);
    expect(decide(input, never)).toMatchObject({
      kind: 'unschedulable',
      message: '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    });
    const g = gang(members(2, 2000, 100));
    expect(decide(input, g, { jobLevelPreemption: false })).toMatchObject({
      kind: 'unschedulable',
      message: '0/1 nodes are available: 1 Insufficient cpu.',
    });
    expect(decide(input, g)).toMatchObject({ kind: 'preempt' });
  });
});

describe('gang timing and failure rules (for the simulator)', () => {
  const group = { name: 'g', minMember: 3 };

  it('resolves Koordinator defaults', () => {
    expect(resolvePodGroup({ name: 'g', minMember: 3, total: 1, waitTimeSeconds: 0 })).toEqual({
      name: 'g',
      namespace: 'default',
      minMember: 3,
      total: 3,
      mode: 'Strict',
      waitTimeSeconds: DEFAULT_GANG_WAIT_TIME_SECONDS,
      matchPolicy: 'once-satisfied',
    });
    expect(() => resolvePodGroup({ name: 'g', minMember: 0 })).toThrow(RangeError);
  });

  it('expires the wait after waitTimeSeconds (600 s by default)', () => {
    expect(gangWaitDeadline(group, 1000)).toBe(601_000);
    expect(gangWaitExpired(group, 1000, 600_999)).toBe(false);
    expect(gangWaitExpired(group, 1000, 601_000)).toBe(true);
    expect(gangWaitExpired({ ...group, waitTimeSeconds: 30 }, 0, 30_000)).toBe(true);
  });

  it('is satisfied per match policy', () => {
    const progress = { waiting: 2, bound: 1, onceSatisfied: false };
    expect(gangSatisfied({ ...group, matchPolicy: 'only-waiting' }, progress)).toBe(false);
    expect(gangSatisfied({ ...group, matchPolicy: 'waiting-and-running' }, progress)).toBe(true);
    expect(gangSatisfied(group, progress)).toBe(false);
    expect(gangSatisfied(group, { ...progress, onceSatisfied: true })).toBe(true);
    expect(gangRulesApply(group, { ...progress, onceSatisfied: true })).toBe(false);
    expect(gangRulesApply({ ...group, matchPolicy: 'only-waiting' }, { ...progress, onceSatisfied: true })).toBe(true);
  });

  it('Strict rejects every waiting member on failure or timeout; NonStrict keeps them / releases one', () => {
    const progress = { waiting: 2, bound: 0, onceSatisfied: false };
    expect(gangReleaseOnFailure(group, progress)).toBe('reject-all-waiting');
    expect(gangReleaseOnFailure({ ...group, mode: 'NonStrict' }, progress)).toBe('keep-waiting');
    expect(gangReleaseOnTimeout(group, progress)).toBe('reject-all-waiting');
    expect(gangReleaseOnTimeout({ ...group, mode: 'NonStrict' }, progress)).toBe('member-only');
    expect(gangReleaseOnFailure(group, { ...progress, onceSatisfied: true })).toBe('member-only');
  });
});
