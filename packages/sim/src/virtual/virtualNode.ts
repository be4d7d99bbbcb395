import type { Node, ResourceList, Taint } from '@gleaner/core';
import { CPU, MEMORY, PODS, VIRTUAL_KUBELET_LABEL, VIRTUAL_KUBELET_TAINT } from '@gleaner/core';

/**
 * Value of the virtual-kubelet taint on ACK virtual nodes: `virtual-kubelet.io/provider=alibabacloud:NoSchedule`
 * (Alibaba Cloud ACK docs, "Configure resource allocation based on ECS instances and elastic container
 * instances"). Pods reach the node only with a toleration, e.g. the seed's `key: virtual-kubelet.io/provider,
 * operator: Exists`.
 */
export const VIRTUAL_KUBELET_TAINT_VALUE = 'alibabacloud';

/** The taint every virtual-kubelet node carries (`virtual-kubelet.io/provider=alibabacloud:NoSchedule`). */
export const VIRTUAL_KUBELET_NODE_TAINT: Taint = Object.freeze({
  key: VIRTUAL_KUBELET_TAINT,
  value: VIRTUAL_KUBELET_TAINT_VALUE,
  effect: 'NoSchedule',
});

const TIB = 1024 ** 4;

/**
 * Default capacity of a member's virtual node: 10,000 vCPU (millicores), 40 TiB, 10,000 pods — the same
 * default as the scenario schema's `virtualNode.capacity`; an assumption standing for "elastic" (ECI's real
 * limit is the account's quota).
 */
export const DEFAULT_VIRTUAL_NODE_CAPACITY: ResourceList = Object.freeze({
  [CPU]: 10_000_000,
  [MEMORY]: 40 * TIB,
  [PODS]: 10_000,
});

/** Options of {@link virtualKubeletNode}. */
export interface VirtualNodeOptions {
  /** Node name (default `virtual-kubelet`). */
  readonly name?: string;
  /** Capacity = allocatable, integer units (default {@link DEFAULT_VIRTUAL_NODE_CAPACITY}). */
  readonly capacity?: ResourceList;
  /** Extra labels (e.g. zone); `type: virtual-kubelet` is always set. */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * The elastic virtual-kubelet node of one member: label `type: virtual-kubelet`, taint
 * `virtual-kubelet.io/provider`, allocatable = capacity (no kubelet reservation), `virtual: true`.
 */
export function virtualKubeletNode(options: VirtualNodeOptions = {}): Node {
  const capacity = options.capacity ?? DEFAULT_VIRTUAL_NODE_CAPACITY;
  return {
    name: options.name ?? 'virtual-kubelet',
    labels: { ...options.labels, [VIRTUAL_KUBELET_LABEL.key]: VIRTUAL_KUBELET_LABEL.value },
    annotations: {},
    taints: [VIRTUAL_KUBELET_NODE_TAINT],
    capacity,
    allocatable: capacity,
    unschedulable: false,
    virtual: true,
  };
}

/** Whether `node` is a virtual-kubelet node: flagged virtual, tainted `virtual-kubelet.io/provider`, or labelled `type: virtual-kubelet`. */
export function isVirtualKubeletNode(node: Pick<Node, 'virtual' | 'taints' | 'labels'>): boolean {
  return (
    node.virtual ||
    node.taints.some((t) => t.key === VIRTUAL_KUBELET_TAINT) ||
    node.labels[VIRTUAL_KUBELET_LABEL.key] === VIRTUAL_KUBELET_LABEL.value
  );
}
