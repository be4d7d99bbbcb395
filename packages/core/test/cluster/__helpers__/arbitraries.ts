import fc from 'fast-check';
import type { ClusterInput, ClusterSchedulingOptions, Gang, PodDisruptionBudget } from '../../../src/cluster/index.js';
import type { Affinity, Node, Pod, StringMap, Taint, Toleration } from '../../../src/model/index.js';
import { Gi, node, pod } from './builders.js';

const TAINTS: Taint[] = [
  { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
  { key: 'spot', effect: 'PreferNoSchedule' },
  { key: 'maintenance', value: 'true', effect: 'NoExecute' },
  { key: 'noisy', value: 'yes', effect: 'PreferNoSchedule' },
];

const TOLERATIONS: Toleration[] = [
  { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
  { key: 'spot', operator: 'Exists' },
  { operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

const arbLabels = fc.record(
  { zone: fc.constantFrom('a', 'b'), disk: fc.constantFrom('ssd', 'hdd'), rack: fc.constantFrom('1', '5', '12') },
  { requiredKeys: [] },
);

/** `value` most of the time, else one of `rare`. */
function mostly<T>(value: T, ...rare: T[]): fc.Arbitrary<T> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: fc.constantFrom(...rare) });
}

const arbNodeShape = fc.record({
  cpu: fc.constantFrom(0, 1000, 2000, 2000, 4000, 4000, 8000),
  memory: fc.constantFrom(0, 2 * Gi, 4 * Gi, 4 * Gi, 8 * Gi, 8 * Gi),
  pods: mostly(110, 0, 1, 2, 3),
  batchCpu: fc.option(fc.constantFrom(0, 500, 1000, 3000), { nil: undefined, freq: 3 }),
  batchMemory: fc.option(fc.constantFrom(0, Gi, 3 * Gi), { nil: undefined, freq: 3 }),
  gpu: fc.option(fc.constantFrom(0, 1, 2), { nil: undefined }),
  labels: arbLabels,
  taints: mostly<Taint[]>([], [TAINTS[0]!], [TAINTS[1]!], [TAINTS[2]!, TAINTS[3]!], [TAINTS[1]!, TAINTS[3]!]),
  unschedulable: mostly(false, true),
});

/** 1–`max` nodes named n0, n1, … */
export function arbNodes(max = 7): fc.Arbitrary<Node[]> {
  return fc.array(arbNodeShape, { minLength: 1, maxLength: max }).map((shapes) =>
    shapes.map((s, i) =>
      node(`n${i}`, {
        cpu: s.cpu,
        memory: s.memory,
        pods: s.pods,
        ...(s.batchCpu === undefined ? {} : { batchCpu: s.batchCpu }),
        ...(s.batchMemory === undefined ? {} : { batchMemory: s.batchMemory }),
        ...(s.gpu === undefined ? {} : { extra: { 'nvidia.com/gpu': s.gpu } }),
        labels: s.labels,
        taints: s.taints,
        unschedulable: s.unschedulable,
      }),
    ),
  );
}

const arbRequests = fc.oneof(
  // LS pod: cpu/memory (sometimes missing, to exercise the non-zero defaults)
  fc.record(
    {
      cpu: fc.constantFrom(0, 100, 500, 1000, 1500, 3000),
      memory: fc.constantFrom(0, 256 * 2 ** 20, Gi, 2 * Gi, 3 * Gi),
    },
    { requiredKeys: [] },
  ),
  // BE pod: batch resources
  fc.record({
    'kubernetes.io/batch-cpu': fc.constantFrom(250, 500, 1000, 2000),
    'kubernetes.io/batch-memory': fc.constantFrom(256 * 2 ** 20, Gi, 2 * Gi),
  }),
  // GPU pod
  fc.record({ cpu: fc.constantFrom(500, 1000), 'nvidia.com/gpu': fc.constantFrom(1, 2) }),
);

const arbAffinity: fc.Arbitrary<Affinity | undefined> = fc.option(
  fc
    .record(
      {
        required: fc.constantFrom(
          { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In' as const, values: ['a'] }] }] },
          {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'rack', operator: 'Gt' as const, values: ['4'] }] },
              { matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: ['n0', 'n2'] }] },
            ],
          },
          { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'DoesNotExist' as const }] }] },
        ),
        preferred: fc.subarray([
          { weight: 10, preference: { matchExpressions: [{ key: 'disk', operator: 'In' as const, values: ['ssd'] }] } },
          {
            weight: 30,
            preference: { matchExpressions: [{ key: 'zone', operator: 'NotIn' as const, values: ['a'] }] },
          },
          {
            weight: 5,
            preference: { matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: ['n1'] }] },
          },
        ]),
      },
      { requiredKeys: [] },
    )
    .map((a) => ({
      nodeAffinity: {
        ...(a.required === undefined ? {} : { requiredDuringSchedulingIgnoredDuringExecution: a.required }),
        ...(a.preferred === undefined ? {} : { preferredDuringSchedulingIgnoredDuringExecution: a.preferred }),
      },
    })),
  { nil: undefined },
);

