import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterColumns } from '../../src/cluster/index.js';
import { MutableClusterState } from '../../src/cluster/index.js';
import type { MemberNodeSnapshot, MemberSnapshot } from '../../src/fleet/index.js';
import { fitGang, memberIndex, memberIndexFromColumns, memberNodeLayout } from '../../src/fleet/index.js';
import { BATCH_CPU } from '../../src/resources/index.js';
import { Gi, node, pod } from '../cluster/__helpers__/builders.js';

/** The fleet's usual view of a member state: per node its allocatable and its non-zero requested sums. */
function snapshotNodes(state: MutableClusterState): MemberNodeSnapshot[] {
  const view = state.view();
  return Array.from({ length: view.nodeCount }, (_, i) => {
    const n = view.node(i);
    const requested: Record<string, number> = {};
    for (const r of [
      'cpu',
      'memory',
      'pods',
      'kubernetes.io/batch-cpu',
      'kubernetes.io/batch-memory',
      'nvidia.com/gpu',
    ]) {
      const v = view.requested(i, r);
      if (v !== 0) requested[r] = v;
    }
    return {
      name: n.name,
      labels: n.labels,
      taints: n.taints,
      allocatable: n.allocatable,
      requested,
      unschedulable: n.unschedulable,
    };
  });
}

const arbNode = fc.record({
  cpu: fc.constantFrom(2000, 4000, 8000),
  batchCpu: fc.option(fc.constantFrom(0, 1000, 3000), { nil: undefined }),
  gpu: fc.boolean(),
  tainted: fc.boolean(),
  cordoned: fc.boolean(),
});
const arbPod = fc.record({
  node: fc.nat(),
  cpu: fc.constantFrom(0, 100, 500),
  batchCpu: fc.constantFrom(0, 200),
  gpu: fc.constantFrom(0, 1),
});

