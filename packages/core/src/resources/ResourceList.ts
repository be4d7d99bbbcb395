import type { ResourceName } from './names.js';

/**
 * A vector of resource amounts in integer units, keyed by resource name (`cpu` millicores, `memory`
 * bytes, `pods` count, `kubernetes.io/batch-cpu` millicores, `kubernetes.io/batch-memory` bytes, any
 * extended resource as an integer). A missing name means zero, as in a pod's `resources.requests`.
 */
export type ResourceList = { readonly [name: ResourceName]: number };

/** The empty resource list (every resource zero). */
export const EMPTY_RESOURCES: ResourceList = Object.freeze({});

/** Amount of `name` in `list`, zero when absent. */
export function amount(list: ResourceList, name: ResourceName): number {
  return list[name] ?? 0;
}

/** Sum of two resource lists, name by name. */
export function addResources(a: ResourceList, b: ResourceList): ResourceList {
  const out: Record<string, number> = { ...a };
  for (const name in b) out[name] = (out[name] ?? 0) + b[name]!;
  return out;
}

/** `a − b`, name by name; results may be negative (use {@link clampNonNegative} for free capacity). */
export function subtractResources(a: ResourceList, b: ResourceList): ResourceList {
  const out: Record<string, number> = { ...a };
  for (const name in b) out[name] = (out[name] ?? 0) - b[name]!;
  return out;
}

/** Element-wise maximum of two resource lists (a name missing from one side counts as zero there). */
export function maxResources(a: ResourceList, b: ResourceList): ResourceList {
  const out: Record<string, number> = {};
  // Both sides are walked so a negative amount on one side meets the other side's implicit zero.
  for (const name in a) out[name] = Math.max(a[name]!, b[name] ?? 0);
  for (const name in b) out[name] = Math.max(a[name] ?? 0, b[name]!);
  return out;
}

/** `list` with every negative amount raised to zero. */
export function clampNonNegative(list: ResourceList): ResourceList {
  const out: Record<string, number> = {};
  for (const name in list) out[name] = Math.max(0, list[name]!);
  return out;
}

/** `list` with every amount multiplied by the integer `factor` (e.g. N replicas of one pod's requests). */
export function scaleResources(list: ResourceList, factor: number): ResourceList {
  const out: Record<string, number> = {};
  for (const name in list) out[name] = list[name]! * factor;
  return out;
}

/**
 * Whether `request` fits into `free`: every positively requested resource is available in at least that
 * amount. A resource the request does not name is not checked, as kube-scheduler's NodeResourcesFit does.
 */
export function fitsResources(request: ResourceList, free: ResourceList): boolean {
  for (const name in request) {
    const want = request[name]!;
    if (want > 0 && want > (free[name] ?? 0)) return false;
  }
  return true;
}

/** Names of the resources `request` needs more of than `free` holds (empty when it fits). */
export function insufficientResources(request: ResourceList, free: ResourceList): ResourceName[] {
  const out: ResourceName[] = [];
  for (const name in request) {
    const want = request[name]!;
    if (want > 0 && want > (free[name] ?? 0)) out.push(name);
  }
  return out.sort();
}

/** Whether every amount of `list` is zero. */
export function isZeroResources(list: ResourceList): boolean {
  for (const name in list) if (list[name] !== 0) return false;
  return true;
}

/** Whether two lists hold the same amounts (absent and zero are equal). */
export function equalResources(a: ResourceList, b: ResourceList): boolean {
  for (const name in a) if ((a[name] ?? 0) !== (b[name] ?? 0)) return false;
  for (const name in b) if ((a[name] ?? 0) !== (b[name] ?? 0)) return false;
  return true;
}
