import { describe, expect, it } from 'vitest';
import type { ClusterInput, ClusterSchedulingOptions, PodDisruptionBudget } from '../../src/cluster/index.js';
import {
  createClusterSnapshot,
  disruptionsAllowed,
  pdbSelectsPod,
  referenceScheduleInCluster,
  scheduleInCluster,
} from '../../src/cluster/index.js';
import type { Pod } from '../../src/model/index.js';
import { seeded } from './__helpers__/arbitraries.js';
import { node, pod } from './__helpers__/builders.js';

function decide(input: ClusterInput, p: Pod, options?: ClusterSchedulingOptions) {
  const d = scheduleInCluster(createClusterSnapshot(input), p, options);
  expect(referenceScheduleInCluster(input, p, options)).toEqual(d);
  return d;
}

const high = pod('high', { cpu: 2000, priority: 10 });
const names = (pods: readonly Pod[]): string[] => pods.map((p) => p.name);

describe('who may preempt whom', () => {
  it('only pods of strictly lower priority are victims', () => {
    const equal = { nodes: [node('n0')], pods: [pod('same', { cpu: 4000, priority: 10, nodeName: 'n0' })] };
    expect(decide(equal, high)).toMatchObject({
      kind: 'unschedulable',
      message:
        '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    });
    const lower = { nodes: [node('n0')], pods: [pod('lower', { cpu: 4000, priority: 9, nodeName: 'n0' })] };
    const d = decide(lower, high);
    expect(d).toMatchObject({
      kind: 'preempt',
      nodeName: 'n0',
      pdbViolations: 0,
      message: '0/1 nodes are available: 1 Insufficient cpu.',
    });
    expect(d.kind === 'preempt' && names(d.victims)).toEqual(['lower']);
  });

  it('a pod with preemptionPolicy Never never preempts', () => {
    const input = { nodes: [node('n0')], pods: [pod('lower', { cpu: 4000, priority: 0, nodeName: 'n0' })] };
    expect(decide(input, pod('never', { cpu: 2000, priority: 10, never: true }))).toMatchObject({
      kind: 'unschedulable',
      message: '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    });
  });

  it('preemption off: unschedulable without a preemption message', () => {
    const input = { nodes: [node('n0')], pods: [pod('lower', { cpu: 4000, nodeName: 'n0' })] };
    expect(decide(input, high, { preemption: false })).toMatchObject({
      kind: 'unschedulable',
      message: '0/1 nodes are available: 1 Insufficient cpu.',
    });
  });

  it('nodes failing for reasons eviction cannot fix are not candidates', () => {
    const input: ClusterInput = {
      nodes: [
        node('tainted', { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] }),
        node('cordoned', { unschedulable: true }),
        node('tiny', { cpu: 1000 }),
        node('ok'),
      ],
      pods: ['tainted', 'cordoned', 'tiny', 'ok'].map((n) =>
        pod(`low-${n}`, { cpu: n === 'tiny' ? 1000 : 4000, nodeName: n }),
      ),
    };
    const d = decide(input, high);
    expect(d).toMatchObject({
      kind: 'preempt',
      nodeName: 'ok',
      message:
        '0/4 nodes are available: 1 node(s) had untolerated taint {gpu: true}, 1 node(s) were unschedulable, 2 Insufficient cpu.',
    });
    const hopeless = { ...input, nodes: input.nodes.slice(0, 3), pods: input.pods.slice(0, 3) };
    expect(decide(hopeless, high)).toMatchObject({
      kind: 'unschedulable',
      message: expect.stringMatching(
        / preemption: 0\/3 nodes are available: 3 Preemption is not helpful for scheduling\.$/,
      ),
    });
  });

  it('a node stays out when removing every lower-priority pod is still not enough', () => {
    const input = {
      nodes: [node('n0')],
      pods: [
        pod('higher', { cpu: 3000, priority: 20, nodeName: 'n0' }),
        pod('lower', { cpu: 1000, priority: 0, nodeName: 'n0' }),
      ],
    };
    expect(decide(input, high)).toMatchObject({
      kind: 'unschedulable',
      message: expect.stringMatching(/ preemption: 0\/1 nodes are available: 1 Insufficient cpu\.$/),
    });
  });
});

describe('minimal victims on a node (reprieve)', () => {
  it('reprieves the most important pods first, by priority', () => {
    const input = {
      nodes: [node('n0')],
      pods: [
        pod('c', { cpu: 1000, priority: 1, nodeName: 'n0' }),
        pod('a', { cpu: 2000, priority: 5, nodeName: 'n0' }),
        pod('b', { cpu: 1000, priority: 3, nodeName: 'n0' }),
      ],
    };
    // Without all three the pod fits; a (priority 5) comes back first and still fits; b and c do not.
    const d = decide(input, high);
    expect(d.kind === 'preempt' && names(d.victims)).toEqual(['b', 'c']);
  });

  it('among equal priority, the earlier-started pod is more important (no startTime = just started)', () => {
    const two = (s1?: number, s2?: number): ClusterInput => ({
      nodes: [node('n0')],
      pods: [
        pod('first', { cpu: 2000, priority: 3, nodeName: 'n0', ...(s1 === undefined ? {} : { startTime: s1 }) }),
        pod('second', { cpu: 2000, priority: 3, nodeName: 'n0', ...(s2 === undefined ? {} : { startTime: s2 }) }),
      ],
    });
    const victims = (input: ClusterInput): string[] => {
      const d = decide(input, high);
      return d.kind === 'preempt' ? names(d.victims) : [];
    };
    expect(victims(two(100, 200))).toEqual(['second']);
    expect(victims(two(200, 100))).toEqual(['first']);
    expect(victims(two(100, undefined))).toEqual(['second']);
    expect(victims(two(undefined, 100))).toEqual(['first']);
  });

  it('reprieves PDB-violating pods before the others, and counts violations among the victims', () => {
    const pods = [
      pod('p', { cpu: 2000, priority: 3, startTime: 100, labels: { app: 'a' }, nodeName: 'n0' }),
      pod('q', { cpu: 2000, priority: 3, startTime: 200, labels: { app: 'b' }, nodeName: 'n0' }),
    ];
    const input = (pdbs: PodDisruptionBudget[]): ClusterInput => ({
      nodes: [node('n0')],
      pods,
      podDisruptionBudgets: pdbs,
    });
    const protectB: PodDisruptionBudget = {
      name: 'b',
      namespace: 'default',
      selector: { matchLabels: { app: 'b' } },
      disruptionsAllowed: 0,
    };
    expect(decide(input([]), high)).toMatchObject({ victims: [{ name: 'q' }], pdbViolations: 0 });
    // q would violate its budget, so it is reprieved first and p goes instead.
    expect(decide(input([protectB]), high)).toMatchObject({ victims: [{ name: 'p' }], pdbViolations: 0 });
    const both: PodDisruptionBudget = {
      name: 'ab',
      namespace: 'default',
      selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['a', 'b'] }] },
      disruptionsAllowed: 0,
    };
    expect(decide(input([both]), high)).toMatchObject({ victims: [{ name: 'q' }], pdbViolations: 1 });
    // One disruption allowed: p (more important) uses it; q is the violating one and is reprieved first.
    expect(decide(input([{ ...both, disruptionsAllowed: 1 }]), high)).toMatchObject({
      victims: [{ name: 'p' }],
      pdbViolations: 0,
    });
  });
});

