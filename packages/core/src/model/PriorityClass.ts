import type { PreemptionPolicy } from './Pod.js';

/** A `scheduling.k8s.io/v1 PriorityClass`: the integer priority that pods naming it receive. */
export interface PriorityClass {
  /** `metadata.name`, as pods name it in `spec.priorityClassName`. */
  readonly name: string;
  /** Priority value; user classes range up to 1e9 and may be negative (the seeds use −1000). */
  readonly value: number;
  /** Whether pods without a `priorityClassName` receive this class (at most one should). */
  readonly globalDefault: boolean;
  /** Preemption policy given to pods of this class (`PreemptLowerPriority` when the manifest omits it). */
  readonly preemptionPolicy: PreemptionPolicy;
  /** Free-text `description`. */
  readonly description?: string;
}
