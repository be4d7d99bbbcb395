import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../src/cluster/index.js';
import {
  createClusterSnapshot,
  DEFAULT_MEMORY_REQUEST,
  DEFAULT_MILLI_CPU_REQUEST,
  MutableClusterState,
  scheduleInCluster,
} from '../../src/cluster/index.js';
import { Gi, node, pod } from './__helpers__/builders.js';

const BATCH_CPU = 'kubernetes.io/batch-cpu';

describe('createClusterSnapshot', () => {
  const input = {
    nodes: [node('n0', { cpu: 4000, batchCpu: 1000, extra: { 'nvidia.com/gpu': 2 } }), node('n1')],
    pods: [
      pod('a', { cpu: 500, memory: Gi, nodeName: 'n0' }),
      pod('b', { batchCpu: 300, nodeName: 'n0' }),
      pod('c', { requests: { 'nvidia.com/gpu': 1 }, nodeName: 'n0' }),
      pod('pending'),
      pod('elsewhere', { cpu: 100, nodeName: 'gone' }),
    ],
  };
  const snapshot = createClusterSnapshot(input);

  it('sums the requests of the bound pods per node; pending pods and unknown nodes are ignored', () => {
    expect(snapshot.nodeCount).toBe(2);
    expect(snapshot.requested(0, 'cpu')).toBe(500);
    expect(snapshot.requested(0, 'memory')).toBe(Gi);
    expect(snapshot.requested(0, 'pods')).toBe(3);
    expect(snapshot.requested(0, BATCH_CPU)).toBe(300);
    expect(snapshot.requested(0, 'nvidia.com/gpu')).toBe(1);
    expect(snapshot.requested(1, 'pods')).toBe(0);
    expect(snapshot.podsOnNode(0).map((p) => p.name)).toEqual(['a', 'b', 'c']);
  });

  it('reads allocatable, with absent resources as 0', () => {
    expect(snapshot.allocatable(0, 'cpu')).toBe(4000);
    expect(snapshot.allocatable(0, BATCH_CPU)).toBe(1000);
    expect(snapshot.allocatable(1, BATCH_CPU)).toBe(0);
    expect(snapshot.allocatable(0, 'nvidia.com/gpu')).toBe(2);
    expect(snapshot.allocatable(1, 'nvidia.com/gpu')).toBe(0);
    expect(snapshot.nodeIndex('n1')).toBe(1);
    expect(snapshot.nodeIndex('nope')).toBe(-1);
  });

  it('keeps kube-scheduler NonZeroRequested columns: 100m / 200Mi for pods naming no cpu / memory', () => {
    const cols = snapshot.columns;
    // a: 500m, 1Gi; b and c name neither.
    expect(cols.nonZeroRequestedCpu[0]).toBe(500 + 2 * DEFAULT_MILLI_CPU_REQUEST);
    expect(cols.nonZeroRequestedMemory[0]).toBe(Gi + 2 * DEFAULT_MEMORY_REQUEST);
    expect(cols.requestedCpu[0]).toBe(500);
    expect(cols.size).toBe(2);
  });

  it('rejects duplicate node names and foreign views', () => {
    expect(() => createClusterSnapshot({ nodes: [node('x'), node('x')], pods: [] })).toThrow(/duplicate node/);
    expect(() => scheduleInCluster({} as ClusterView, pod('p'))).toThrow(TypeError);
  });
});

