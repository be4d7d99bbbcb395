import type { Internals, PlacementIndex } from './internals.js';
import { MEMO_LIMIT } from './internals.js';
import type { ResolvedOptions } from './options.js';
import type { PodContext } from './podContext.js';
import type { ResourcePlan } from './resourceScore.js';
import { resourcePlan, resourceValue, scoreEntry } from './resourceScore.js';
import { MAX_NODE_SCORE } from './scores/constants.js';

// The incremental form of "score every feasible node and take the best". For one pod shape (request
// vector, options, tolerations, node affinity, cordon toleration) an index holds every node's total score
// (−1 where the pod cannot go) and a tournament tree whose root is the best node — highest total, lowest
// index on ties, i.e. kube-scheduler's choice with a deterministic tie-break. A node's total only changes
// when the node changes, so each decision replays the node change log since the index was last used and
// rescores just those nodes (O(changes × log n)), instead of rescanning all nodes.
//
// NodeAffinity and TaintToleration normalise by the maximum raw score over the feasible nodes. The index
// normalises by the maximum over the nodes passing the taint and node-affinity filters, and counts the
// feasible nodes per raw value; when the feasible maximum differs from that (and is not 0), the totals could
// differ from kube-scheduler's, so the caller falls back to a full scan.

/** Placement answer (internal). */
export interface IndexedPlacement {
  readonly nodeIndex: number;
  readonly score: number;
  readonly feasible: number;
  readonly evaluated: number;
}

/** Per-call data for rescoring nodes (internal). */
interface Scorer {
  readonly internals: Internals;
  readonly ctx: PodContext;
  readonly opts: ResolvedOptions;
  readonly plan: ResourcePlan;
  readonly entry: ReturnType<typeof scoreEntry>;
}

/** Whether node `i` passes the taint and node-affinity filters (static: they never change for a node). */
function passesStatic(internals: Internals, ctx: PodContext, i: number): boolean {
  const cols = internals.cols;
  const u = ctx.tolerations.untolerated;
  if (u !== null && u[cols.taintClass[i]!]! >= 0) return false;
  const a = ctx.affinity;
  return a.matches === null || a.matches[a.perNode ? i : cols.labelClass[i]!] !== 0;
}

function preferOf(ctx: PodContext, internals: Internals, i: number): number {
  const p = ctx.tolerations.preferCount;
  return p === null ? 0 : p[internals.cols.taintClass[i]!]!;
}

function preferredOf(ctx: PodContext, internals: Internals, i: number): number {
  const p = ctx.affinity.preferred;
  if (p === null) return 0;
  return p[ctx.affinity.perNode ? i : internals.cols.labelClass[i]!]!;
}

/** Node `i`'s total with the index's normalisation, or −1. */
function total(sc: Scorer, index: PlacementIndex, i: number): number {
  const cols = sc.internals.cols;
  if (cols.unschedulable[i] === 1 && !sc.ctx.toleratesCordon) return -1;
  const term = index.staticTerm[i]!;
  if (term < 0) return -1;
  const v = resourceValue(cols, sc.entry, sc.ctx.shape, sc.plan, sc.opts, i);
  return v < 0 ? -1 : v + term;
}

/** The better of two nodes: higher leaf, then lower index (−1 is none). */
function better(leaf: Float64Array, a: number, b: number): number {
  if (a < 0) return b;
  if (b < 0) return a;
  const la = leaf[a]!;
  const lb = leaf[b]!;
  if (la > lb) return a;
  if (lb > la) return b;
  return Math.min(a, b);
}

function setLeaf(sc: Scorer, index: PlacementIndex, i: number, value: number): void {
  const old = index.leaf[i]!;
  const delta = (old >= 0 ? -1 : 0) + (value >= 0 ? 1 : 0);
  if (delta !== 0) {
    index.feasible += delta;
    const c = index.prefer === null ? 0 : index.prefer[i]!;
    const p = index.preferred === null ? 0 : index.preferred[i]!;
    index.preferFeasible[c] = index.preferFeasible[c]! + delta;
    index.preferredFeasible[p] = index.preferredFeasible[p]! + delta;
  }
  index.leaf[i] = value;
  index.leafStamp[i] = sc.internals.cols.version[i]!;
}

function build(sc: Scorer): PlacementIndex {
  const { internals, ctx, opts } = sc;
  const n = internals.cols.size;
  let size = 1;
  while (size < n) size *= 2;
  let maxPrefer = 0;
  let maxPreferred = 0;
  const staticTerm = new Float64Array(n).fill(-1);
  const prefer = ctx.tolerations.preferCount === null ? null : new Int32Array(n);
  const preferred = ctx.affinity.preferred === null ? null : new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (prefer !== null) prefer[i] = preferOf(ctx, internals, i);
    if (preferred !== null) preferred[i] = preferredOf(ctx, internals, i);
    if (!passesStatic(internals, ctx, i)) continue;
    staticTerm[i] = 0;
    if (prefer !== null) maxPrefer = Math.max(maxPrefer, prefer[i]!);
    if (preferred !== null) maxPreferred = Math.max(maxPreferred, preferred[i]!);
  }
  for (let i = 0; i < n; i++) {
    if (staticTerm[i]! < 0) continue;
    let term = 0;
    if (opts.taintWeight > 0) {
      const c = prefer === null ? 0 : prefer[i]!;
      term +=
        opts.taintWeight *
        (maxPrefer === 0 ? MAX_NODE_SCORE : MAX_NODE_SCORE - Math.floor((MAX_NODE_SCORE * c) / maxPrefer));
    }
    if (opts.affinityWeight > 0 && maxPreferred > 0) {
      term += opts.affinityWeight * Math.floor((MAX_NODE_SCORE * preferred![i]!) / maxPreferred);
    }
    staticTerm[i] = term;
  }
  const index: PlacementIndex = {
    size,
    leaf: new Float64Array(n).fill(-1),
    leafStamp: new Float64Array(n),
    best: new Int32Array(2 * size).fill(-1),
    preferFeasible: new Int32Array(maxPrefer + 1),
    preferredFeasible: new Int32Array(maxPreferred + 1),
    maxPrefer,
    maxPreferred,
    staticTerm,
    prefer,
    preferred,
    feasible: 0,
    syncedAt: 0,
  };
  for (let i = 0; i < n; i++) {
    setLeaf(sc, index, i, total(sc, index, i));
    index.best[size + i] = index.leaf[i]! >= 0 ? i : -1;
  }
  for (let t = size - 1; t >= 1; t--) index.best[t] = better(index.leaf, index.best[2 * t]!, index.best[2 * t + 1]!);
  return index;
}

