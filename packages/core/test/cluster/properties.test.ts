import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterDecision, ClusterInput, ClusterSchedulingOptions } from '../../src/cluster/index.js';
import {
  createClusterSnapshot,
  MutableClusterState,
  podKey,
  referenceScheduleInCluster,
  scheduleInCluster,
} from '../../src/cluster/index.js';
import type { Pod } from '../../src/model/index.js';
import {
  arbAnyGang,
  arbAnyInput,
  arbAnyPod,
  arbCrowdedGang,
  arbCrowdedInput,
  arbCrowdedPod,
  arbOptions,
  arbPendingPod,
  deepFreeze,
  seeded,
} from './__helpers__/arbitraries.js';
import { node, pod } from './__helpers__/builders.js';

function withRandom(options: ClusterSchedulingOptions, seed: number | undefined): ClusterSchedulingOptions {
  return seed === undefined ? options : { ...options, random: seeded(seed) };
}

/** Requested + the pod's own request never exceeds allocatable on the chosen node, for each requested resource. */
function expectFits(input: ClusterInput, p: Pod, nodeName: string): void {
  const node = input.nodes.find((n) => n.name === nodeName)!;
  const onNode = input.pods.filter((q) => q.nodeName === nodeName);
  expect(onNode.length + 1).toBeLessThanOrEqual(node.allocatable.pods ?? 0);
  for (const [name, amount] of Object.entries(p.requests)) {
    if (amount <= 0) continue;
    const used = onNode.reduce((s, q) => s + (q.requests[name] ?? 0), 0);
    expect(used + amount).toBeLessThanOrEqual(node.allocatable[name] ?? 0);
  }
}

