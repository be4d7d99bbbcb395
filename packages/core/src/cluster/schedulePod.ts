import type { Pod } from '../model/index.js';
import { BATCH_CPU, BATCH_MEMORY, CPU, MEMORY, PODS } from '../resources/index.js';
import type { ClusterView } from './ClusterView.js';
import type { PodDecision } from './decision.js';
import { toleratesUnschedulable } from './filters.js';
import type { AffinityResult, Columns, Internals, ScoreEntry, TolerationResult } from './internals.js';
import { MEMO_LIMIT } from './internals.js';
import { feasibleNodesToFind, type ResolvedOptions } from './options.js';
import { preemptPod } from './preemption.js';
import {
  insufficientReason,
  REASON_NODE_AFFINITY,
  REASON_NODE_UNSCHEDULABLE,
  REASON_TOO_MANY_PODS,
  summarizeReasons,
  untoleratedTaintReason,
  withPreemptionMessage,
} from './reasons.js';
import type { PodShape } from './requests.js';
import { podShape } from './requests.js';
import { MAX_NODE_SCORE } from './scores/constants.js';
import { affinityResult, tolerationResult } from './staticFilters.js';

// The fast single-pod path: kube-scheduler's Filter and Score over struct-of-arrays columns.
// Filters, in the framework's order: NodeUnschedulable, TaintToleration, NodeAffinity (all per node class,
// precomputed per pod), NodeResourcesFit (columns). The resource part of the score (NodeResourcesFit
// strategy + BalancedAllocation) is memoised per (request vector, options) and per node version, so a
// node is rescored only after it changed; NodeAffinity, TaintToleration and user plugins are normalised
// over the feasible nodes of each decision as in the framework.

/** Everything the per-node loop needs about one pod (internal). */
export interface PodContext {
  readonly pod: Pod;
  readonly shape: PodShape;
  readonly tolerations: TolerationResult;
  readonly affinity: AffinityResult;
  /** Whether cordoned nodes must be skipped. */
  readonly skipCordoned: boolean;
}

/** Precomputes a pod's context against a view's node classes. */
export function podContext(internals: Internals, pod: Pod): PodContext {
  return {
    pod,
    shape: podShape(pod),
    tolerations: tolerationResult(internals, pod),
    affinity: affinityResult(internals, pod),
    skipCordoned: internals.memo.cordoned > 0 && !toleratesUnschedulable(pod.tolerations),
  };
}

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
interface ResourcePlan {
  readonly fit: readonly Slot[];
  readonly balanced: readonly Slot[];
  readonly extAlloc: readonly (ArrayLike<number> | undefined)[];
  readonly extReq: readonly (ArrayLike<number> | undefined)[];
}

function resourcePlan(cols: Columns, shape: PodShape, opts: ResolvedOptions): ResourcePlan {
  return {
    fit: opts.fitWeight > 0 ? fitSlots(cols, shape, opts) : [],
    balanced: opts.balancedWeight > 0 ? balancedSlots(cols, shape, opts) : [],
    extAlloc: shape.extNames.map((n) => cols.extendedAllocatable.get(n)),
    extReq: shape.extNames.map((n) => cols.extendedRequested.get(n)),
  };
}

/**
 * NodeResourcesFit filter on node `i` plus the weighted resource scores, or −1 when the pod does not fit
 * (noderesources/fit.go `fitsRequest`: pod count, then each requested resource against allocatable − requested).
 */
