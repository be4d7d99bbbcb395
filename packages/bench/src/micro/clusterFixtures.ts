import type { ClusterDecision, Node, Pod, Taint } from '@gleaner/core';
import { BATCH_CPU, BATCH_MEMORY, CPU, MEMORY, PODS } from '@gleaner/core';
import { mulberry32 } from '../rng.js';

/**
 * Seeded inputs of the member-cluster benchmarks: realistic node shapes with published batch allocatable,
 * and a pod stream of 70 % LS pods (deployment templates) and 30 % BE Spark executors. Same shapes as
 * `cluster/placementBench.ts`.
 * @module
 */

const Gi = 2 ** 30;
const Mi = 2 ** 20;
const DEDICATED: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
const SPOT: Taint = { key: 'spot', value: 'true', effect: 'PreferNoSchedule' };

/** `count` nodes of 32–96 cores at 4 GiB/core, system reservations, 20–60 % published as batch resources. */
export function makeNodes(count: number, seed: number): Node[] {
  const r = mulberry32(seed);
  const shapes = [32, 48, 64, 96];
  return Array.from({ length: count }, (_, i) => {
    const cores = shapes[Math.floor(r() * shapes.length)]!;
    const cpu = cores * 1000;
    const memory = cores * 4 * Gi;
    const reclaim = 0.2 + 0.4 * r();
    const t = r();
    const taints: Taint[] = t < 0.03 ? [DEDICATED] : t < 0.08 ? [SPOT] : [];
    return {
      name: `node-${String(i).padStart(5, '0')}`,
      labels: { 'topology.kubernetes.io/zone': `zone-${i % 3}`, 'node.kubernetes.io/instance-type': `c${cores}` },
      annotations: {},
      taints,
      capacity: { [CPU]: cpu, [MEMORY]: memory, [PODS]: 110 },
      allocatable: {
        [CPU]: cpu - 500,
        [MEMORY]: memory - 2 * Gi,
        [PODS]: 110,
        [BATCH_CPU]: Math.floor(cpu * reclaim),
        [BATCH_MEMORY]: Math.floor(memory * reclaim),
      },
      unschedulable: r() < 0.002,
      virtual: false,
    };
  });
}

/** A pending pod with the given requests and priority (no constraints). */
export function basePod(name: string, requests: Record<string, number>, priority: number): Pod {
  return {
    name,
    namespace: 'bench',
    labels: {},
    annotations: {},
    priority,
    preemptionPolicy: 'PreemptLowerPriority',
    requests,
    limits: {},
    nodeSelector: {},
    tolerations: [],
  };
}

const LS_TEMPLATES = [
  [250, 512 * Mi],
  [500, Gi],
  [1000, 2 * Gi],
  [1000, 4 * Gi],
  [2000, 4 * Gi],
  [2000, 8 * Gi],
  [4000, 8 * Gi],
  [4000, 16 * Gi],
] as const;
const BE_TEMPLATES = [
  [1000, 4 * Gi],
  [2000, 8 * Gi],
  [4000, 16 * Gi],
  [4000, 8 * Gi],
] as const;

/**
 * The pod stream: 70 % LS pods (10 % pinned to a zone, 5 % tolerating spot nodes), 30 % BE pods on batch
 * resources. With `distinct`, every pod's request vector is unique (a few millicores added), so no decision
 * can reuse another's per-node scores.
 */
export function makePods(count: number, seed: number, distinct: boolean): Pod[] {
  const r = mulberry32(seed);
  return Array.from({ length: count }, (_, k) => {
    const jitter = distinct ? k + 1 : 0;
    if (r() < 0.7) {
      const [cpu, memory] = LS_TEMPLATES[Math.floor(r() * LS_TEMPLATES.length)]!;
      const p = basePod(`ls-${k}`, { [CPU]: cpu + jitter, [MEMORY]: memory }, 1000);
      const u = r();
      if (u < 0.1) return { ...p, nodeSelector: { 'topology.kubernetes.io/zone': `zone-${k % 3}` } };
      if (u < 0.15) return { ...p, tolerations: [{ key: 'spot', operator: 'Exists' as const }] };
      return p;
    }
    const [cpu, memory] = BE_TEMPLATES[Math.floor(r() * BE_TEMPLATES.length)]!;
    return basePod(`be-${k}`, { [BATCH_CPU]: cpu + jitter, [BATCH_MEMORY]: memory }, -1000);
  });
}

/** `count` identical 4-core nodes, for preemption. */
export function uniformNodes(count: number): Node[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `node-${String(i).padStart(5, '0')}`,
    labels: {},
    annotations: {},
    taints: [],
    capacity: { [CPU]: 4000, [MEMORY]: 16 * Gi, [PODS]: 110 },
    allocatable: { [CPU]: 4000, [MEMORY]: 16 * Gi, [PODS]: 110 },
    unschedulable: false,
    virtual: false,
  }));
}

/**
 * Four 1-core low-priority pods bound to each node (priorities 1, 0, 0, 0; distinct start times): full nodes.
 * Each pod is one object literal, as a manifest loader builds it: pods made by spreading another object
 * and adding fields get a slower V8 layout, which costs preemption (it reads every candidate victim).
 */
export function fillingPods(nodes: readonly Node[]): Pod[] {
  const pods: Pod[] = [];
  for (const n of nodes) {
    for (let j = 0; j < 4; j++) {
      pods.push({
        name: `low-${n.name}-${j}`,
        namespace: 'bench',
        labels: {},
        annotations: {},
        priority: j === 0 ? 1 : 0,
        preemptionPolicy: 'PreemptLowerPriority',
        requests: { [CPU]: 1000, [MEMORY]: 2 * Gi },
        limits: {},
        nodeSelector: {},
        tolerations: [],
        nodeName: n.name,
        startTime: j * 1000,
      });
    }
  }
  return pods;
}

function victimNames(d: ClusterDecision): string {
  if (d.kind !== 'preempt') return '';
  const names = d.scope === 'pod' ? d.victims.map((v) => v.name) : d.victims.map((v) => v.pod.name);
  return names.sort().join(',');
}

/**
 * Whether two decisions are the same: kind, chosen node(s) and score for binds, nominated node and victim set
 * for preemptions, the message for unschedulable pods.
 */
export function sameDecision(a: ClusterDecision, b: ClusterDecision): boolean {
  if (a.kind !== b.kind || a.scope !== b.scope) return false;
  if (a.kind === 'bind' && b.kind === 'bind') {
    if (a.scope === 'pod' && b.scope === 'pod') return a.nodeName === b.nodeName && a.score === b.score;
    if (a.scope === 'gang' && b.scope === 'gang') {
      return (
        a.bindings.length === b.bindings.length &&
        a.bindings.every((x, i) => x.pod.name === b.bindings[i]!.pod.name && x.nodeName === b.bindings[i]!.nodeName)
      );
    }
    return false;
  }
  if (a.kind === 'preempt' && b.kind === 'preempt') {
    const nodeA = a.scope === 'pod' ? a.nodeName : '';
    const nodeB = b.scope === 'pod' ? b.nodeName : '';
    return nodeA === nodeB && victimNames(a) === victimNames(b);
  }
  return a.kind === 'unschedulable' && b.kind === 'unschedulable' && a.message === b.message;
}
