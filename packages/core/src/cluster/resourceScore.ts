import { BATCH_CPU, BATCH_MEMORY, CPU, MEMORY, PODS } from '../resources/index.js';
import type { Columns, Internals, ScoreEntry } from './internals.js';
import { MEMO_LIMIT } from './internals.js';
import type { ResolvedOptions } from './options.js';
import type { PodShape } from './requests.js';
import { MAX_NODE_SCORE } from './scores/constants.js';

// The resource part of a node's score — NodeResourcesFit's scoring strategy plus BalancedAllocation, each
// weighted — together with the NodeResourcesFit filter, on the columns; memoised per request vector and
// options, and per node version.

/** A resource to score: allocatable and requested columns, the pod's amount, a weight (internal). */
interface Slot {
  readonly alloc: ArrayLike<number> | undefined;
  readonly req: ArrayLike<number> | undefined;
  readonly pod: number;
  readonly weight: number;
}

/** Columns of a scalar (non cpu/memory) resource. */
function scalarColumns(cols: Columns, name: string): [ArrayLike<number> | undefined, ArrayLike<number> | undefined] {
  if (name === BATCH_CPU) return [cols.allocatableBatchCpu, cols.requestedBatchCpu];
  if (name === BATCH_MEMORY) return [cols.allocatableBatchMemory, cols.requestedBatchMemory];
  return [cols.extendedAllocatable.get(name), cols.extendedRequested.get(name)];
}

function shapeAmount(shape: PodShape, name: string): number {
  switch (name) {
    case CPU:
      return shape.cpu;
    case MEMORY:
      return shape.memory;
    case BATCH_CPU:
      return shape.batchCpu;
    case BATCH_MEMORY:
      return shape.batchMemory;
    default: {
      const k = shape.extNames.indexOf(name);
      return k < 0 ? 0 : shape.extAmounts[k]!;
    }
  }
}

/** Score slots of the NodeResourcesFit strategy (cpu/memory with non-zero defaults; unrequested scalars skipped). */
function fitSlots(cols: Columns, shape: PodShape, opts: ResolvedOptions): Slot[] {
  const slots: Slot[] = [];
  for (const { name, weight } of opts.scoringResources) {
    if (name === CPU)
      slots.push({ alloc: cols.allocatableCpu, req: cols.nonZeroRequestedCpu, pod: shape.nonZeroCpu, weight });
    else if (name === MEMORY) {
      slots.push({ alloc: cols.allocatableMemory, req: cols.nonZeroRequestedMemory, pod: shape.nonZeroMemory, weight });
    } else if (name !== PODS) {
      const amount = shapeAmount(shape, name);
      if (amount === 0) continue;
      const [alloc, req] = scalarColumns(cols, name);
      slots.push({ alloc, req, pod: amount, weight });
    }
  }
  return slots;
}

/** Slots of BalancedAllocation (actual requests, no defaults); empty for a pod requesting none of them. */
function balancedSlots(cols: Columns, shape: PodShape, opts: ResolvedOptions): Slot[] {
  const slots: Slot[] = [];
  let any = false;
  for (const name of opts.balancedResources) {
    if (name === PODS) continue;
    const amount = shapeAmount(shape, name);
    if (amount !== 0) any = true;
    if (name === CPU) slots.push({ alloc: cols.allocatableCpu, req: cols.requestedCpu, pod: amount, weight: 1 });
    else if (name === MEMORY)
      slots.push({ alloc: cols.allocatableMemory, req: cols.requestedMemory, pod: amount, weight: 1 });
    else if (amount !== 0) {
      const [alloc, req] = scalarColumns(cols, name);
      slots.push({ alloc, req, pod: amount, weight: 1 });
    }
  }
  // A best-effort pod (no request among these resources) skips the plugin (kubernetes#129138).
  return any ? slots : [];
}

