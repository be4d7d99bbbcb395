import type { PreferredSchedulingTerm, StringMap } from '../../model/index.js';
import { matchesNodeSelectorTerm } from '../../model/index.js';

/**
 * NodeAffinity raw score (plugins/nodeaffinity/node_affinity.go): the sum of the weights of the pod's
 * `preferredDuringSchedulingIgnoredDuringExecution` terms that the node matches. Normalised to 0–100 by the
 * maximum over the scored nodes, then weighted (default weight 2).
 */
export function preferredAffinityScore(
  terms: readonly PreferredSchedulingTerm[],
  nodeName: string,
  labels: StringMap,
): number {
  let sum = 0;
  for (const term of terms) {
    if (term.weight !== 0 && matchesNodeSelectorTerm(term.preference, nodeName, labels)) sum += term.weight;
  }
  return sum;
}