describe('scheduleInCluster properties', () => {
  it('makes the same decision as the reference implementation (pods)', () => {
    fc.assert(
      fc.property(arbAnyInput, arbAnyPod, arbOptions, (input, p, { options, seed }) => {
        const fast = scheduleInCluster(createClusterSnapshot(input), p, withRandom(options, seed));
        const reference = referenceScheduleInCluster(input, p, withRandom(options, seed));
        expect(fast).toEqual(reference);
      }),
      { numRuns: 400 },
    );
  });

  it('makes the same decision as the reference implementation in crowded clusters (preemption on)', () => {
    fc.assert(
      fc.property(arbCrowdedInput, arbCrowdedPod, arbCrowdedGang, arbOptions, (input, p, gang, { options, seed }) => {
        const snapshot = createClusterSnapshot(input);
        expect(scheduleInCluster(snapshot, p)).toEqual(referenceScheduleInCluster(input, p));
        expect(scheduleInCluster(snapshot, gang)).toEqual(referenceScheduleInCluster(input, gang));
        const withPreemption = { ...options, preemption: true };
        expect(scheduleInCluster(snapshot, p, withRandom(withPreemption, seed))).toEqual(
          referenceScheduleInCluster(input, p, withRandom(withPreemption, seed)),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('makes the same decision as the reference implementation (gangs)', () => {
    fc.assert(
      fc.property(arbAnyInput, arbAnyGang, arbOptions, (input, gang, { options, seed }) => {
        const fast = scheduleInCluster(createClusterSnapshot(input), gang, withRandom(options, seed));
        const reference = referenceScheduleInCluster(input, gang, withRandom(options, seed));
        expect(fast).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('stays equal to the reference while a mutable state applies decisions, frees pods and republishes batch allocatable', () => {
    const arbStep = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.oneof(arbPendingPod(), arbCrowdedPod).map((p) => ({ op: 'schedule' as const, pod: p })),
      },
      { weight: 1, arbitrary: fc.nat().map((k) => ({ op: 'remove' as const, k })) },
      {
        weight: 1,
        arbitrary: fc
          .record({ k: fc.nat(), batchCpu: fc.constantFrom(0, 1000, 4000), cordon: fc.boolean(), patch: fc.boolean() })
          .map((r) => ({ op: 'node' as const, ...r })),
      },
    );
    fc.assert(
      fc.property(arbAnyInput, fc.array(arbStep, { maxLength: 8 }), arbOptions, (input, steps, { options }) => {
        const state = new MutableClusterState(input);
        steps.forEach((step, s) => {
          if (step.op === 'schedule') {
            const p = { ...step.pod, name: `s${s}` };
            const fast = scheduleInCluster(state.view(), p, options);
            expect(fast).toEqual(referenceScheduleInCluster(state.toInput(), p, options));
            state.apply(fast);
          } else if (step.op === 'remove') {
            const pods = state.toInput().pods;
            if (pods.length > 0) state.remove(podKey(pods[step.k % pods.length]!));
          } else {
            const i = step.k % state.nodeCount;
            const n = state.view().node(i);
            // Both ways of republishing batch allocatable: the whole list, or one patched entry.
            if (step.patch) state.patchAllocatable(i, 'kubernetes.io/batch-cpu', step.batchCpu);
            else state.setAllocatable(n.name, { ...n.allocatable, 'kubernetes.io/batch-cpu': step.batchCpu });
            state.setUnschedulable(n.name, step.cordon);
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('never overcommits a node it binds to (including BE pods against published batch allocatable)', () => {
    fc.assert(
      fc.property(arbAnyInput, arbAnyPod, arbOptions, (input, p, { options }) => {
        const d = scheduleInCluster(createClusterSnapshot(input), p, options);
        if (d.kind === 'bind') expectFits(input, p, d.nodeName);
      }),
      { numRuns: 300 },
    );
  });

  it("BE pods placed one after another never exceed any node's published batch allocatable", () => {
    const arbBatchNodes = fc.array(
      fc.record({
        batchCpu: fc.constantFrom(0, 1000, 3000, 8000),
        batchMemory: fc.constantFrom(0, 2 * 2 ** 30, 16 * 2 ** 30),
      }),
      { minLength: 1, maxLength: 6 },
    );
    const arbBe = fc.record({
      batchCpu: fc.constantFrom(250, 500, 1000, 2000),
      batchMemory: fc.constantFrom(2 ** 28, 2 ** 30, 2 * 2 ** 30),
    });
    fc.assert(
      fc.property(arbBatchNodes, fc.array(arbBe, { minLength: 1, maxLength: 30 }), (shapes, bes) => {
        const state = new MutableClusterState({ nodes: shapes.map((b, i) => node(`n${i}`, b)), pods: [] });
        bes.forEach((b, k) => {
          state.apply(scheduleInCluster(state.view(), pod(`be${k}`, b)));
        });
        const view = state.view();
        for (let i = 0; i < view.nodeCount; i++) {
          for (const r of ['kubernetes.io/batch-cpu', 'kubernetes.io/batch-memory']) {
            expect(view.requested(i, r)).toBeLessThanOrEqual(view.allocatable(i, r));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('only ever chooses victims of strictly lower priority, and they fit the preemptor once gone', () => {
    fc.assert(
      fc.property(arbAnyInput, arbAnyPod, (input, p) => {
        const d = scheduleInCluster(createClusterSnapshot(input), p);
        if (d.kind !== 'preempt') return;
        expect(p.preemptionPolicy).toBe('PreemptLowerPriority');
        for (const v of d.victims) {
          expect(v.priority).toBeLessThan(p.priority);
          expect(v.nodeName).toBe(d.nodeName);
        }
        const after = { ...input, pods: input.pods.filter((q) => !d.victims.includes(q)) };
        expectFits(after, p, d.nodeName);
      }),
      { numRuns: 300 },
    );
  });

  it('binds a gang whole or not at all, and job-level victims are all lower than the trigger', () => {
    fc.assert(
      fc.property(arbAnyInput, arbAnyGang, arbOptions, (input, gang, { options }) => {
        const d = scheduleInCluster(createClusterSnapshot(input), gang, options);
        const min = d.podGroup.minMember;
        if (d.kind === 'bind') {
          expect(d.bindings.length).toBeGreaterThanOrEqual(min);
          expect(d.bindings.length + d.unplaced.length).toBe(gang.members.length);
          if (gang.members.length === min) expect(d.bindings.map((b) => b.pod)).toEqual(gang.members);
          // Applying the bindings one by one never overcommits.
          let current = input;
          for (const b of d.bindings) {
            expectFits(current, b.pod, b.nodeName);
            current = { ...current, pods: [...current.pods, { ...b.pod, nodeName: b.nodeName }] };
          }
        } else if (d.kind === 'preempt') {
          expect(d.nominations.map((n) => n.pod)).toEqual(gang.members);
          for (const v of d.victims) expect(v.pod.priority).toBeLessThan(d.triggerPod.priority);
        } else {
          expect(d.placedBeforeFailure).toBeLessThan(Math.max(min, 1));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and never mutates its inputs', () => {
    fc.assert(
      fc.property(arbAnyInput, fc.oneof(arbAnyPod, arbAnyGang), arbOptions, (input, target, { options, seed }) => {
        deepFreeze(input);
        deepFreeze(target);
        const before = structuredClone({ input, target });
        const snapshot = createClusterSnapshot(input);
        const sums = Array.from({ length: snapshot.nodeCount }, (_, i) => [
          snapshot.requested(i, 'cpu'),
          snapshot.requested(i, 'memory'),
          snapshot.requested(i, 'pods'),
          snapshot.requested(i, 'kubernetes.io/batch-cpu'),
        ]);
        const first: ClusterDecision = scheduleInCluster(snapshot, target, withRandom(options, seed));
        const second: ClusterDecision = scheduleInCluster(snapshot, target, withRandom(options, seed));
        const fresh: ClusterDecision = scheduleInCluster(
          createClusterSnapshot(input),
          target,
          withRandom(options, seed),
        );
        expect(second).toEqual(first);
        expect(fresh).toEqual(first);
        expect(structuredClone({ input, target })).toEqual(before);
        expect(
          Array.from({ length: snapshot.nodeCount }, (_, i) => [
            snapshot.requested(i, 'cpu'),
            snapshot.requested(i, 'memory'),
            snapshot.requested(i, 'pods'),
            snapshot.requested(i, 'kubernetes.io/batch-cpu'),
          ]),
        ).toEqual(sums);
      }),
      { numRuns: 200 },
    );
  });
});
