import type { KoordPriorityClass, KoordQoSClass } from './classifyPod.js';

// The NodeMetric custom resource koordlet writes for its node (`slo.koordinator.sh/v1alpha1 NodeMetric`,
// `status`), reduced to what the batch-resource calculation and the koordlet QoS decisions read.
// koordinator: apis/slo/v1alpha1/nodemetric_types.go, pkg/koordlet/statesinformer/impl/states_nodemetric.go

/** CPU and memory amounts measured on a node: `cpu` in millicores, `memory` in bytes (integers). */
export interface ResourceUsage {
  /** CPU usage in millicores. */
  readonly cpu: number;
  /** Memory usage in bytes (page cache excluded under the default collect policy). */
  readonly memory: number;
}

/** One pod's entry of `status.podsMetric`: its averaged usage and the classes koordlet reported for it. */
export interface PodMetric {
  /** The pod's `metadata.namespace`. */
  readonly namespace: string;
  /** The pod's `metadata.name`. */
  readonly name: string;
  /** Usage averaged over `metricAggregateDurationSeconds`. */
  readonly usage: ResourceUsage;
  /** Priority class koordlet saw for the pod; decides whether a dangling metric counts as high priority. */
  readonly priorityClass: KoordPriorityClass;
  /** QoS class koordlet saw for the pod. */
  readonly qosClass: KoordQoSClass;
}

/**
 * One out-of-band host process (`status.hostApplicationMetric`, declared in `host-application-config`),
 * e.g. a YARN NodeManager running outside Kubernetes.
 */
export interface HostApplicationMetric {
  /** The application's name in `host-application-config`. */
  readonly name: string;
  /** Usage averaged like pod usage. */
  readonly usage: ResourceUsage;
  /** Its declared priority class; prod/mid (and `none`) host apps count as system usage for batch. */
  readonly priorityClass: KoordPriorityClass;
  /** Its declared QoS class; `BE` host apps under the best-effort cgroup count as BE for CPU suppress. */
  readonly qosClass: KoordQoSClass;
  /** Whether it runs under the kubepods best-effort cgroup (`cgroupPath.base: KubepodsBesteffort`). */
  readonly bestEffortCgroup?: boolean;
}

/** The `status` of a NodeMetric: the node's usage, its system usage and each pod's usage. */
export interface NodeMetric {
  /**
   * `status.updateTime` in ms of simulated time: when koordlet last reported. Absent means the status was
   * never written, which degrades the node like a missing NodeMetric.
   */
  readonly updateTime?: number;
  /** Whole-node usage (`status.nodeMetric.nodeUsage`). */
  readonly nodeUsage: ResourceUsage;
  /** `status.nodeMetric.systemUsage` = node usage − all pods − all host apps, clamped at 0 by koordlet. */
  readonly systemUsage: ResourceUsage;
  /** `status.podsMetric`: every pod koordlet measured, including pods the API may no longer list. */
  readonly podsMetric: readonly PodMetric[];
  /** `status.hostApplicationMetric`, when host applications are declared. */
  readonly hostApplicationMetric?: readonly HostApplicationMetric[];
}

/** The key Koordinator matches pods and their metrics by: `namespace/name`. */
export function podMetricKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/**
 * A koordlet usage sample of one node as its QoS loops read it (the latest 1 s sample for CPU suppress and
 * memory eviction): node usage, per-pod usage, host-application usage. A NodeMetric satisfies it.
 */
export type NodeUsageSample = Pick<NodeMetric, 'nodeUsage' | 'podsMetric' | 'hostApplicationMetric'>;

/** Per-pod usage of a sample keyed by {@link podMetricKey}. */
export function podUsageByKey(sample: NodeUsageSample): Map<string, ResourceUsage> {
  const out = new Map<string, ResourceUsage>();
  for (const m of sample.podsMetric) out.set(podMetricKey(m.namespace, m.name), m.usage);
  return out;
}