describe('choosing the node (pickOneNodeForPreemption), one criterion at a time', () => {
  const two = (n0: Pod[], n1: Pod[], pdbs: PodDisruptionBudget[] = []): ClusterInput => ({
    nodes: [node('n0'), node('n1')],
    pods: [...n0.map((p) => ({ ...p, nodeName: 'n0' })), ...n1.map((p) => ({ ...p, nodeName: 'n1' }))],
    podDisruptionBudgets: pdbs,
  });
  const chosen = (input: ClusterInput, p: Pod = high): string | undefined => {
    const d = decide(input, p);
    return d.kind === 'preempt' ? d.nodeName : undefined;
  };

  it('1. fewest PodDisruptionBudget violations', () => {
    const pdb: PodDisruptionBudget = {
      name: 'a',
      namespace: 'default',
      selector: { matchLabels: { app: 'a' } },
      disruptionsAllowed: 0,
    };
    const input = two(
      [pod('v0', { cpu: 4000, priority: 1, labels: { app: 'a' } })],
      [pod('v1', { cpu: 4000, priority: 5, labels: { app: 'b' } })],
      [pdb],
    );
    expect(chosen(input)).toBe('n1');
  });

  it('2. lowest priority of the most important victim', () => {
    expect(chosen(two([pod('v0', { cpu: 4000, priority: 5 })], [pod('v1', { cpu: 4000, priority: 2 })]))).toBe('n1');
  });

  it('3. smallest sum of victim priorities', () => {
    const keep = (name: string) => pod(name, { cpu: 2000, priority: 20 });
    const input = two(
      [pod('x1', { cpu: 1000, priority: 3 }), pod('x2', { cpu: 1000, priority: 3 }), keep('k0')],
      [pod('y1', { cpu: 1000, priority: 3 }), pod('y2', { cpu: 1000, priority: 2 }), keep('k1')],
    );
    expect(chosen(input)).toBe('n1');
  });

  it('4. fewest victims (when the shifted sums tie: priority −2³¹ adds 0)', () => {
    const min = -(2 ** 31);
    const input = two(
      [pod('a', { cpu: 2000, priority: min }), pod('b', { cpu: 2000, priority: min })],
      [pod('c', { cpu: 4000, priority: min })],
    );
    expect(chosen(input, pod('big', { cpu: 4000, priority: 10 }))).toBe('n1');
  });

  it('5. latest earliest start among the highest-priority victims (not among all victims)', () => {
    const big = pod('big', { cpu: 4000, priority: 10 });
    const input = two(
      [pod('a2', { cpu: 2000, priority: 2, startTime: 300 }), pod('a1', { cpu: 2000, priority: 1, startTime: 1000 })],
      [pod('b2', { cpu: 2000, priority: 2, startTime: 900 }), pod('b1', { cpu: 2000, priority: 1, startTime: 50 })],
    );
    // Top-priority victims start at 300 (n0) and 900 (n1): n1. Over all victims it would be 300 vs 50: n0.
    expect(chosen(input, big)).toBe('n1');
  });

  it('6. then the first node', () => {
    expect(chosen(two([pod('a', { cpu: 4000 })], [pod('b', { cpu: 4000 })]))).toBe('n0');
  });

  it('dry-runs max(10 % of potential nodes, 100) of them from an offset (0, or random), as DefaultPreemption', () => {
    const input: ClusterInput = {
      nodes: [node('n0'), node('n1'), node('n2')],
      pods: [
        pod('v0', { cpu: 4000, priority: 5, nodeName: 'n0' }),
        pod('v1', { cpu: 4000, priority: 1, nodeName: 'n1' }),
        pod('v2', { cpu: 4000, priority: 3, nodeName: 'n2' }),
      ],
    };
    expect(decide(input, high)).toMatchObject({ nodeName: 'n1' });
    const one = { minCandidateNodesPercentage: 0, minCandidateNodesAbsolute: 1 };
    expect(decide(input, high, one)).toMatchObject({ nodeName: 'n0' });
    const picked = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const d = scheduleInCluster(createClusterSnapshot(input), high, { ...one, random: seeded(seed) });
      expect(referenceScheduleInCluster(input, high, { ...one, random: seeded(seed) })).toEqual(d);
      if (d.kind === 'preempt') picked.add(d.nodeName);
    }
    expect([...picked].sort()).toEqual(['n0', 'n1', 'n2']);
  });
});