function resourcePart(cols: Columns, s: PodShape, plan: ResourcePlan, opts: ResolvedOptions, i: number): number {
  if (cols.requestedPods[i]! + 1 > cols.allocatablePods[i]!) return -1;
  if (s.cpu > 0 && s.cpu > cols.allocatableCpu[i]! - cols.requestedCpu[i]!) return -1;
  if (s.memory > 0 && s.memory > cols.allocatableMemory[i]! - cols.requestedMemory[i]!) return -1;
  if (s.batchCpu > 0 && s.batchCpu > cols.allocatableBatchCpu[i]! - cols.requestedBatchCpu[i]!) return -1;
  if (s.batchMemory > 0 && s.batchMemory > cols.allocatableBatchMemory[i]! - cols.requestedBatchMemory[i]!) return -1;
  for (let k = 0; k < s.extAmounts.length; k++) {
    const amount = s.extAmounts[k]!;
    if (amount > 0 && amount > (plan.extAlloc[k]?.[i] ?? 0) - (plan.extReq[k]?.[i] ?? 0)) return -1;
  }
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

function scoreEntry(internals: Internals, key: string): ScoreEntry {
  const scores = internals.memo.scores;
  let entry = scores.get(key);
  const n = internals.cols.size;
  if (entry === undefined || entry.values.length !== n) {
    if (scores.size >= MEMO_LIMIT) scores.clear();
    entry = { values: new Float64Array(n), stamps: new Float64Array(n) };
    scores.set(key, entry);
  }
  return entry;
}

/** Outcome of Filter + Score (internal): the chosen node, or −1 when no node is feasible. */
export interface Placement {
  readonly nodeIndex: number;
  readonly score: number;
  readonly feasible: number;
  readonly evaluated: number;
}

/**
 * Runs Filter and Score for one pod and picks the best node (highest total; ties to the first in
 * evaluation order, or by reservoir sampling over `opts.random`). Never mutates the view's data; it
 * refreshes memoised resource scores of changed nodes.
 */
export function placePod(view: ClusterView, internals: Internals, ctx: PodContext, opts: ResolvedOptions): Placement {
  const cols = internals.cols;
  const n = cols.size;
  const toFind = feasibleNodesToFind(opts.percentage, n);
  const start = n === 0 ? 0 : opts.startNodeIndex % n;
  const { shape, tolerations, affinity, skipCordoned } = ctx;
  const untolerated = tolerations.untolerated;
  const matches = affinity.matches;
  const perNode = affinity.perNode;
  const taintClass = cols.taintClass;
  const labelClass = cols.labelClass;
  const cordon = cols.unschedulable;
  const version = cols.version;
  const entry = scoreEntry(internals, `${shape.key}#${opts.cacheKey}`);
  const values = entry.values;
  const stamps = entry.stamps;
  const plan = resourcePlan(cols, shape, opts);
  const preferCount = opts.taintWeight > 0 ? tolerations.preferCount : null;
  const preferred = opts.affinityWeight > 0 ? affinity.preferred : null;
  const twoPass = preferCount !== null || preferred !== null || opts.plugins.length > 0;
  // Without PreferNoSchedule counts every node normalises to 100 (reverse); without preferred terms to 0.
  const constant = opts.taintWeight * MAX_NODE_SCORE;
  const random = opts.random;
  const feasibleIdx = twoPass ? new Int32Array(Math.min(n, toFind)) : undefined;
  let feasible = 0;
  let evaluated = 0;
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  let ties = 0;
  for (let k = 0; k < n; k++) {
    let i = start + k;
    if (i >= n) i -= n;
    evaluated++;
    if (skipCordoned && cordon[i] === 1) continue;
    if (untolerated !== null && untolerated[taintClass[i]!]! >= 0) continue;
    if (matches !== null && matches[perNode ? i : labelClass[i]!] === 0) continue;
    let v: number;
    if (stamps[i] === version[i]) v = values[i]!;
    else {
      v = resourcePart(cols, shape, plan, opts, i);
      values[i] = v;
      stamps[i] = version[i]!;
    }
    if (v < 0) continue;
    if (feasibleIdx !== undefined) feasibleIdx[feasible] = i;
    else {
      const total = v + constant;
      if (total > bestScore) {
        bestScore = total;
        best = i;
        ties = 1;
      } else if (random !== undefined && total === bestScore) {
        ties++;
        if (random() * ties < 1) best = i;
      }
    }
    feasible++;
    if (feasible >= toFind) break;
  }
  if (feasibleIdx === undefined || feasible === 0) return { nodeIndex: best, score: bestScore, feasible, evaluated };

  // Second pass: normalise NodeAffinity / TaintToleration / plugins over the feasible nodes.
  let maxPrefer = 0;
  let maxPreferred = 0;
  for (let f = 0; f < feasible; f++) {
    const i = feasibleIdx[f]!;
    if (preferCount !== null) maxPrefer = Math.max(maxPrefer, preferCount[taintClass[i]!]!);
    if (preferred !== null) maxPreferred = Math.max(maxPreferred, preferred[perNode ? i : labelClass[i]!]!);
  }
  const pluginScores = opts.plugins.map((plugin) => {
    const raw = new Float64Array(feasible);
    let max = 0;
    for (let f = 0; f < feasible; f++) {
      const s = Math.trunc(plugin.score(ctx.pod, feasibleIdx[f]!, view));
      raw[f] = s;
      if (s > max) max = s;
    }
    const mode = plugin.normalize ?? 'none';
    if (mode !== 'none') {
      for (let f = 0; f < feasible; f++) {
        if (max === 0) raw[f] = mode === 'reverse-max' ? MAX_NODE_SCORE : 0;
        else {
          const s = Math.floor((MAX_NODE_SCORE * raw[f]!) / max);
          raw[f] = mode === 'reverse-max' ? MAX_NODE_SCORE - s : s;
        }
      }
    }
    return { raw, weight: plugin.weight ?? 1 };
  });
  for (let f = 0; f < feasible; f++) {
    const i = feasibleIdx[f]!;
    let total = values[i]!;
    if (opts.taintWeight > 0) {
      const count = preferCount === null ? 0 : preferCount[taintClass[i]!]!;
      total +=
        opts.taintWeight *
        (maxPrefer === 0 ? MAX_NODE_SCORE : MAX_NODE_SCORE - Math.floor((MAX_NODE_SCORE * count) / maxPrefer));
    }
    if (preferred !== null && maxPreferred > 0) {
      total +=
        opts.affinityWeight * Math.floor((MAX_NODE_SCORE * preferred[perNode ? i : labelClass[i]!]!) / maxPreferred);
    }
    for (const p of pluginScores) total += p.weight * p.raw[f]!;
    if (total > bestScore) {
      bestScore = total;
      best = i;
      ties = 1;
    } else if (random !== undefined && total === bestScore) {
      ties++;
      if (random() * ties < 1) best = i;
    }
  }
  return { nodeIndex: best, score: bestScore, feasible, evaluated };
}

/** Status of a node for a pod (internal): 0 fits, 1 fails for a reason preemption may fix, 2 it cannot. */
export type NodeStatusCode = 0 | 1 | 2;

/** Per-node filter statuses and aggregated reasons for a pod that fits nowhere (internal). */
export interface Diagnosis {
  readonly codes: Uint8Array;
  readonly counts: Map<string, number>;
}

function bump(counts: Map<string, number>, reason: string): void {
  counts.set(reason, (counts.get(reason) ?? 0) + 1);
}

/**
 * NodeResourcesFit reasons on node `i` with `freed` amounts released per resource of the pod (victims
 * removed) and `freedPods` pods removed. Pushes reasons; returns 0 (fits), 1 or 2 (unresolvable: a request
 * exceeds the node's allocatable even when empty).
 */
export function fitReasons(
  cols: Columns,
  s: PodShape,
  i: number,
  out: string[] | undefined,
  freedPods = 0,
  freed?: (name: string) => number,
): NodeStatusCode {
  let code: NodeStatusCode = 0;
  const check = (name: string, amount: number, alloc: number, req: number): void => {
    if (amount <= 0) return;
    const free = alloc - req + (freed === undefined ? 0 : freed(name));
    if (amount > free) {
      out?.push(insufficientReason(name));
      if (amount > alloc) code = 2;
      else if (code === 0) code = 1;
    }
  };
  if (cols.requestedPods[i]! - freedPods + 1 > cols.allocatablePods[i]!) {
    out?.push(REASON_TOO_MANY_PODS);
    code = 1;
  }
  check(CPU, s.cpu, cols.allocatableCpu[i]!, cols.requestedCpu[i]!);
  check(MEMORY, s.memory, cols.allocatableMemory[i]!, cols.requestedMemory[i]!);
  check(BATCH_CPU, s.batchCpu, cols.allocatableBatchCpu[i]!, cols.requestedBatchCpu[i]!);
  check(BATCH_MEMORY, s.batchMemory, cols.allocatableBatchMemory[i]!, cols.requestedBatchMemory[i]!);
  for (let k = 0; k < s.extNames.length; k++) {
    const name = s.extNames[k]!;
    check(
      name,
      s.extAmounts[k]!,
      cols.extendedAllocatable.get(name)?.[i] ?? 0,
      cols.extendedRequested.get(name)?.[i] ?? 0,
    );
  }
  return code;
}

/** Whether the static filters (cordon, taints, node affinity) pass on node `i`. */
export function passesStaticFilters(internals: Internals, ctx: PodContext, i: number): boolean {
  const cols = internals.cols;
  if (ctx.skipCordoned && cols.unschedulable[i] === 1) return false;
  const u = ctx.tolerations.untolerated;
  if (u !== null && u[cols.taintClass[i]!]! >= 0) return false;
  const m = ctx.affinity.matches;
  return !(m !== null && m[ctx.affinity.perNode ? i : cols.labelClass[i]!] === 0);
}

/**
 * Runs every filter on every node in the framework's order and records the first failing plugin's
 * reasons per node (FitError's histogram) and whether preemption could help there.
 */
export function diagnose(internals: Internals, ctx: PodContext): Diagnosis {
  const cols = internals.cols;
  const n = cols.size;
  const codes = new Uint8Array(n);
  const counts = new Map<string, number>();
  const taintReasons = new Map<number, string>();
  const reasons: string[] = [];
  for (let i = 0; i < n; i++) {
    if (ctx.skipCordoned && cols.unschedulable[i] === 1) {
      codes[i] = 2;
      bump(counts, REASON_NODE_UNSCHEDULABLE);
      continue;
    }
    const u = ctx.tolerations.untolerated;
    const tc = cols.taintClass[i]!;
    if (u !== null && u[tc]! >= 0) {
      codes[i] = 2;
      let reason = taintReasons.get(tc);
      if (reason === undefined) {
        reason = untoleratedTaintReason(internals.memo.taintClasses[tc]![u[tc]!]!);
        taintReasons.set(tc, reason);
      }
      bump(counts, reason);
      continue;
    }
    const m = ctx.affinity.matches;
    if (m !== null && m[ctx.affinity.perNode ? i : cols.labelClass[i]!] === 0) {
      codes[i] = 2;
      bump(counts, REASON_NODE_AFFINITY);
      continue;
    }
    reasons.length = 0;
    codes[i] = fitReasons(cols, ctx.shape, i, reasons);
    for (const r of reasons) bump(counts, r);
  }
  return { codes, counts };
}

/** The full single-pod decision on a view: bind, else preempt (if enabled), else unschedulable. */
export function schedulePodFast(view: ClusterView, internals: Internals, pod: Pod, opts: ResolvedOptions): PodDecision {
  const ctx = podContext(internals, pod);
  const placement = placePod(view, internals, ctx, opts);
  if (placement.nodeIndex >= 0) {
    return {
      kind: 'bind',
      scope: 'pod',
      pod,
      nodeName: internals.nodes[placement.nodeIndex]!.name,
      nodeIndex: placement.nodeIndex,
      score: placement.score,
      feasibleNodes: placement.feasible,
      evaluatedNodes: placement.evaluated,
    };
  }
  const diagnosis = diagnose(internals, ctx);
  const summary = summarizeReasons(internals.cols.size, diagnosis.counts);
  if (opts.preemption && internals.cols.size > 0) {
    const outcome = preemptPod(internals, ctx, diagnosis.codes);
    if (outcome.kind === 'preempt') {
      return {
        kind: 'preempt',
        scope: 'pod',
        pod,
        nodeName: internals.nodes[outcome.nodeIndex]!.name,
        nodeIndex: outcome.nodeIndex,
        victims: outcome.victims,
        pdbViolations: outcome.pdbViolations,
        reasons: summary.reasons,
        message: summary.message,
      };
    }
    return {
      kind: 'unschedulable',
      scope: 'pod',
      pod,
      reasons: summary.reasons,
      message: withPreemptionMessage(summary.message, outcome.message),
      evaluatedNodes: placement.evaluated,
    };
  }
  return {
    kind: 'unschedulable',
    scope: 'pod',
    pod,
    reasons: summary.reasons,
    message: summary.message,
    evaluatedNodes: placement.evaluated,
  };
}
