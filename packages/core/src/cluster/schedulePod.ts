import type { Pod } from '../model/index.js';
import { BATCH_CPU, BATCH_MEMORY, CPU, MEMORY } from '../resources/index.js';
import type { ClusterView } from './ClusterView.js';
import type { PodDecision } from './decision.js';
import type { Columns, Internals } from './internals.js';
import { feasibleNodesToFind, type ResolvedOptions } from './options.js';
import { placeIndexed } from './placementIndex.js';
import type { PodContext } from './podContext.js';
import { podContext } from './podContext.js';
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
import { resourcePlan, resourceValue, scoreEntry } from './resourceScore.js';
import { MAX_NODE_SCORE } from './scores/constants.js';

// The fast single-pod path: kube-scheduler's Filter and Score over struct-of-arrays columns.
// Filters, in the framework's order: NodeUnschedulable, TaintToleration, NodeAffinity (all per node class,
// precomputed per pod), NodeResourcesFit (columns). The resource part of the score (NodeResourcesFit
// strategy + BalancedAllocation) is memoised per (request vector, options) and per node version, so a
// node is rescored only after it changed; NodeAffinity, TaintToleration and user plugins are normalised
// over the feasible nodes of each decision as in the framework.

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
 * refreshes memoised scores of changed nodes.
 *
 * With kube-scheduler's defaults (every feasible node scored, filtering from node 0, no random tie-break,
 * no user plugin) the answer comes from a placement index that keeps every node's total current and
 * its argmax in a tournament tree; otherwise every node is filtered and scored in turn.
 */
export function placePod(view: ClusterView, internals: Internals, ctx: PodContext, opts: ResolvedOptions): Placement {
  const n = internals.cols.size;
  if (
    n > 0 &&
    opts.plugins.length === 0 &&
    opts.random === undefined &&
    opts.startNodeIndex % n === 0 &&
    feasibleNodesToFind(opts.percentage, n) >= n
  ) {
    const placement = placeIndexed(internals, ctx, opts);
    if (placement !== undefined) return placement;
  }
  return placeByScan(view, internals, ctx, opts);
}

/** Filter + score every node in evaluation order (the general path). */
function placeByScan(view: ClusterView, internals: Internals, ctx: PodContext, opts: ResolvedOptions): Placement {
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
  const entry = scoreEntry(internals, `${shape.key}#${opts.cacheKey}`);
  const values = entry.values;
  const plan = resourcePlan(cols, shape, opts, entry);
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
    const v = resourceValue(cols, entry, shape, plan, opts, i);
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

/** Bits of a NodeResourcesFit failure mask (internal): which check failed, and whether any is unresolvable. */
export const FIT_PODS = 1;
export const FIT_CPU = 2;
export const FIT_MEMORY = 4;
export const FIT_BATCH_CPU = 8;
export const FIT_BATCH_MEMORY = 16;
/** Extended resource k of the pod's shape is bit `FIT_EXT_SHIFT + k`. */
export const FIT_EXT_SHIFT = 5;
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
  const taintCounts = new Map<number, number>();
  const tally = newTally(ctx.shape);
  let cordoned = 0;
  let affinity = 0;
  const u = ctx.tolerations.untolerated;
  const m = ctx.affinity.matches;
  const perNode = ctx.affinity.perNode;
  for (let i = 0; i < n; i++) {
    if (ctx.skipCordoned && cols.unschedulable[i] === 1) {
      codes[i] = 2;
      cordoned++;
      continue;
    }
    const tc = cols.taintClass[i]!;
    if (u !== null && u[tc]! >= 0) {
      codes[i] = 2;
      taintCounts.set(tc, (taintCounts.get(tc) ?? 0) + 1);
      continue;
    }
    if (m !== null && m[perNode ? i : cols.labelClass[i]!] === 0) {
      codes[i] = 2;
      affinity++;
      continue;
    }
    const mask = fitMask(cols, ctx.shape, i, 0, 0, 0, 0, 0, null);
    codes[i] = maskCode(mask);
    if (mask !== 0) tallyMask(tally, mask);
  }
  if (cordoned > 0) counts.set(REASON_NODE_UNSCHEDULABLE, cordoned);
  for (const [tc, count] of taintCounts) {
    const reason = untoleratedTaintReason(internals.memo.taintClasses[tc]![u![tc]!]!);
    counts.set(reason, (counts.get(reason) ?? 0) + count);
  }
  if (affinity > 0) counts.set(REASON_NODE_AFFINITY, affinity);
  tallyReasons(ctx.shape, tally, counts);
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
    const outcome = preemptPod(internals, ctx, diagnosis.codes, opts);
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