describe('memberIndexFromColumns', () => {
  it('equals memberIndex over the same state (free, pods, plain, special, sums)', () => {
    fc.assert(
      fc.property(
        fc.array(arbNode, { minLength: 1, maxLength: 6 }),
        fc.array(arbPod, { maxLength: 12 }),
        fc.array(fc.record({ node: fc.nat(), batchCpu: fc.constantFrom(0, 500, 2500) }), { maxLength: 4 }),
        (nodeSpecs, podSpecs, patches) => {
          const nodes = nodeSpecs.map((s, i) =>
            node(`n${i}`, {
              cpu: s.cpu,
              ...(s.batchCpu === undefined ? {} : { batchCpu: s.batchCpu }),
              ...(s.gpu ? { extra: { 'nvidia.com/gpu': 2 } } : {}),
              ...(s.tainted ? { taints: [{ key: 'k', effect: 'NoSchedule' as const }] } : {}),
              unschedulable: s.cordoned,
            }),
          );
          const pods = podSpecs.map((p, k) =>
            pod(`p${k}`, {
              nodeName: `n${p.node % nodes.length}`,
              ...(p.cpu > 0 ? { cpu: p.cpu } : {}),
              ...(p.batchCpu > 0 ? { batchCpu: p.batchCpu } : {}),
              ...(p.gpu > 0 ? { requests: { 'nvidia.com/gpu': p.gpu } } : {}),
            }),
          );
          const state = new MutableClusterState({ nodes, pods });
          const layoutBefore = memberNodeLayout(snapshotNodes(state));
          for (const p of patches) {
            const i = p.node % nodes.length;
            if (layoutBefore.stated.has(BATCH_CPU)) state.patchAllocatable(i, BATCH_CPU, p.batchCpu);
          }
          const objects = snapshotNodes(state);
          const fromColumns = memberIndexFromColumns(memberNodeLayout(objects), state.view().columns);
          expect(fromColumns).toEqual(memberIndex(objects));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reuses the columns of the previous sync where they are the same arrays, and still equals memberIndex', () => {
    // Copies of the live columns; an array equal to the previous copy is that copy (as a simulator would keep).
    const copy = (live: ClusterColumns, prev?: ClusterColumns): ClusterColumns => {
      const same = (a: ArrayLike<number>, b: ArrayLike<number> | undefined) =>
        b !== undefined && a.length === b.length && Array.from(a).every((v, i) => v === b[i]);
      const take = <K extends keyof ClusterColumns>(k: K): ClusterColumns[K] => {
        const v = live[k];
        if (!(v instanceof Float64Array || v instanceof Uint8Array)) return v;
        const p = prev?.[k] as ArrayLike<number> | undefined;
        return (same(v, p) ? p : v.slice()) as ClusterColumns[K];
      };
      const out = {} as Record<string, unknown>;
      for (const k of Object.keys(live) as (keyof ClusterColumns)[]) out[k] = take(k);
      return out as unknown as ClusterColumns;
    };
    fc.assert(
      fc.property(
        fc.array(fc.record({ batchCpu: fc.constantFrom(0, 1000, 3000), cpu: fc.constantFrom(2000, 4000) }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.array(
          fc.oneof(fc.record({ patch: fc.nat(), to: fc.constantFrom(0, 500, 2500) }), fc.record({ bind: fc.nat() })),
          {
            maxLength: 6,
          },
        ),
        (specs, steps) => {
          const nodes = specs.map((s, i) => node(`n${i}`, { cpu: s.cpu, batchCpu: s.batchCpu }));
          const state = new MutableClusterState({ nodes, pods: [] });
          let columns = copy(state.view().columns);
          let index = memberIndexFromColumns(memberNodeLayout(snapshotNodes(state)), columns);
          steps.forEach((step, k) => {
            if ('patch' in step) state.patchAllocatable(step.patch % nodes.length, BATCH_CPU, step.to);
            else state.bind(pod(`p${k}`, { cpu: 100 }), `n${step.bind % nodes.length}`);
            const next = copy(state.view().columns, columns);
            const objects = snapshotNodes(state);
            index = memberIndexFromColumns(memberNodeLayout(objects), next, { columns, index });
            columns = next;
            expect(index).toEqual(memberIndex(objects));
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives the fleet the same answers when passed as nodeIndex', () => {
    const nodes = [node('a', { cpu: 4000, batchCpu: 2000 }), node('b', { cpu: 4000, batchCpu: 0 })];
    const state = new MutableClusterState({ nodes, pods: [pod('x', { batchCpu: 1500, nodeName: 'a' })] });
    const objects = snapshotNodes(state);
    const member = (withIndex: boolean): MemberSnapshot => ({
      name: 'm',
      labels: {},
      kubernetesVersion: { major: 1, minor: 28 },
      taints: [],
      nodes: objects,
      syncedAt: 0,
      reservations: [],
      ...(withIndex ? { nodeIndex: memberIndexFromColumns(memberNodeLayout(objects), state.view().columns) } : {}),
    });
    const gang = [
      { name: 'driver', replicas: 1, replicaRequirements: { resourceRequest: { [BATCH_CPU]: 400, memory: Gi } } },
    ];
    // 500 m of batch-cpu left on `a`, none on `b`: one 400 m driver fits, a 600 m one does not.
    expect(fitGang(member(true), gang)).toEqual(fitGang(member(false), gang));
    expect(fitGang(member(true), gang).fits).toBe(true);
    const big = [{ ...gang[0]!, replicaRequirements: { resourceRequest: { [BATCH_CPU]: 600 } } }];
    expect(fitGang(member(true), big)).toEqual(fitGang(member(false), big));
    expect(fitGang(member(true), big).fits).toBe(false);
  });

  it('rejects a layout of another size', () => {
    const state = new MutableClusterState({ nodes: [node('a')], pods: [] });
    expect(() => memberIndexFromColumns(memberNodeLayout([]), state.view().columns)).toThrow(/layout has 0 nodes/);
  });
});
