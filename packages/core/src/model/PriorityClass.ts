import type { PreemptionPolicy } from './Pod.js';

/** A `scheduling.k8s.io/v1 PriorityClass`: the integer priority that pods naming it receive. */
export interface PriorityClass {
  readonly name: string;
  /** Priority value; user classes range up to 1e9 and may be negative (the seeds use −1000). */
  readonly value: number;
  /** Whether pods without a `priorityClassName` receive this class (at most one should). */
  readonly globalDefault: boolean;
  readonly preemptionPolicy: PreemptionPolicy;
  readonly description?: string;
}
