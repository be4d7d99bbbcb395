import { MAX_NODE_SCORE } from './constants.js';

/**
 * NodeResourcesFit `MostAllocated` score of one resource (noderesources/most_allocated.go):
 * `min(requested, allocatable) × 100 / allocatable`, truncated; 0 when allocatable is 0.
 */
export function mostAllocatedScore(requested: number, allocatable: number): number {
  if (allocatable === 0) return 0;
  return Math.floor((Math.min(requested, allocatable) * MAX_NODE_SCORE) / allocatable);
}