/** A pending pod. */
export function arbPendingPod(name = 'pending'): fc.Arbitrary<Pod> {
  return fc
    .record({
      requests: arbRequests,
      priority: fc.constantFrom(-10, 0, 10, 100, 100),
      never: mostly(false, true),
      tolerations: fc.subarray(TOLERATIONS),
      nodeSelector: fc.option(fc.constantFrom<StringMap>({ zone: 'b' }, { disk: 'ssd' }), { nil: undefined, freq: 2 }),
      affinity: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arbAffinity }),
    })
    .map((r) =>
      pod(name, {
        requests: r.requests,
        priority: r.priority,
        never: r.never,
        tolerations: r.tolerations,
        ...(r.nodeSelector === undefined ? {} : { nodeSelector: r.nodeSelector }),
        ...(r.affinity === undefined ? {} : { affinity: r.affinity }),
      }),
    );
}

/** Bound pods on the given nodes (possibly overcommitting them, as a snapshot may). */
export function arbBoundPods(nodeCount: number, max = 18): fc.Arbitrary<Pod[]> {
  return fc
    .array(
      fc.record({
        node: fc.nat({ max: nodeCount - 1 }),
        requests: arbRequests,
        priority: fc.constantFrom(-10, 0, 0, 5, 5, 10, 100),
        app: fc.constantFrom('a', 'b', undefined),
        startTime: fc.option(fc.constantFrom(1000, 2000, 3000), { nil: undefined }),
      }),
      { maxLength: max },
    )
    .map((list) =>
      list.map((b, k) =>
        pod(`b${k}`, {
          requests: b.requests,
          priority: b.priority,
          nodeName: `n${b.node}`,
          ...(b.app === undefined ? {} : { labels: { app: b.app } }),
          ...(b.startTime === undefined ? {} : { startTime: b.startTime }),
        }),
      ),
    );
}

const arbPdbs: fc.Arbitrary<PodDisruptionBudget[]> = fc
  .array(
    fc.record({
      app: fc.constantFrom('a', 'b'),
      budget: fc.constantFrom<Partial<PodDisruptionBudget>>(
        { disruptionsAllowed: 0 },
        { disruptionsAllowed: 1 },
        { minAvailable: 1 },
        { maxUnavailable: '50%' },
        { minAvailable: '100%' },
      ),
    }),
    { maxLength: 2 },
  )
  .map((list) =>
    list.map((p, k) => ({
      name: `pdb${k}`,
      namespace: 'default',
      selector: { matchLabels: { app: p.app } },
      ...p.budget,
    })),
  );

/** A small cluster input. */
export const arbClusterInput: fc.Arbitrary<ClusterInput> = arbNodes().chain((nodes) =>
  fc.record({ nodes: fc.constant(nodes), pods: arbBoundPods(nodes.length), podDisruptionBudgets: arbPdbs }),
);

/** Options covering the knobs (random tie-break as a seed, turned into generators by the test). */
export const arbOptions: fc.Arbitrary<{ options: ClusterSchedulingOptions; seed: number | undefined }> = fc
  .record({
    scoringStrategy: fc.constantFrom('LeastAllocated' as const, 'MostAllocated' as const),
    batchScoring: fc.boolean(),
    percentage: fc.constantFrom(100, 100, 0, 30),
    start: mostly(0, 1, 2, 5, 9),
    preemption: fc.boolean(),
    candidates: mostly<[number, number] | undefined>(undefined, [0, 1], [0, 2], [50, 1]),
    jobLevelPreemption: fc.boolean(),
    weights: fc.constantFrom(
      undefined,
      { NodeResourcesBalancedAllocation: 0, TaintToleration: 1 },
      { NodeResourcesFit: 2, NodeAffinity: 0 },
    ),
    seed: fc.option(fc.integer(), { nil: undefined, freq: 2 }),
  })
  .map((r) => ({
    seed: r.seed,
    options: {
      scoringStrategy: r.scoringStrategy,
      ...(r.batchScoring
        ? {
            scoringResources: [
              { name: 'cpu', weight: 1 },
              { name: 'memory', weight: 1 },
              { name: 'kubernetes.io/batch-cpu', weight: 2 },
              { name: 'kubernetes.io/batch-memory', weight: 1 },
              { name: 'nvidia.com/gpu', weight: 3 },
            ],
            balancedResources: [{ name: 'cpu' }, { name: 'memory' }, { name: 'kubernetes.io/batch-cpu' }],
          }
        : {}),
      percentageOfNodesToScore: r.percentage,
      startNodeIndex: r.start,
      preemption: r.preemption,
      ...(r.candidates === undefined
        ? {}
        : { minCandidateNodesPercentage: r.candidates[0], minCandidateNodesAbsolute: r.candidates[1] }),
      jobLevelPreemption: r.jobLevelPreemption,
      ...(r.weights === undefined ? {} : { pluginWeights: r.weights }),
    },
  }));

