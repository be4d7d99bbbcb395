import { describe, expect, it } from 'vitest';
import type { ClusterInput, ClusterSchedulingOptions, ScorePlugin } from '../../src/cluster/index.js';
import {
  balancedAllocationScore,
  createClusterSnapshot,
  leastAllocatedScore,
  mostAllocatedScore,
  normalizeScores,
  referenceScheduleInCluster,
  resourceAllocationScore,
  scheduleInCluster,
} from '../../src/cluster/index.js';
import type { Pod } from '../../src/model/index.js';
import { seeded } from './__helpers__/arbitraries.js';
import { Gi, node, pod } from './__helpers__/builders.js';

function decide(input: ClusterInput, p: Pod, options?: ClusterSchedulingOptions) {
  const d = scheduleInCluster(createClusterSnapshot(input), p, options);
  expect(referenceScheduleInCluster(input, p, options)).toEqual(d);
  return d;
}

describe('score formulas (kube-scheduler integer arithmetic)', () => {
  it('LeastAllocated: (allocatable − requested) × 100 / allocatable, truncated', () => {
    expect(leastAllocatedScore(2000, 4000)).toBe(50);
    expect(leastAllocatedScore(1234, 3000)).toBe(58); // 1766 × 100 / 3000 = 58.87
    expect(leastAllocatedScore(5000, 4000)).toBe(0);
    expect(leastAllocatedScore(10, 0)).toBe(0);
  });

  it('MostAllocated: min(requested, allocatable) × 100 / allocatable, truncated', () => {
    expect(mostAllocatedScore(1234, 3000)).toBe(41); // 123400 / 3000 = 41.13
    expect(mostAllocatedScore(5000, 4000)).toBe(100);
    expect(mostAllocatedScore(10, 0)).toBe(0);
  });

  it('weighted mean over resources, skipping resources with allocatable 0', () => {
    // cpu 2000/4000 → 50 (weight 1), memory 2Gi/8Gi → 75 (weight 3): (50 + 225) / 4 = 68.75 → 68.
    expect(resourceAllocationScore('LeastAllocated', [2000, 2 * Gi], [4000, 8 * Gi], [1, 3])).toBe(68);
    expect(resourceAllocationScore('LeastAllocated', [2000, 5], [4000, 0], [1, 3])).toBe(50);
    expect(resourceAllocationScore('MostAllocated', [0], [0], [1])).toBe(0);
  });

  it('BalancedAllocation: (1 − std) × 100 with std |f1 − f2| / 2, or the population std for more', () => {
    expect(balancedAllocationScore([1000, 6 * Gi], [4000, 8 * Gi])).toBe(75); // 0.25 vs 0.75
    expect(balancedAllocationScore([6000, 4 * Gi], [4000, 8 * Gi])).toBe(75); // 1.5 capped to 1, vs 0.5
    // 0.2, 0.5, 0.8: std = sqrt(0.18 / 3) = 0.2449… → 75.5 → 75.
    expect(balancedAllocationScore([200, 500, 800], [1000, 1000, 1000])).toBe(75);
    expect(balancedAllocationScore([100], [1000])).toBe(100);
  });

  it('DefaultNormalizeScore: × 100 / max, reversed for TaintToleration', () => {
    const a = [0, 5, 10];
    normalizeScores(a, false);
    expect(a).toEqual([0, 50, 100]);
    const b = [3, 7];
    normalizeScores(b, false);
    expect(b).toEqual([42, 100]);
    const c = [0, 1, 2];
    normalizeScores(c, true);
    expect(c).toEqual([100, 50, 0]);
    const d = [0, 0];
    normalizeScores(d, true);
    expect(d).toEqual([100, 100]);
  });
});

