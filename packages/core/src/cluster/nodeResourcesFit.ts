import { BATCH_CPU, BATCH_MEMORY, CPU, MEMORY } from '../resources/index.js';
import type { Columns } from './internals.js';
import { insufficientReason, REASON_TOO_MANY_PODS } from './reasons.js';
import type { PodShape } from './requests.js';

// kube-scheduler's NodeResourcesFit filter (pkg/scheduler/framework/plugins/noderesources/fit.go,
// `fitsRequest`) on the struct-of-arrays columns, as a bit mask of failed checks so the hot loops never
// build strings; reasons are spelled out only when a FitError is reported.

/** Status of a node for a pod (internal): 0 fits, 1 fails for a reason preemption may fix, 2 it cannot. */
export type NodeStatusCode = 0 | 1 | 2;

// Bits of a NodeResourcesFit failure mask: which check failed, and whether any failure is unresolvable.
/** Mask bit: `Too many pods` (the node holds `allocatable.pods` pods). */
export const FIT_PODS = 1;
/** Mask bit: `Insufficient cpu` (millicores). */
export const FIT_CPU = 2;
/** Mask bit: `Insufficient memory` (bytes). */
export const FIT_MEMORY = 4;
/** Mask bit: `Insufficient kubernetes.io/batch-cpu` (millicores). */
export const FIT_BATCH_CPU = 8;
/** Mask bit: `Insufficient kubernetes.io/batch-memory` (bytes). */
export const FIT_BATCH_MEMORY = 16;
/** Extended resource k of the pod's shape is mask bit `FIT_EXT_SHIFT + k`. */
export const FIT_EXT_SHIFT = 5;
/** Mask bit: a failing request exceeds the node's whole allocatable (`UnschedulableAndUnresolvable`). */
export const FIT_UNRESOLVABLE = 1 << 30;

/**
 * NodeResourcesFit (`fitsRequest` in noderesources/fit.go) on node `i` as a bit mask, 0 when the pod fits:
 * the pod count, then each requested resource against `allocatable − requested`, optionally after
 * releasing `freedPods` pods and amounts (`freedExt` parallel to the shape's extended resources) — the
 * victims of a preemption. `FIT_UNRESOLVABLE` is set when a failing request exceeds the node's whole
 * allocatable, so evicting pods cannot help.
 */
export function fitMask(
  cols: Columns,
  s: PodShape,
  i: number,
  freedPods: number,
  freedCpu: number,
  freedMemory: number,
  freedBatchCpu: number,
  freedBatchMemory: number,
  freedExt: ArrayLike<number> | null,
): number {
  let mask = 0;
  if (cols.requestedPods[i]! - freedPods + 1 > cols.allocatablePods[i]!) mask |= FIT_PODS;
  if (s.cpu > 0) {
    const alloc = cols.allocatableCpu[i]!;
    if (s.cpu > alloc - cols.requestedCpu[i]! + freedCpu) mask |= s.cpu > alloc ? FIT_CPU | FIT_UNRESOLVABLE : FIT_CPU;
  }
  if (s.memory > 0) {
    const alloc = cols.allocatableMemory[i]!;
    if (s.memory > alloc - cols.requestedMemory[i]! + freedMemory) {
      mask |= s.memory > alloc ? FIT_MEMORY | FIT_UNRESOLVABLE : FIT_MEMORY;
    }
  }
  if (s.batchCpu > 0) {
    const alloc = cols.allocatableBatchCpu[i]!;
    if (s.batchCpu > alloc - cols.requestedBatchCpu[i]! + freedBatchCpu) {
      mask |= s.batchCpu > alloc ? FIT_BATCH_CPU | FIT_UNRESOLVABLE : FIT_BATCH_CPU;
    }
  }
  if (s.batchMemory > 0) {
    const alloc = cols.allocatableBatchMemory[i]!;
    if (s.batchMemory > alloc - cols.requestedBatchMemory[i]! + freedBatchMemory) {
      mask |= s.batchMemory > alloc ? FIT_BATCH_MEMORY | FIT_UNRESOLVABLE : FIT_BATCH_MEMORY;
    }
  }
  for (let k = 0; k < s.extNames.length; k++) {
    const amount = s.extAmounts[k]!;
    if (amount <= 0) continue;
    const name = s.extNames[k]!;
    const alloc = cols.extendedAllocatable.get(name)?.[i] ?? 0;
    const free = alloc - (cols.extendedRequested.get(name)?.[i] ?? 0) + (freedExt === null ? 0 : freedExt[k]!);
    if (amount > free) {
      mask |= 1 << (FIT_EXT_SHIFT + k);
      if (amount > alloc) mask |= FIT_UNRESOLVABLE;
    }
  }
  return mask;
}

/** Status code of a fit mask: 0 fits, 1 preemption may help, 2 it cannot. */
export function maskCode(mask: number): NodeStatusCode {
  if (mask === 0) return 0;
  return (mask & FIT_UNRESOLVABLE) !== 0 ? 2 : 1;
}

/** Adds one count per reason in `mask` to `counts` (per-bit tallies, turned into strings later). */
export function tallyMask(tally: Int32Array, mask: number): void {
  for (let b = 0; b < tally.length; b++) if ((mask & (1 << b)) !== 0) tally[b] = tally[b]! + 1;
}

/** The reason string of each tally bit, for a pod shape. */
export function tallyReasons(s: PodShape, tally: Int32Array, counts: Map<string, number>): void {
  const names = [REASON_TOO_MANY_PODS, CPU, MEMORY, BATCH_CPU, BATCH_MEMORY, ...s.extNames];
  for (let b = 0; b < tally.length && b < names.length; b++) {
    const count = tally[b]!;
    if (count === 0) continue;
    const reason = b === 0 ? REASON_TOO_MANY_PODS : insufficientReason(names[b]!);
    counts.set(reason, (counts.get(reason) ?? 0) + count);
  }
}

/** A tally array sized for a shape's reasons. */
export function newTally(s: PodShape): Int32Array {
  return new Int32Array(FIT_EXT_SHIFT + s.extNames.length);
}

/** NodeResourcesFit reasons of node `i` (no pods released) pushed to `out`; returns the status code. */
export function fitReasons(cols: Columns, s: PodShape, i: number, out: string[]): NodeStatusCode {
  const mask = fitMask(cols, s, i, 0, 0, 0, 0, 0, null);
  if (mask === 0) return 0;
  const tally = newTally(s);
  tallyMask(tally, mask);
  const counts = new Map<string, number>();
  tallyReasons(s, tally, counts);
  for (const r of counts.keys()) out.push(r);
  return maskCode(mask);
}
