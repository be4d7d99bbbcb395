import type { NodeMetric, PodMetric, ResourceUsage } from '../../src/colocation/index.js';
import type { Node, Pod } from '../../src/model/index.js';
import type { ResourceList } from '../../src/resources/index.js';

/** One core in millicores. */
export const CORE = 1000;
/** 2^30 bytes. */
export const GI = 2 ** 30;
/** 10^9 bytes (the upstream tests' `"120G"`). */
export const G = 1e9;

export interface NodeSpec {
  readonly name?: string;
  readonly cpu: number;
  readonly memory: number;
  readonly allocatableCpu?: number;
  readonly allocatableMemory?: number;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

export function makeNode(spec: NodeSpec): Node {
  return {
    name: spec.name ?? 'node-1',
    labels: spec.labels ?? {},
    annotations: spec.annotations ?? {},
    taints: [],
    capacity: { cpu: spec.cpu, memory: spec.memory, pods: 110 },
    allocatable: {
      cpu: spec.allocatableCpu ?? spec.cpu,
      memory: spec.allocatableMemory ?? spec.memory,
      pods: 110,
    },
    unschedulable: false,
    virtual: false,
  };
}

export interface PodSpec {
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
  readonly priority?: number;
  readonly requests?: ResourceList;
  readonly limits?: ResourceList;
}

export function makePod(name: string, spec: PodSpec = {}): Pod {
  return {
    name,
    namespace: spec.namespace ?? 'default',
    labels: spec.labels ?? {},
    annotations: spec.annotations ?? {},
    priority: spec.priority ?? 0,
    preemptionPolicy: 'PreemptLowerPriority',
    requests: spec.requests ?? {},
    limits: spec.limits ?? {},
    nodeSelector: {},
    tolerations: [],
  };
}

/** An online (LS, koord-prod by default) pod with cpu/memory requests. */
export function lsPod(name: string, cpu: number, memory: number, extra: PodSpec = {}): Pod {
  return makePod(name, { requests: { cpu, memory }, limits: { cpu: cpu * 2, memory }, ...extra });
}

/** A colocated BE pod: label `BE`, priority 5500, batch-cpu / batch-memory requests only. */
export function bePod(name: string, batchCpu: number, batchMemory: number, extra: PodSpec = {}): Pod {
  return makePod(name, {
    labels: { 'koordinator.sh/qosClass': 'BE' },
    priority: 5500,
    requests: { 'kubernetes.io/batch-cpu': batchCpu, 'kubernetes.io/batch-memory': batchMemory },
    limits: { 'kubernetes.io/batch-cpu': batchCpu, 'kubernetes.io/batch-memory': batchMemory },
    ...extra,
  });
}

export function usage(cpu: number, memory: number): ResourceUsage {
  return { cpu, memory };
}

export function podMetric(
  name: string,
  cpu: number,
  memory: number,
  priorityClass: PodMetric['priorityClass'] = 'koord-prod',
  qosClass: PodMetric['qosClass'] = 'LS',
  namespace = 'default',
): PodMetric {
  return { namespace, name, usage: { cpu, memory }, priorityClass, qosClass };
}

export function makeMetric(
  updateTime: number,
  systemUsage: ResourceUsage,
  podsMetric: readonly PodMetric[],
  extra: Partial<NodeMetric> = {},
): NodeMetric {
  let podCpu = 0;
  let podMem = 0;
  for (const m of podsMetric) {
    podCpu += m.usage.cpu;
    podMem += m.usage.memory;
  }
  return {
    updateTime,
    nodeUsage: { cpu: systemUsage.cpu + podCpu, memory: systemUsage.memory + podMem },
    systemUsage,
    podsMetric,
    ...extra,
  };
}

/** Recursively freezes a value (objects, arrays, Maps are left as they are). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** The value type an arbitrary generates. */
export type Gen<A> = A extends { generate(...args: never[]): { value: infer T } } ? T : never;