describe('MutableClusterState', () => {
  function state(): MutableClusterState {
    return new MutableClusterState({
      nodes: [node('n0', { cpu: 4000, batchCpu: 1000, batchMemory: 4 * Gi }), node('n1', { cpu: 2000 })],
      pods: [pod('running', { cpu: 1000, nodeName: 'n0' })],
    });
  }

  it('binds and removes pods, updating the sums the view shows (the view is live)', () => {
    const s = state();
    const view = s.view();
    s.bind(pod('p', { cpu: 500, memory: Gi }), 'n1');
    expect(view.requested(1, 'cpu')).toBe(500);
    expect(view.podsOnNode(1)[0]).toMatchObject({ name: 'p', nodeName: 'n1' });
    expect(s.nodeOf('default/p')).toBe('n1');
    expect(s.podCount).toBe(2);
    expect(() => s.bind(pod('p'), 'n0')).toThrow(/already bound/);
    expect(() => s.bind(pod('q'), 'nope')).toThrow(/unknown node/);
    expect(s.remove('default/p')?.name).toBe('p');
    expect(view.requested(1, 'cpu')).toBe(0);
    expect(s.remove('default/p')).toBeUndefined();
  });

  it('republishes batch allocatable: a BE pod that did not fit then fits', () => {
    const s = state();
    const be = pod('be', { batchCpu: 3000, batchMemory: Gi });
    expect(scheduleInCluster(s.view(), be, { preemption: false }).kind).toBe('unschedulable');
    const n0 = s.view().node(0);
    s.setAllocatable('n0', { ...n0.allocatable, [BATCH_CPU]: 3500 });
    expect(s.view().allocatable(0, BATCH_CPU)).toBe(3500);
    expect(s.view().node(0).allocatable[BATCH_CPU]).toBe(3500);
    expect(scheduleInCluster(s.view(), be)).toMatchObject({ kind: 'bind', nodeName: 'n0' });
  });

  it('patches one allocatable entry by node index: columns at once, the Node object when read', () => {
    const s = state();
    const be = pod('be', { batchCpu: 3000, batchMemory: Gi });
    const before = s.view().node(0);
    s.patchAllocatable(0, BATCH_CPU, 3500);
    s.patchAllocatable(0, 'kubernetes.io/batch-memory', 2 * Gi);
    expect(s.view().allocatable(0, BATCH_CPU)).toBe(3500);
    expect(scheduleInCluster(s.view(), be)).toMatchObject({ kind: 'bind', nodeName: 'n0' });
    const after = s.view().node(0);
    expect(after.allocatable).toEqual({
      ...before.allocatable,
      [BATCH_CPU]: 3500,
      'kubernetes.io/batch-memory': 2 * Gi,
    });
    expect(before.allocatable[BATCH_CPU]).not.toBe(3500); // the old object is not mutated
    expect(s.view().node(0)).toBe(after); // rebuilt once, then reused
    // A cordon keeps the patched value; a full replacement drops the patches.
    s.setUnschedulable('n0', true);
    expect(s.toInput().nodes[0]!.allocatable[BATCH_CPU]).toBe(3500);
    s.setAllocatable('n0', { cpu: 1000 });
    expect(s.view().node(0).allocatable).toEqual({ cpu: 1000 });
    expect(s.view().allocatable(0, BATCH_CPU)).toBe(0);
    expect(() => s.patchAllocatable(9, BATCH_CPU, 1)).toThrow(/no node at index 9/);
  });

  it('cordons nodes and adds nodes', () => {
    const s = state();
    s.setUnschedulable('n0', true);
    s.setUnschedulable('n1', true);
    expect(scheduleInCluster(s.view(), pod('p', { cpu: 100 }), { preemption: false }).kind).toBe('unschedulable');
    expect(s.addNode(node('n2'))).toBe(2);
    expect(scheduleInCluster(s.view(), pod('p', { cpu: 100 }))).toMatchObject({ kind: 'bind', nodeName: 'n2' });
    s.setUnschedulable('n0', false);
    expect(s.view().node(0).unschedulable).toBe(false);
  });

  it('applies decisions: bind binds, preempt removes the victims, and toInput round-trips', () => {
    const s = new MutableClusterState({
      nodes: [node('n0', { cpu: 2000 })],
      pods: [pod('low', { cpu: 2000, priority: 0, nodeName: 'n0' })],
    });
    const high = pod('high', { cpu: 2000, priority: 10 });
    const preempt = scheduleInCluster(s.view(), high);
    expect(preempt).toMatchObject({ kind: 'preempt', nodeName: 'n0' });
    s.apply(preempt);
    expect(s.podCount).toBe(0);
    const bind = scheduleInCluster(s.view(), high);
    s.apply(bind);
    expect(s.toInput().pods.map((p) => [p.name, p.nodeName])).toEqual([['high', 'n0']]);
    expect(createClusterSnapshot(s.toInput()).requested(0, 'cpu')).toBe(2000);
  });
});
