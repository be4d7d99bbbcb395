import { MAX_NODE_SCORE } from './constants.js';

/**
 * NodeResourcesBalancedAllocation score (noderesources/balanced_allocation.go): each resource's fraction
 * `requested / allocatable` (capped at 1; resources with allocatable 0 skipped); `std` is `|f1 − f2| / 2`
 * for two fractions, the population standard deviation for more, 0 for fewer; score `trunc((1 − std) × 100)`.
 * Computed in IEEE doubles exactly as the Go code does, so results match bit for bit. (Some recent
 * development heads score the change in balance the pod causes instead; Gleaner keeps this long-standing
 * formula, as spark-kube.md §1.3 records it.)
 */
export function balancedAllocationScore(requested: readonly number[], allocatable: readonly number[]): number {
  const fractions: number[] = [];
  let total = 0;
  for (let k = 0; k < requested.length; k++) {
    const alloc = allocatable[k]!;
    if (alloc === 0) continue;
    let f = requested[k]! / alloc;
    if (f > 1) f = 1;
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) {
    std = Math.abs((fractions[0]! - fractions[1]!) / 2);
  } else if (fractions.length > 2) {
    const mean = total / fractions.length;
    let sum = 0;
    for (const f of fractions) sum = sum + (f - mean) * (f - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}
