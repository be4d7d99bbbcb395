import type { ClusterInput } from './ClusterInput.js';
import type { ClusterView } from './ClusterView.js';
import { MutableClusterState } from './MutableClusterState.js';

/** An immutable {@link ClusterView}: nobody holds the state behind it. */
export type ClusterSnapshot = ClusterView;

/**
 * Builds a read-only snapshot of one member cluster — nodes, bound pods (with `nodeName`) and
 * PodDisruptionBudgets — with per-node requested sums in struct-of-arrays columns. Build it once and
 * schedule against it as often as needed; use {@link MutableClusterState} when decisions must be applied.
 */
export function createClusterSnapshot(input: ClusterInput): ClusterSnapshot {
  return new MutableClusterState(input).view();
}
