import type { Node, Pod } from '../model/index.js';
import type { ResourceName } from '../resources/index.js';
import type { PodDisruptionBudget } from './PodDisruptionBudget.js';

/** A read-only column of per-node numbers, indexed by node index (a `Float64Array` underneath). */
export type NodeColumn = ArrayLike<number>;

/**
 * The struct-of-arrays form of a cluster: one entry per node index for each of the resources that matter
 * (cpu millicores, memory bytes, pod count, `kubernetes.io/batch-cpu` millicores, `kubernetes.io/batch-memory`
 * bytes) and maps of columns for any other extended resource. Read-only: the scheduling functions and
 * score plugins read it in tight loops; only {@link MutableClusterState} writes it.
 */
export interface ClusterColumns {
  /** Number of nodes (the length of every column). */
  readonly size: number;
  /** `status.allocatable.cpu`, millicores. */
  readonly allocatableCpu: NodeColumn;
  /** `status.allocatable.memory`, bytes. */
  readonly allocatableMemory: NodeColumn;
  /** `status.allocatable.pods`, a count (absent on the node = 0, as in kube-scheduler). */
  readonly allocatablePods: NodeColumn;
  /** Published `kubernetes.io/batch-cpu` allocatable, millicores. */
  readonly allocatableBatchCpu: NodeColumn;
  /** Published `kubernetes.io/batch-memory` allocatable, bytes. */
  readonly allocatableBatchMemory: NodeColumn;
  /** Sum of the cpu requests of the pods on the node, millicores. */
  readonly requestedCpu: NodeColumn;
  /** Sum of the memory requests of the pods on the node, bytes. */
  readonly requestedMemory: NodeColumn;
  /** Number of pods on the node. */
  readonly requestedPods: NodeColumn;
  /** Sum of `kubernetes.io/batch-cpu` requests, millicores. */
  readonly requestedBatchCpu: NodeColumn;
  /** Sum of `kubernetes.io/batch-memory` requests, bytes. */
  readonly requestedBatchMemory: NodeColumn;
  /** kube-scheduler's `NonZeroRequested.MilliCPU`: cpu requests with 100 m for pods that name none (scoring only). */
  readonly nonZeroRequestedCpu: NodeColumn;
  /** `NonZeroRequested.Memory`: memory requests with 200 MiB for pods that name none (scoring only). */
  readonly nonZeroRequestedMemory: NodeColumn;
  /** 1 when the node is cordoned (`spec.unschedulable`), else 0. */
  readonly unschedulable: NodeColumn;
  /** Other extended resources' allocatable, one column per resource name (missing entries are 0). */
  readonly extendedAllocatable: ReadonlyMap<ResourceName, NodeColumn>;
  /** Other extended resources' summed requests, one column per resource name. */
  readonly extendedRequested: ReadonlyMap<ResourceName, NodeColumn>;
}

/**
 * A read-only view of one member cluster for the scheduling functions and score plugins: nodes by index
 * (index order is the tie-break order), the pods on each node, per-node allocatable and requested sums, and
 * the PodDisruptionBudgets. Obtain one from {@link createClusterSnapshot} (immutable) or
 * {@link MutableClusterState.view} (live: it reflects later mutations of its state).
 */
export interface ClusterView {
  /** Number of nodes. */
  readonly nodeCount: number;
  /** The node at `index` (0 ≤ index < nodeCount), with its current allocatable and cordon flag. */
  node(index: number): Node;
  /** The index of the node named `name`, or −1. */
  nodeIndex(name: string): number;
  /** Pods bound to the node at `index`, in binding order (each with `nodeName`). */
  podsOnNode(index: number): readonly Pod[];
  /** Allocatable amount of `resource` on the node at `index` (integer units; `pods` is the pod limit). */
  allocatable(index: number, resource: ResourceName): number;
  /** Summed requests of `resource` by the pods on the node at `index`; `pods` gives the pod count. */
  requested(index: number, resource: ResourceName): number;
  /** The cluster's PodDisruptionBudgets. */
  readonly podDisruptionBudgets: readonly PodDisruptionBudget[];
  /** The struct-of-arrays columns behind the accessors (read-only). */
  readonly columns: ClusterColumns;
}
