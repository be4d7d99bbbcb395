import { leastAllocatedScore } from './leastAllocated.js';
import { mostAllocatedScore } from './mostAllocated.js';

/** NodeResourcesFit scoring strategy (`scoringStrategy.type`); `LeastAllocated` is kube-scheduler's default. */
export type ScoringStrategy = 'LeastAllocated' | 'MostAllocated';

/**
 * NodeResourcesFit node score (noderesources/resource_allocation.go): the weighted mean, truncated, of the
 * per-resource scores of `strategy`, skipping resources whose allocatable is 0; 0 when none is left.
 * The arrays are parallel, one entry per scored resource.
 */
export function resourceAllocationScore(
  strategy: ScoringStrategy,
  requested: readonly number[],
  allocatable: readonly number[],
  weights: readonly number[],
): number {
  let sum = 0;
  let weightSum = 0;
  for (let k = 0; k < requested.length; k++) {
    const alloc = allocatable[k]!;
    if (alloc === 0) continue;
    const score =
      strategy === 'LeastAllocated'
        ? leastAllocatedScore(requested[k]!, alloc)
        : mostAllocatedScore(requested[k]!, alloc);
    sum += score * weights[k]!;
    weightSum += weights[k]!;
  }
  return weightSum === 0 ? 0 : Math.floor(sum / weightSum);
}