/** Per-call resource scoring plan (internal). */
export interface ResourcePlan {
  /** The scoring resources are exactly cpu then memory (and BalancedAllocation's too): a straight-line path. */
  readonly simple: boolean;
  readonly cpuWeight: number;
  readonly memoryWeight: number;
  readonly fit: readonly Slot[];
  readonly balanced: readonly Slot[];
  readonly extAlloc: readonly (ArrayLike<number> | undefined)[];
  readonly extReq: readonly (ArrayLike<number> | undefined)[];
}

/** The scoring plan for a pod shape on `cols` (reused from `entry` when it was built for the same columns). */
export function resourcePlan(cols: Columns, shape: PodShape, opts: ResolvedOptions, entry?: ScoreEntry): ResourcePlan {
  // A plan only points at named columns unless the pod requests an extended resource (whose column may
  // appear later), so it can be reused for the same columns.
  if (entry !== undefined && entry.planColumns === cols && shape.extNames.length === 0)
    return entry.plan as ResourcePlan;
  const sr = opts.scoringResources;
  const br = opts.balancedResources;
  const plan: ResourcePlan = {
    simple:
      sr.length === 2 &&
      sr[0]!.name === CPU &&
      sr[1]!.name === MEMORY &&
      br.length === 2 &&
      br[0] === CPU &&
      br[1] === MEMORY,
    cpuWeight: sr[0]?.weight ?? 1,
    memoryWeight: sr[1]?.weight ?? 1,
    fit: opts.fitWeight > 0 ? fitSlots(cols, shape, opts) : [],
    balanced: opts.balancedWeight > 0 ? balancedSlots(cols, shape, opts) : [],
    extAlloc: shape.extNames.map((n) => cols.extendedAllocatable.get(n)),
    extReq: shape.extNames.map((n) => cols.extendedRequested.get(n)),
  };
  if (entry !== undefined && shape.extNames.length === 0) {
    entry.plan = plan;
    entry.planColumns = cols;
  }
  return plan;
}

/**
 * NodeResourcesFit filter on node `i` plus the weighted resource scores, or −1 when the pod does not fit
 * (noderesources/fit.go `fitsRequest`: pod count, then each requested resource against allocatable − requested).
 */
export function resourcePart(cols: Columns, s: PodShape, plan: ResourcePlan, opts: ResolvedOptions, i: number): number {
  if (cols.requestedPods[i]! + 1 > cols.allocatablePods[i]!) return -1;
  if (s.cpu > 0 && s.cpu > cols.allocatableCpu[i]! - cols.requestedCpu[i]!) return -1;
  if (s.memory > 0 && s.memory > cols.allocatableMemory[i]! - cols.requestedMemory[i]!) return -1;
  if (s.batchCpu > 0 && s.batchCpu > cols.allocatableBatchCpu[i]! - cols.requestedBatchCpu[i]!) return -1;
  if (s.batchMemory > 0 && s.batchMemory > cols.allocatableBatchMemory[i]! - cols.requestedBatchMemory[i]!) return -1;
  for (let k = 0; k < s.extAmounts.length; k++) {
    const amount = s.extAmounts[k]!;
    if (amount > 0 && amount > (plan.extAlloc[k]?.[i] ?? 0) - (plan.extReq[k]?.[i] ?? 0)) return -1;
  }
  if (plan.simple) return simpleResourceScore(cols, s, plan, opts, i);
  let total = 0;
  if (plan.fit.length > 0) {
    const least = opts.strategy === 'LeastAllocated';
    let sum = 0;
    let weights = 0;
    for (const slot of plan.fit) {
      const alloc = slot.alloc?.[i] ?? 0;
      if (alloc === 0) continue;
      const req = (slot.req?.[i] ?? 0) + slot.pod;
      let score: number;
      if (least) score = req > alloc ? 0 : Math.floor(((alloc - req) * MAX_NODE_SCORE) / alloc);
      else score = Math.floor((Math.min(req, alloc) * MAX_NODE_SCORE) / alloc);
      sum += score * slot.weight;
      weights += slot.weight;
    }
    if (weights > 0) total += opts.fitWeight * Math.floor(sum / weights);
  }
  if (plan.balanced.length > 0) {
    let count = 0;
    let f0 = 0;
    let f1 = 0;
    let fsum = 0;
    let many: number[] | undefined;
    for (const slot of plan.balanced) {
      const alloc = slot.alloc?.[i] ?? 0;
      if (alloc === 0) continue;
      let f = ((slot.req?.[i] ?? 0) + slot.pod) / alloc;
      if (f > 1) f = 1;
      fsum += f;
      if (count === 0) f0 = f;
      else if (count === 1) f1 = f;
      else {
        many ??= [f0, f1];
        many.push(f);
      }
      count++;
    }
    let std = 0;
    if (count === 2) std = Math.abs((f0 - f1) / 2);
    else if (count > 2) {
      const mean = fsum / count;
      let acc = 0;
      for (const f of many!) acc = acc + (f - mean) * (f - mean);
      std = Math.sqrt(acc / count);
    }
    total += opts.balancedWeight * Math.trunc((1 - std) * MAX_NODE_SCORE);
  }
  return total;
}