describe('node scores in a decision', () => {
  it('LeastAllocated example: 4000m/8Gi node with 1000m/2Gi requested, 1000m/2Gi pod → 50 + 100 + 300 = 450', () => {
    // NodeResourcesFit (cpu 50, memory 50) → 50; BalancedAllocation (0.5 vs 0.5) → 100;
    // TaintToleration: no PreferNoSchedule taint anywhere → every node normalises to 100, weight 3.
    const input = {
      nodes: [node('n1', { cpu: 4000, memory: 8 * Gi })],
      pods: [pod('r', { cpu: 1000, memory: 2 * Gi, nodeName: 'n1' })],
    };
    expect(decide(input, pod('p', { cpu: 1000, memory: 2 * Gi }))).toMatchObject({
      kind: 'bind',
      nodeName: 'n1',
      score: 450,
    });
    expect(
      decide(input, pod('p', { cpu: 1000, memory: 2 * Gi }), { pluginWeights: { TaintToleration: 0 } }),
    ).toMatchObject({
      score: 150,
    });
  });

  it('a pod naming no cpu/memory is scored with 100m / 200Mi and skips BalancedAllocation', () => {
    // cpu (1000 − 100) × 100 / 1000 = 90; memory (1024 − 200) Mi × 100 / 1024 Mi = 80.47 → 80; mean 85; +300.
    const input = { nodes: [node('n', { cpu: 1000, memory: Gi })], pods: [] };
    expect(decide(input, pod('best-effort'))).toMatchObject({ score: 385 });
  });

  it('LeastAllocated spreads, MostAllocated packs', () => {
    const input = {
      nodes: [node('empty', { cpu: 4000, memory: 8 * Gi }), node('half', { cpu: 4000, memory: 8 * Gi })],
      pods: [pod('r', { cpu: 2000, memory: 4 * Gi, nodeName: 'half' })],
    };
    const p = pod('p', { cpu: 1000, memory: 2 * Gi });
    expect(decide(input, p)).toMatchObject({ nodeName: 'empty' });
    // MostAllocated on 'half': (3000/4000 → 75, 6Gi/8Gi → 75) → 75, balanced 100, taint 300 = 475.
    expect(decide(input, p, { scoringStrategy: 'MostAllocated' })).toMatchObject({ nodeName: 'half', score: 475 });
  });

  it('preferred node affinity: weights of matching terms, normalised by the best node, weight 2', () => {
    const input = {
      nodes: [node('ssd', { labels: { disk: 'ssd' } }), node('zone-x', { labels: { zone: 'x' } }), node('plain')],
      pods: [],
    };
    const p = pod('p', {
      cpu: 1000,
      memory: 2 * Gi,
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 10, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
            { weight: 30, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['x'] }] } },
          ],
        },
      },
    });
    // Raw 10 / 30 / 0 → 33 / 100 / 0 → ×2 = 66 / 200 / 0 on top of 50+... equal resource scores.
    const d = decide(input, p);
    expect(d).toMatchObject({ nodeName: 'zone-x' });
    const base = decide({ nodes: [node('plain')], pods: [] }, pod('p', { cpu: 1000, memory: 2 * Gi }));
    expect(d.kind === 'bind' && base.kind === 'bind' && d.score - base.score).toBe(200);
    expect(decide(input, p, { pluginWeights: { NodeAffinity: 0 } })).toMatchObject({ nodeName: 'ssd' });
  });

  it('PreferNoSchedule taints: fewest intolerable ones win, normalised in reverse, weight 3', () => {
    const spot = { key: 'spot', effect: 'PreferNoSchedule' as const };
    const noisy = { key: 'noisy', effect: 'PreferNoSchedule' as const };
    const input = {
      nodes: [node('two', { taints: [spot, noisy] }), node('one', { taints: [spot] }), node('none')],
      pods: [pod('r', { cpu: 2000, nodeName: 'none' })],
    };
    const p = pod('p', { cpu: 1000 });
    // Raw 2 / 1 / 0 → 0 / 50 / 100 → 0 / 150 / 300: 'none' wins despite being busier.
    expect(decide(input, p)).toMatchObject({ nodeName: 'none' });
    // Tolerating spot: raw 1 / 0 / 0 → 'one' and 'none' tie on taints; 'one' is emptier.
    expect(decide(input, { ...p, tolerations: [{ key: 'spot', operator: 'Exists' }] })).toMatchObject({
      nodeName: 'one',
    });
  });

  it('user score plugins add weight × score (normalised as asked)', () => {
    const input = { nodes: [node('n0'), node('n1'), node('n2')], pods: [] };
    const byIndex: ScorePlugin = { name: 'by-index', weight: 2, score: (_pod, i) => i * 10 };
    const d = decide(input, pod('p', { cpu: 1000 }), { scorePlugins: [byIndex] });
    const plain = decide(input, pod('p', { cpu: 1000 }));
    expect(d).toMatchObject({ nodeName: 'n2' });
    expect(d.kind === 'bind' && plain.kind === 'bind' && d.score - plain.score).toBe(40);
    const reversed: ScorePlugin = { name: 'rev', normalize: 'reverse-max', score: (_pod, i) => i };
    expect(decide(input, pod('p', { cpu: 1000 }), { scorePlugins: [reversed] })).toMatchObject({ nodeName: 'n0' });
    const viewBased: ScorePlugin = {
      name: 'free-cpu',
      normalize: 'max',
      score: (_p, i, view) => view.allocatable(i, 'cpu') - view.requested(i, 'cpu'),
    };
    expect(
      decide({ ...input, pods: [pod('r', { cpu: 1000, nodeName: 'n0' })] }, pod('p', { cpu: 1000 }), {
        scorePlugins: [viewBased],
      }),
    ).toMatchObject({
      nodeName: 'n1',
    });
  });

  it('breaks ties deterministically: first node in evaluation order, or reservoir sampling over a seeded generator', () => {
    const input = { nodes: [node('n0'), node('n1'), node('n2')], pods: [] };
    const p = pod('p', { cpu: 1000 });
    expect(decide(input, p)).toMatchObject({ nodeName: 'n0' });
    expect(decide(input, p, { startNodeIndex: 2 })).toMatchObject({ nodeName: 'n2' });
    const chosen = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      // Each call gets its own generator with the same seed.
      const d = scheduleInCluster(createClusterSnapshot(input), p, { random: seeded(seed) });
      expect(scheduleInCluster(createClusterSnapshot(input), p, { random: seeded(seed) })).toEqual(d);
      expect(referenceScheduleInCluster(input, p, { random: seeded(seed) })).toEqual(d);
      if (d.kind === 'bind') chosen.add(d.nodeName);
    }
    expect([...chosen].sort()).toEqual(['n0', 'n1', 'n2']);
  });

  it('percentageOfNodesToScore: 100 (default) scores every feasible node; lower stops after max(n × %, 100)', () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => node(`n${i}`, { cpu: i === 999 ? 64000 : 4000 }));
    const input = { nodes, pods: [] };
    const p = pod('p', { cpu: 1000 });
    expect(scheduleInCluster(createClusterSnapshot(input), p)).toMatchObject({
      nodeName: 'n999',
      feasibleNodes: 1000,
      evaluatedNodes: 1000,
    });
    const sampled = scheduleInCluster(createClusterSnapshot(input), p, { percentageOfNodesToScore: 5 });
    expect(sampled).toMatchObject({ nodeName: 'n0', feasibleNodes: 100, evaluatedNodes: 100 });
    // Adaptive: 50 − 1000/125 = 42 % → 420 nodes.
    expect(scheduleInCluster(createClusterSnapshot(input), p, { percentageOfNodesToScore: 0 })).toMatchObject({
      feasibleNodes: 420,
    });
    expect(
      scheduleInCluster(createClusterSnapshot(input), p, { percentageOfNodesToScore: 10, startNodeIndex: 950 }),
    ).toMatchObject({
      nodeName: 'n999',
      evaluatedNodes: 100,
    });
  });

  it('rejects invalid options', () => {
    const s = createClusterSnapshot({ nodes: [node('n')], pods: [] });
    expect(() => scheduleInCluster(s, pod('p'), { percentageOfNodesToScore: 101 })).toThrow(RangeError);
    expect(() => scheduleInCluster(s, pod('p'), { pluginWeights: { NodeAffinity: -1 } })).toThrow(RangeError);
  });
});
