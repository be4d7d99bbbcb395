import type { PreemptionPolicy } from './Pod.js';
import type { PriorityClass } from './PriorityClass.js';

/** The priority and preemption policy the Priority admission plugin gives a pod. */
export interface ResolvedPriority {
  /** The pod's integer priority (higher wins; may be negative). */
  readonly priority: number;
  /** The pod's preemption policy. */
  readonly preemptionPolicy: PreemptionPolicy;
  /** The class actually applied (the named one, or the global default), if any. */
  readonly priorityClassName?: string;
}

/**
 * Resolves a pod's priority as the Priority admission plugin does: the named PriorityClass's value and
 * preemption policy; with no name, the `globalDefault` class (the one with the lowest value if several);
 * else priority 0 and `PreemptLowerPriority`. Returns `undefined` when the named class does not exist
 * (the API server rejects such a pod).
 */
export function resolvePriority(
  priorityClassName: string | undefined,
  classes: readonly PriorityClass[],
): ResolvedPriority | undefined {
  if (priorityClassName !== undefined && priorityClassName !== '') {
    const pc = classes.find((c) => c.name === priorityClassName);
    if (pc === undefined) return undefined;
    return { priority: pc.value, preemptionPolicy: pc.preemptionPolicy, priorityClassName: pc.name };
  }
  let best: PriorityClass | undefined;
  // Several global defaults can coexist after a race; the admission plugin then takes the lowest value.
  for (const c of classes) if (c.globalDefault && (best === undefined || c.value < best.value)) best = c;
  if (best === undefined) return { priority: 0, preemptionPolicy: 'PreemptLowerPriority' };
  return { priority: best.value, preemptionPolicy: best.preemptionPolicy, priorityClassName: best.name };
}
