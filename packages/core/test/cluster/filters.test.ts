import { describe, expect, it } from 'vitest';
import type { ClusterInput, ClusterSchedulingOptions } from '../../src/cluster/index.js';
import {
  createClusterSnapshot,
  insufficientReason,
  REASON_NODE_AFFINITY,
  REASON_NODE_UNSCHEDULABLE,
  REASON_TOO_MANY_PODS,
  referenceScheduleInCluster,
  scheduleInCluster,
  summarizeReasons,
  untoleratedTaintReason,
} from '../../src/cluster/index.js';
import type { Pod } from '../../src/model/index.js';
import { Gi, node, pod } from './__helpers__/builders.js';

const NO_PREEMPTION: ClusterSchedulingOptions = { preemption: false };
const zoneA = { zone: 'a' };

/** Decides with the fast path, checks the reference agrees, and returns the decision. */
function decide(input: ClusterInput, p: Pod, options: ClusterSchedulingOptions = NO_PREEMPTION) {
  const d = scheduleInCluster(createClusterSnapshot(input), p, options);
  expect(referenceScheduleInCluster(input, p, options)).toEqual(d);
  return d;
}

describe('filters and their reasons', () => {
  const input: ClusterInput = {
    nodes: [
      node('cordoned', { labels: zoneA, unschedulable: true }),
      node('tainted', { labels: zoneA, taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] }),
      node('draining', { labels: zoneA, taints: [{ key: 'maint', effect: 'NoExecute' }] }),
      node('other-zone', { labels: { zone: 'b' } }),
      node('small', { labels: zoneA, cpu: 500 }),
    ],
    pods: [],
  };
  const p = pod('p', { cpu: 1000, memory: Gi, nodeSelector: zoneA });

  it('reports one reason per node, worded and sorted as kube-scheduler does', () => {
    const d = decide(input, p);
    expect(d.kind).toBe('unschedulable');
    expect(d.kind === 'unschedulable' && d.message).toBe(
      "0/5 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector, " +
        '1 node(s) had untolerated taint {gpu: true}, 1 node(s) had untolerated taint {maint: }, 1 node(s) were unschedulable.',
    );
    expect(d.kind === 'unschedulable' && d.reasons).toEqual([
      { reason: 'Insufficient cpu', count: 1 },
      { reason: REASON_NODE_AFFINITY, count: 1 },
      { reason: untoleratedTaintReason({ key: 'gpu', value: 'true', effect: 'NoSchedule' }), count: 1 },
      { reason: 'node(s) had untolerated taint {maint: }', count: 1 },
      { reason: REASON_NODE_UNSCHEDULABLE, count: 1 },
    ]);
  });

  it('adds why preemption cannot help when it runs', () => {
    const d = decide(input, p, {});
    expect(d.kind === 'unschedulable' && d.message).toMatch(
      /\. preemption: 0\/5 nodes are available: 5 Preemption is not helpful for scheduling\.$/,
    );
  });

  it('a cordoned node admits a pod tolerating node.kubernetes.io/unschedulable:NoSchedule', () => {
    const tolerant = {
      ...p,
      tolerations: [
        { key: 'node.kubernetes.io/unschedulable', operator: 'Exists' as const, effect: 'NoSchedule' as const },
      ],
    };
    expect(decide(input, tolerant)).toMatchObject({ kind: 'bind', nodeName: 'cordoned' });
  });

  it('NoSchedule and NoExecute taints filter unless tolerated; PreferNoSchedule never filters', () => {
    const only = (n: ReturnType<typeof node>): ClusterInput => ({ nodes: [n], pods: [] });
    const gpu = only(node('g', { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] }));
    expect(decide(gpu, pod('x')).kind).toBe('unschedulable');
    expect(decide(gpu, pod('x', { tolerations: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] })).kind).toBe(
      'bind',
    );
    expect(decide(gpu, pod('x', { tolerations: [{ key: 'gpu', value: 'false' }] })).kind).toBe('unschedulable');
    const draining = only(node('d', { taints: [{ key: 'maint', effect: 'NoExecute' }] }));
    expect(decide(draining, pod('x', { tolerations: [{ operator: 'Exists', effect: 'NoExecute' }] })).kind).toBe(
      'bind',
    );
    const soft = only(node('s', { taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] }));
    expect(decide(soft, pod('x')).kind).toBe('bind');
  });

  it('nodeSelector and required node affinity (terms ORed, expressions ANDed, matchFields by name)', () => {
    const nodes: ClusterInput = {
      nodes: [node('n0', { labels: { zone: 'a', disk: 'ssd' } }), node('n1', { labels: { zone: 'b' } })],
      pods: [],
    };
    const affinity = (terms: object[]) => ({
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
    });
    const zoneB = [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }];
    expect(decide(nodes, pod('x', affinity(zoneB) as never))).toMatchObject({ kind: 'bind', nodeName: 'n1' });
    const both = [
      {
        matchExpressions: [
          { key: 'zone', operator: 'In', values: ['a'] },
          { key: 'disk', operator: 'DoesNotExist' },
        ],
      },
    ];
    const d = decide(nodes, pod('x', affinity(both) as never));
    expect(d.kind === 'unschedulable' && d.message).toBe(`0/2 nodes are available: 2 ${REASON_NODE_AFFINITY}.`);
    const byName = [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }, ...both];
    expect(decide(nodes, pod('x', affinity(byName) as never))).toMatchObject({ kind: 'bind', nodeName: 'n1' });
    // nodeSelector and affinity must both hold.
    expect(decide(nodes, pod('x', { nodeSelector: { zone: 'a' }, ...(affinity(zoneB) as object) })).kind).toBe(
      'unschedulable',
    );
  });

  it('NodeResourcesFit: pod count, every requested resource, all reasons of a node counted', () => {
    const input: ClusterInput = {
      nodes: [node('full', { cpu: 2000, memory: 2 * Gi, pods: 1 }), node('busy', { cpu: 2000, memory: 2 * Gi })],
      pods: [
        pod('r0', { cpu: 1500, memory: Gi, nodeName: 'full' }),
        pod('r1', { cpu: 1500, memory: 1.5 * Gi, nodeName: 'busy' }),
      ],
    };
    const d = decide(input, pod('p', { cpu: 1000, memory: Gi }));
    expect(d.kind === 'unschedulable' && d.message).toBe(
      // "<count> <reason>" strings sorted as strings: counts compare first.
      `0/2 nodes are available: 1 Insufficient memory, 1 ${REASON_TOO_MANY_PODS}, 2 ${insufficientReason('cpu')}.`,
    );
    // A resource the pod does not request is not checked (cpu 0 on a cpu-full node is fine).
    expect(decide(input, pod('q', { memory: 256 * 2 ** 20 }))).toMatchObject({ kind: 'bind', nodeName: 'busy' });
  });

  it('BE pods fit against the published batch allocatable (kubernetes.io/batch-cpu / batch-memory)', () => {
    const input: ClusterInput = {
      nodes: [
        node('unpublished'),
        node('small', { batchCpu: 1000, batchMemory: 8 * Gi }),
        node('used', { batchCpu: 3000, batchMemory: 8 * Gi }),
        node('roomy', { batchCpu: 3000, batchMemory: 8 * Gi }),
      ],
      pods: [pod('be0', { batchCpu: 1500, batchMemory: Gi, nodeName: 'used' })],
    };
    const be = pod('be', { batchCpu: 2000, batchMemory: 2 * Gi });
    expect(decide(input, be)).toMatchObject({ kind: 'bind', nodeName: 'roomy' });
    const crowded = { ...input, nodes: input.nodes.slice(0, 3) };
    const d = decide(crowded, be);
    expect(d.kind === 'unschedulable' && d.message).toBe(
      '0/3 nodes are available: 1 Insufficient kubernetes.io/batch-memory, 3 Insufficient kubernetes.io/batch-cpu.',
    );
  });

  it('extended resources: absent on a node means none', () => {
    const input: ClusterInput = {
      nodes: [node('plain'), node('gpu', { extra: { 'nvidia.com/gpu': 1 } })],
      pods: [],
    };
    expect(decide(input, pod('g', { requests: { 'nvidia.com/gpu': 1 } }))).toMatchObject({ nodeName: 'gpu' });
    const d = decide(input, pod('g', { requests: { 'nvidia.com/gpu': 2 } }));
    expect(d.kind === 'unschedulable' && d.message).toBe('0/2 nodes are available: 2 Insufficient nvidia.com/gpu.');
  });

  it('summarizes like FitError, including the empty cluster', () => {
    expect(summarizeReasons(0, new Map()).message).toBe('no nodes available to schedule pods');
    expect(
      summarizeReasons(
        12,
        new Map([
          ['Insufficient memory', 2],
          ['Insufficient cpu', 10],
        ]),
      ).message,
    ).toBe('0/12 nodes are available: 10 Insufficient cpu, 2 Insufficient memory.');
    expect(decide({ nodes: [], pods: [] }, pod('p'))).toMatchObject({
      kind: 'unschedulable',
      message: 'no nodes available to schedule pods',
    });
  });
});