/** A gang of 1–4 members with minMember ≤ members (sometimes one more, to test the guard). */
export const arbGang: fc.Arbitrary<Gang> = fc
  .record({
    members: fc.array(arbPendingPod(), { minLength: 1, maxLength: 4 }),
    min: fc.integer({ min: 1, max: 5 }),
    mode: fc.constantFrom('Strict' as const, 'NonStrict' as const),
    priority: fc.constantFrom(0, 10, 100),
  })
  .map((g) => ({
    podGroup: { name: 'g', minMember: Math.min(g.min, g.members.length + (g.min === 5 ? 1 : 0)), mode: g.mode },
    members: g.members.map((m, k) => ({ ...m, name: `m${k}`, priority: g.priority })),
  }));

/** A deterministic [0,1) generator (mulberry32) for tie-break tests. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Recursively freezes a value (to prove nobody writes to the inputs). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A crowded, homogeneous cluster (no taints or selectors) where preemption usually has work to do. */
export const arbCrowdedInput: fc.Arbitrary<ClusterInput> = fc
  .record({
    nodes: fc.integer({ min: 1, max: 5 }),
    podsLimit: mostly(110, 3, 4),
    bound: fc.array(
      fc.record({
        node: fc.nat({ max: 4 }),
        cpu: fc.constantFrom(500, 1000, 1500),
        memory: fc.constantFrom(Gi, 2 * Gi),
        priority: fc.constantFrom(-10, 0, 5, 5, 10, 50),
        app: fc.constantFrom('a', 'b', undefined),
        startTime: fc.option(fc.constantFrom(1000, 2000, 3000), { nil: undefined }),
      }),
      { minLength: 2, maxLength: 16 },
    ),
    pdbs: arbPdbs,
  })
  .map((r) => ({
    nodes: Array.from({ length: r.nodes }, (_, i) =>
      node(`n${i}`, { cpu: 4000, memory: 8 * Gi, pods: r.podsLimit, labels: { zone: i % 2 === 0 ? 'a' : 'b' } }),
    ),
    pods: r.bound.map((b, k) =>
      pod(`b${k}`, {
        cpu: b.cpu,
        memory: b.memory,
        priority: b.priority,
        nodeName: `n${b.node % r.nodes}`,
        ...(b.app === undefined ? {} : { labels: { app: b.app } }),
        ...(b.startTime === undefined ? {} : { startTime: b.startTime }),
      }),
    ),
    podDisruptionBudgets: r.pdbs,
  }));

/** A pending pod sized for a crowded cluster, usually of high priority. */
export const arbCrowdedPod: fc.Arbitrary<Pod> = fc
  .record({
    cpu: fc.constantFrom(1000, 2000, 3000),
    memory: fc.constantFrom(Gi, 3 * Gi),
    priority: fc.constantFrom(5, 10, 100, 100),
    never: mostly(false, true),
  })
  .map((r) => pod('pending', r));

/** A gang sized for a crowded cluster. */
export const arbCrowdedGang: fc.Arbitrary<Gang> = fc
  .record({
    members: fc.array(arbCrowdedPod, { minLength: 1, maxLength: 4 }),
    min: fc.integer({ min: 1, max: 4 }),
    mode: fc.constantFrom('Strict' as const, 'NonStrict' as const),
    priority: fc.constantFrom(10, 100),
  })
  .map((g) => ({
    podGroup: { name: 'g', minMember: Math.min(g.min, g.members.length), mode: g.mode },
    members: g.members.map((m, k) => ({ ...m, name: `m${k}`, priority: g.priority })),
  }));

/** Any cluster: varied, or crowded. */
export const arbAnyInput: fc.Arbitrary<ClusterInput> = fc.oneof(arbClusterInput, arbCrowdedInput);
/** Any pending pod. */
export const arbAnyPod: fc.Arbitrary<Pod> = fc.oneof(arbPendingPod(), arbCrowdedPod);
/** Any gang. */
export const arbAnyGang: fc.Arbitrary<Gang> = fc.oneof(arbGang, arbCrowdedGang);
