import type { Node, Pod } from '../model/index.js';
import type { PodDisruptionBudget } from './PodDisruptionBudget.js';

/**
 * What one member cluster's scheduler sees: its nodes, the pods already bound to them (each with
 * `nodeName`; pods without one, or naming an unknown node, are ignored) and the PodDisruptionBudgets that
 * preemption tries to respect.
 */
export interface ClusterInput {
  /** The nodes, in the order that breaks ties (first wins). */
  readonly nodes: readonly Node[];
  /** Bound pods; their requests count against their node's allocatable. */
  readonly pods: readonly Pod[];
  /** `policy/v1 PodDisruptionBudget`s; absent means none. */
  readonly podDisruptionBudgets?: readonly PodDisruptionBudget[];
}
