import type { Pod } from '../model/index.js';
import type { ClusterView } from './ClusterView.js';
import type { PodDecision } from './decision.js';
import { diagnose } from './diagnose.js';
import type { Internals } from './internals.js';
import { feasibleNodesToFind, type ResolvedOptions } from './options.js';
import { placeIndexed } from './placementIndex.js';
import type { PodContext } from './podContext.js';
import { podContext } from './podContext.js';
import { preemptPod } from './preemption.js';
import { summarizeReasons, withPreemptionMessage } from './reasons.js';
import { resourcePart, resourcePlan, resourceValue, scoreEntry } from './resourceScore.js';
import { MAX_NODE_SCORE } from './scores/constants.js';

// The fast single-pod path: kube-scheduler's Filter and Score over struct-of-arrays columns.
// Filters, in the framework's order: NodeUnschedulable, TaintToleration, NodeAffinity (all per node class,
// precomputed per pod), NodeResourcesFit (columns). The resource part of the score (NodeResourcesFit
// strategy + BalancedAllocation) is memoised per (request vector, options) and per node version, so a
// node is rescored only after it changed; NodeAffinity, TaintToleration and user plugins are normalised
// over the feasible nodes of each decision as in the framework. With the default options the best node
// comes from a placement index (placementIndex.ts) instead of a scan.

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
  // A request vector seen for the first time is scored without building memo tables: one-off pod sizes
  // would only pay for tables they never reuse.
  const memo = internals.memo;
  const entryKey = `${ctx.shape.key}#${opts.cacheKey}`;
  if (!memo.scores.has(entryKey) && !memo.seen.has(entryKey)) {
    if (memo.seen.size >= SEEN_LIMIT) memo.seen.clear();
    memo.seen.add(entryKey);
    return placeByScan(view, internals, ctx, opts, false);
  }
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
  return placeByScan(view, internals, ctx, opts, true);
}

const NO_VALUES = new Float64Array(0);

/** Request vectors remembered as seen once. */
const SEEN_LIMIT = 4096;

/** Filter + score every node in evaluation order (the general path); `memoise` keeps the resource scores. */
function placeByScan(
  view: ClusterView,
  internals: Internals,
  ctx: PodContext,
  opts: ResolvedOptions,
  memoise: boolean,
): Placement {
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
  const entry = memoise ? scoreEntry(internals, `${shape.key}#${opts.cacheKey}`) : undefined;
  const plan = resourcePlan(cols, shape, opts, entry);
  const preferCount = opts.taintWeight > 0 ? tolerations.preferCount : null;
  const preferred = opts.affinityWeight > 0 ? affinity.preferred : null;
  const twoPass = preferCount !== null || preferred !== null || opts.plugins.length > 0;
  // Resource scores of this decision (the memo's own array when memoising; only needed for a second pass).
  const values = entry !== undefined ? entry.values : twoPass ? new Float64Array(n) : NO_VALUES;
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
    const v =
      entry === undefined ? resourcePart(cols, shape, plan, opts, i) : resourceValue(cols, entry, shape, plan, opts, i);
    if (v < 0) continue;
    if (entry === undefined && twoPass) values[i] = v;
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
