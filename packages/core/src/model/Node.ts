import type { ResourceList } from '../resources/index.js';
import type { StringMap } from './labels.js';
import type { Taint } from './taints.js';

/** Taint key carried by virtual-kubelet (ECI) nodes. */
export const VIRTUAL_KUBELET_TAINT = 'virtual-kubelet.io/provider';
/** Label `type: virtual-kubelet` carried by virtual-kubelet nodes. */
export const VIRTUAL_KUBELET_LABEL: {
  /** The label key, `type`. */
  readonly key: 'type';
  /** The label value, `virtual-kubelet`. */
  readonly value: 'virtual-kubelet';
} = { key: 'type', value: 'virtual-kubelet' };

/** A Kubernetes Node as the scheduler sees it. */
export interface Node {
  /** `metadata.name`, unique in its cluster. */
  readonly name: string;
  /** `metadata.labels`, matched by `nodeSelector` and node affinity. */
  readonly labels: StringMap;
  /** `metadata.annotations`. */
  readonly annotations: StringMap;
  /** `spec.taints`; pods must tolerate the `NoSchedule`/`NoExecute` ones to land here. */
  readonly taints: readonly Taint[];
  /** `status.capacity`: the machine's total (cpu millicores, memory bytes, pods). */
  readonly capacity: ResourceList;
  /**
   * `status.allocatable`: capacity minus kubelet/system reservations; also carries the published
   * `kubernetes.io/batch-cpu` / `batch-memory` when Koordinator colocation is on.
   */
  readonly allocatable: ResourceList;
  /** `spec.unschedulable` (cordoned). */
  readonly unschedulable: boolean;
  /** A virtual-kubelet (serverless/ECI) node: elastic capacity, per-pod start-up latency. */
  readonly virtual: boolean;
}