describe('PodDisruptionBudget helpers', () => {
  const pods = [
    pod('a1', { labels: { app: 'a' }, nodeName: 'n' }),
    pod('a2', { labels: { app: 'a' }, nodeName: 'n' }),
    pod('other-ns', { labels: { app: 'a' }, namespace: 'x' }),
    pod('unlabelled'),
  ];
  const pdb = (extra: Partial<PodDisruptionBudget>): PodDisruptionBudget => ({
    name: 'p',
    namespace: 'default',
    selector: { matchLabels: { app: 'a' } },
    ...extra,
  });

  it('selects pods of its namespace with labels matching a non-empty selector', () => {
    expect(pods.map((p) => pdbSelectsPod(pdb({}), p))).toEqual([true, true, false, false]);
    expect(pdbSelectsPod(pdb({ selector: {} }), pods[0]!)).toBe(false);
  });

  it('derives disruptionsAllowed from minAvailable / maxUnavailable (percentages rounded up)', () => {
    expect(disruptionsAllowed(pdb({ disruptionsAllowed: 7 }), pods)).toBe(7);
    expect(disruptionsAllowed(pdb({ minAvailable: 2 }), pods)).toBe(0);
    expect(disruptionsAllowed(pdb({ minAvailable: 1 }), pods)).toBe(1);
    expect(disruptionsAllowed(pdb({ minAvailable: '50%' }), pods)).toBe(1);
    expect(disruptionsAllowed(pdb({ maxUnavailable: '50%' }), pods)).toBe(1);
    expect(disruptionsAllowed(pdb({ maxUnavailable: 5 }), pods)).toBe(2);
    expect(disruptionsAllowed(pdb({}), pods)).toBe(0);
    expect(() => disruptionsAllowed(pdb({ minAvailable: 'half' }), pods)).toThrow(RangeError);
  });
});
