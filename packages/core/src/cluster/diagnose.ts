import type { Internals } from './internals.js';
import { fitMask, maskCode, newTally, tallyMask, tallyReasons } from './nodeResourcesFit.js';
import type { PodContext } from './podContext.js';
import { REASON_NODE_AFFINITY, REASON_NODE_UNSCHEDULABLE, untoleratedTaintReason } from './reasons.js';

// Why a pod fits nowhere: every filter on every node in the framework's order (NodeUnschedulable,
// TaintToleration, NodeAffinity, NodeResourcesFit), the first failing plugin's reasons per node, and
// whether preemption could help there (status Unschedulable vs UnschedulableAndUnresolvable).

/** Per-node filter statuses and aggregated reasons for a pod that fits nowhere (internal). */
export interface Diagnosis {
  readonly codes: Uint8Array;
  readonly counts: Map<string, number>;
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
