import { MAX_NODE_SCORE } from './constants.js';

/**
 * NodeResourcesFit `LeastAllocated` score of one resource (noderesources/least_allocated.go):
 * `(allocatable − requested) × 100 / allocatable`, truncated; 0 when allocatable is 0 or requested exceeds it.
 * `requested` includes the incoming pod (cpu/memory with the non-zero defaults).
 */
export function leastAllocatedScore(requested: number, allocatable: number): number {
  if (allocatable === 0 || requested > allocatable) return 0;
  return Math.floor(((allocatable - requested) * MAX_NODE_SCORE) / allocatable);
}