/** `resourcePart`'s scores for the default resources (cpu, memory), without slot indirection. */
function simpleResourceScore(cols: Columns, s: PodShape, plan: ResourcePlan, opts: ResolvedOptions, i: number): number {
  let total = 0;
  const ac = cols.allocatableCpu[i]!;
  const am = cols.allocatableMemory[i]!;
  if (plan.fit.length > 0) {
    const least = opts.strategy === 'LeastAllocated';
    let sum = 0;
    let weights = 0;
    if (ac !== 0) {
      const r = cols.nonZeroRequestedCpu[i]! + s.nonZeroCpu;
      const score = least
        ? r > ac
          ? 0
          : Math.floor(((ac - r) * MAX_NODE_SCORE) / ac)
        : Math.floor((Math.min(r, ac) * MAX_NODE_SCORE) / ac);
      sum += score * plan.cpuWeight;
      weights += plan.cpuWeight;
    }
    if (am !== 0) {
      const r = cols.nonZeroRequestedMemory[i]! + s.nonZeroMemory;
      const score = least
        ? r > am
          ? 0
          : Math.floor(((am - r) * MAX_NODE_SCORE) / am)
        : Math.floor((Math.min(r, am) * MAX_NODE_SCORE) / am);
      sum += score * plan.memoryWeight;
      weights += plan.memoryWeight;
    }
    if (weights > 0) total += opts.fitWeight * Math.floor(sum / weights);
  }
  if (plan.balanced.length > 0) {
    let std = 0;
    if (ac !== 0 && am !== 0) {
      let fc = (cols.requestedCpu[i]! + s.cpu) / ac;
      if (fc > 1) fc = 1;
      let fm = (cols.requestedMemory[i]! + s.memory) / am;
      if (fm > 1) fm = 1;
      std = Math.abs((fc - fm) / 2);
    }
    total += opts.balancedWeight * Math.trunc((1 - std) * MAX_NODE_SCORE);
  }
  return total;
}

/** The resource part on node `i`, from the memo when the node has not changed since it was computed. */
export function resourceValue(
  cols: Columns,
  entry: ScoreEntry,
  shape: PodShape,
  plan: ResourcePlan,
  opts: ResolvedOptions,
  i: number,
): number {
  const version = cols.version[i]!;
  if (entry.stamps[i] === version) return entry.values[i]!;
  const v = resourcePart(cols, shape, plan, opts, i);
  entry.values[i] = v;
  entry.stamps[i] = version;
  return v;
}

/** The memo of resource scores for `key` (request vector + options), created on first use. */
export function scoreEntry(internals: Internals, key: string): ScoreEntry {
  const scores = internals.memo.scores;
  let entry = scores.get(key);
  const n = internals.cols.size;
  if (entry === undefined || entry.values.length !== n) {
    if (scores.size >= MEMO_LIMIT) scores.clear();
    entry = { values: new Float64Array(n), stamps: new Float64Array(n), plan: undefined, planColumns: undefined };
    scores.set(key, entry);
  }
  return entry;
}
