import type {
  FleetComponent,
  FleetResource,
  MemberNodeSnapshot,
  MemberSnapshot,
  PropagationPolicy,
} from '../../src/fleet/index.js';
import type { StringMap, Taint } from '../../src/model/index.js';
import type { ResourceList } from '../../src/resources/index.js';

export const Gi = 2 ** 30;
export const Mi = 2 ** 20;
export const BATCH_CPU = 'kubernetes.io/batch-cpu';
export const BATCH_MEMORY = 'kubernetes.io/batch-memory';

/** A node with `allocatable` and `requested` (pods default 110 allocatable, 0 requested). */
export function node(
  name: string,
  allocatable: ResourceList,
  requested: ResourceList = {},
  extra: { labels?: StringMap; taints?: Taint[]; unschedulable?: boolean } = {},
): MemberNodeSnapshot {
  return {
    name,
    labels: extra.labels ?? {},
    taints: extra.taints ?? [],
    allocatable: { pods: 110, ...allocatable },
    requested: { pods: 0, ...requested },
    ...(extra.unschedulable === undefined ? {} : { unschedulable: extra.unschedulable }),
  };
}

/** A member with version 1.28 by default. */
export function member(
  name: string,
  nodes: MemberNodeSnapshot[],
  extra: Partial<Omit<MemberSnapshot, 'name' | 'nodes'>> = {},
): MemberSnapshot {
  return {
    name,
    kubernetesVersion: { major: 1, minor: 28 },
    labels: {},
    taints: [],
    syncedAt: 0,
    reservations: [],
    ...extra,
    nodes,
  };
}

/** The seed's sparkapp-policy (fixtures/seed-manifests/04-sparkapp-policy.yaml) for two members. */
export function sparkappPolicy(clusterNames: string[]): PropagationPolicy {
  return {
    apiVersion: 'policy.one.alibabacloud.com/v1alpha1',
    kind: 'PropagationPolicy',
    name: 'sparkapp-policy',
    namespace: 'spark',
    labels: {},
    resourceSelectors: [{ apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication' }],
    placement: {
      clusterAffinity: { clusterNames },
      replicaScheduling: { replicaSchedulingType: 'Divided', customSchedulingType: 'Gang' },
    },
    priority: 0,
    preemption: 'Never',
    propagateDeps: true,
    preserveResourcesOnDeletion: false,
    schedulerName: 'default-scheduler',
  };
}

/** A policy skeleton to override. */
export function policy(p: Partial<PropagationPolicy> & Pick<PropagationPolicy, 'name'>): PropagationPolicy {
  return {
    apiVersion: 'policy.karmada.io/v1alpha1',
    kind: 'PropagationPolicy',
    namespace: 'default',
    labels: {},
    resourceSelectors: [],
    placement: {},
    priority: 0,
    preemption: 'Never',
    propagateDeps: false,
    preserveResourcesOnDeletion: false,
    schedulerName: 'default-scheduler',
    ...p,
  };
}

/**
 * The seed's spark-pi as fleet components, requests worked out by hand: colocation annotation ⇒ BE pods
 * requesting batch resources; driver cores 1, memory 512m + max(10%, 384Mi) = 896Mi; executor 1g + 384Mi
 * = 1408Mi.
 */
export function sparkPiComponents(executors = 1): FleetComponent[] {
  return [
    {
      name: 'driver',
      replicas: 1,
      replicaRequirements: { resourceRequest: { [BATCH_CPU]: 1000, [BATCH_MEMORY]: 896 * Mi } },
    },
    {
      name: 'executor',
      replicas: executors,
      replicaRequirements: { resourceRequest: { [BATCH_CPU]: 1000, [BATCH_MEMORY]: 1408 * Mi } },
    },
  ];
}

/** A SparkApplication resource in namespace `spark`. */
export function sparkApp(name: string, components: FleetComponent[], uid?: string): FleetResource {
  return {
    shape: 'multiComponent',
    template: {
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'SparkApplication',
      name,
      namespace: 'spark',
      labels: {},
      ...(uid === undefined ? {} : { uid }),
    },
    components,
  };
}

/** A BE node offering `cores` batch cores and `gib` GiB batch memory. */
export function beNode(name: string, cores: number, gib: number, used: ResourceList = {}): MemberNodeSnapshot {
  return node(name, { cpu: 32_000, memory: 128 * Gi, [BATCH_CPU]: cores * 1000, [BATCH_MEMORY]: gib * Gi }, used);
}

/** Deep-freezes a value so any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