function update(sc: Scorer, index: PlacementIndex, i: number): void {
  if (index.leafStamp[i] === sc.internals.cols.version[i]) return;
  setLeaf(sc, index, i, total(sc, index, i));
  const best = index.best;
  let t = index.size + i;
  best[t] = index.leaf[i]! >= 0 ? i : -1;
  for (t >>= 1; t >= 1; t >>= 1) {
    const before = best[t]!;
    const after = better(index.leaf, best[2 * t]!, best[2 * t + 1]!);
    best[t] = after;
    // Above a subtree whose winner is unchanged and is not node i, nothing can change.
    if (after === before && before !== i) return;
  }
}

function logPosition(internals: Internals): number {
  return internals.changeBase + internals.changes.length;
}

/** Brings `index` up to date with `internals`' change log (or rebuilds it when the log moved on too far). */
function sync(sc: Scorer, index: PlacementIndex): PlacementIndex {
  const internals = sc.internals;
  const position = logPosition(internals);
  if (index.syncedAt < internals.changeBase || position - index.syncedAt > internals.cols.size) {
    const fresh = build(sc);
    fresh.syncedAt = position;
    return fresh;
  }
  const changes = internals.changes;
  for (let j = index.syncedAt - internals.changeBase; j < changes.length; j++) update(sc, index, changes[j]!);
  index.syncedAt = position;
  return index;
}

function cloneIndex(index: PlacementIndex): PlacementIndex {
  return {
    ...index,
    leaf: index.leaf.slice(),
    leafStamp: index.leafStamp.slice(),
    best: index.best.slice(),
    preferFeasible: index.preferFeasible.slice(),
    preferredFeasible: index.preferredFeasible.slice(),
    syncedAt: 0,
  };
}

function scorer(internals: Internals, ctx: PodContext, opts: ResolvedOptions): Scorer {
  const shape = ctx.shape;
  const entry = scoreEntry(internals, `${shape.key}#${opts.cacheKey}`);
  return { internals, ctx, opts, plan: resourcePlan(internals.cols, shape, opts, entry), entry };
}

/** The synced index for `key` in `internals`; a scratch clones its parent's on first use. */
function indexFor(sc: Scorer, key: string): PlacementIndex {
  const internals = sc.internals;
  let index = internals.indexes.get(key);
  if (index === undefined) {
    const parent = internals.parent;
    if (parent !== undefined) {
      index = cloneIndex(indexFor(scorer(parent, sc.ctx, sc.opts), key));
    } else {
      index = build(sc);
      index.syncedAt = logPosition(internals);
    }
    if (internals.indexes.size >= MEMO_LIMIT) internals.indexes.clear();
  }
  const synced = sync(sc, index);
  internals.indexes.set(key, synced);
  return synced;
}

/**
 * The best node from the placement index, or `undefined` when the index's normalisation could differ
 * from kube-scheduler's for this pod right now (then scan instead).
 */
export function placeIndexed(
  internals: Internals,
  ctx: PodContext,
  opts: ResolvedOptions,
): IndexedPlacement | undefined {
  const cols = internals.cols;
  const shape = ctx.shape;
  const sc = scorer(internals, ctx, opts);
  const key = `${shape.key}#${opts.indexKey}#${ctx.tolerations.key}#${ctx.affinity.key}#${ctx.toleratesCordon ? 1 : 0}`;
  const index = indexFor(sc, key);
  const best = index.best[1]!;
  const n = cols.size;
  if (best < 0) return { nodeIndex: -1, score: Number.NEGATIVE_INFINITY, feasible: 0, evaluated: n };
  if (opts.taintWeight > 0 && index.maxPrefer > 0 && index.preferFeasible[index.maxPrefer] === 0) {
    let any = false;
    for (let c = 1; c < index.maxPrefer; c++) if (index.preferFeasible[c]! > 0) any = true;
    if (any) return undefined;
  }
  if (opts.affinityWeight > 0 && index.maxPreferred > 0 && index.preferredFeasible[index.maxPreferred] === 0) {
    let any = false;
    for (let p = 1; p < index.maxPreferred; p++) if (index.preferredFeasible[p]! > 0) any = true;
    if (any) return undefined;
  }
  return { nodeIndex: best, score: index.leaf[best]!, feasible: index.feasible, evaluated: n };
}
