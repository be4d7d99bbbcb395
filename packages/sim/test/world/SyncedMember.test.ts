import { BATCH_CPU, MutableClusterState, memberIndex, memberNodeLayout, type Node, type Pod } from '@gleaner/core';
import { describe, expect, it } from 'vitest';
import { SyncedMember } from '../../src/world/SyncedMember.js';

function node(name: string, batchCpu: number): Node {
  const allocatable = { cpu: 8000, memory: 2 ** 34, pods: 110, [BATCH_CPU]: batchCpu };
  return {
    name,
    labels: {},
    annotations: {},
    taints: [],
    capacity: allocatable,
    allocatable,
    unschedulable: false,
    virtual: false,
  };
}

function pod(name: string, batchCpu: number): Pod {
  return {
    name,
    namespace: 'spark',
    labels: {},
    annotations: {},
    priority: 0,
    preemptionPolicy: 'PreemptLowerPriority',
    requests: { [BATCH_CPU]: batchCpu },
    limits: {},
    nodeSelector: {},
    tolerations: [],
  };
}

const FACTS = { name: 'm', labels: {}, kubernetesVersion: { major: 1, minor: 28 }, taints: [] } as const;

describe('SyncedMember', () => {
  it('shows the member as of its sync, not as it changed after', () => {
    const state = new MutableClusterState({ nodes: [node('a', 4000), node('b', 1000)], pods: [] });
    const view = state.view();
    const layout = memberNodeLayout([view.node(0), view.node(1)]);
    const first = SyncedMember.sync(FACTS, layout, view, {}, 10_000, undefined, {
      batchAllocatable: true,
      allocatable: true,
      requested: true,
    });
    state.patchAllocatable(1, BATCH_CPU, 3000);
    state.bind(pod('x', 500), 'a');
    expect(first.nodes.map((n) => n.allocatable[BATCH_CPU])).toEqual([4000, 1000]);
    expect(first.nodes[0]!.requested).toEqual({});
    expect(Array.from(first.nodeIndex.free.get(BATCH_CPU)!)).toEqual([4000, 1000]);
    expect(first.nodeIndex).toEqual(memberIndex(first.nodes));

    // The next sync sees both changes; its index equals one built from its own node objects.
    const second = SyncedMember.sync(FACTS, layout, view, {}, 20_000, first, {
      batchAllocatable: true,
      allocatable: true,
      requested: true,
    });
    expect(Array.from(second.nodeIndex.free.get(BATCH_CPU)!)).toEqual([3500, 3000]);
    expect(second.nodeIndex).toEqual(memberIndex(second.nodes));
    expect(second.nodes[0]!.requested).toEqual({ [BATCH_CPU]: 500, pods: 1 });
  });

  it('shares unchanged column groups with the previous sync and keeps their index columns', () => {
    const state = new MutableClusterState({ nodes: [node('a', 4000)], pods: [] });
    const view = state.view();
    const layout = memberNodeLayout([view.node(0)]);
    const first = SyncedMember.sync(FACTS, layout, view, {}, 0, undefined, {
      batchAllocatable: true,
      allocatable: true,
      requested: true,
    });
    const firstIndex = first.nodeIndex; // built now, so the next sync can reuse what did not change
    state.patchAllocatable(0, BATCH_CPU, 2500);
    const second = SyncedMember.sync(FACTS, layout, view, {}, 10_000, first, {
      batchAllocatable: true,
      allocatable: false,
      requested: false,
    });
    // Only batch allocatable changed: its free column is recomputed, cpu's is the previous one.
    expect(Array.from(second.nodeIndex.free.get(BATCH_CPU)!)).toEqual([2500]);
    expect(second.nodeIndex.free.get('cpu')).toBe(firstIndex.free.get('cpu'));
    expect(second.nodeIndex.free.get(BATCH_CPU)).not.toBe(firstIndex.free.get(BATCH_CPU));
    // Nothing changed: the copies and the index's free columns are the previous ones, not recomputed.
    const third = SyncedMember.sync(FACTS, layout, view, {}, 20_000, second, {
      batchAllocatable: false,
      allocatable: false,
      requested: false,
    });
    expect(third.nodeIndex.free.get(BATCH_CPU)).toBe(second.nodeIndex.free.get(BATCH_CPU));
    expect(third.nodeIndex.free.get('cpu')).toBe(second.nodeIndex.free.get('cpu'));
    // Re-stamping keeps the state and sets the holds.
    const held = third.at(25_000, []);
    expect(held.syncedAt).toBe(25_000);
    expect(held.nodeIndex).toBe(third.nodeIndex);
  });
});
