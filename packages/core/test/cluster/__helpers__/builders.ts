import type { Affinity, Node, Pod, StringMap, Taint, Toleration } from '../../../src/model/index.js';
import type { ResourceList } from '../../../src/resources/index.js';
import { BATCH_CPU, BATCH_MEMORY, CPU, MEMORY, PODS } from '../../../src/resources/index.js';

export const Mi = 2 ** 20;
export const Gi = 2 ** 30;

export interface NodeSpec {
  cpu?: number;
  memory?: number;
  pods?: number;
  batchCpu?: number;
  batchMemory?: number;
  extra?: ResourceList;
  labels?: StringMap;
  taints?: Taint[];
  unschedulable?: boolean;
}

/** A node with allocatable = capacity (cpu millicores, memory bytes; 110 pods by default). */
export function node(name: string, spec: NodeSpec = {}): Node {
  const allocatable: Record<string, number> = {
    [CPU]: spec.cpu ?? 4000,
    [MEMORY]: spec.memory ?? 8 * Gi,
    [PODS]: spec.pods ?? 110,
    ...(spec.extra ?? {}),
  };
  if (spec.batchCpu !== undefined) allocatable[BATCH_CPU] = spec.batchCpu;
  if (spec.batchMemory !== undefined) allocatable[BATCH_MEMORY] = spec.batchMemory;
  return {
    name,
    labels: spec.labels ?? {},
    annotations: {},
    taints: spec.taints ?? [],
    capacity: allocatable,
    allocatable,
    unschedulable: spec.unschedulable ?? false,
    virtual: false,
  };
}

export interface PodSpec {
  cpu?: number;
  memory?: number;
  batchCpu?: number;
  batchMemory?: number;
  requests?: ResourceList;
  priority?: number;
  nodeName?: string;
  namespace?: string;
  labels?: StringMap;
  tolerations?: Toleration[];
  nodeSelector?: StringMap;
  affinity?: Affinity;
  never?: boolean;
  startTime?: number;
}

/** A pod whose requests are exactly the amounts given (absent resources are not requested). */
export function pod(name: string, spec: PodSpec = {}): Pod {
  const requests: Record<string, number> = { ...(spec.requests ?? {}) };
  if (spec.cpu !== undefined) requests[CPU] = spec.cpu;
  if (spec.memory !== undefined) requests[MEMORY] = spec.memory;
  if (spec.batchCpu !== undefined) requests[BATCH_CPU] = spec.batchCpu;
  if (spec.batchMemory !== undefined) requests[BATCH_MEMORY] = spec.batchMemory;
  const p: Pod = {
    name,
    namespace: spec.namespace ?? 'default',
    labels: spec.labels ?? {},
    annotations: {},
    priority: spec.priority ?? 0,
    preemptionPolicy: spec.never === true ? 'Never' : 'PreemptLowerPriority',
    requests,
    limits: {},
    nodeSelector: spec.nodeSelector ?? {},
    tolerations: spec.tolerations ?? [],
    ...(spec.affinity === undefined ? {} : { affinity: spec.affinity }),
    ...(spec.nodeName === undefined ? {} : { nodeName: spec.nodeName }),
    ...(spec.startTime === undefined ? {} : { startTime: spec.startTime }),
  };
  return p;
}
