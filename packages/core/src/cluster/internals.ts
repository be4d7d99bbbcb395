import type { Node, Pod, StringMap, Taint } from '../model/index.js';
import type { ResourceList, ResourceName } from '../resources/index.js';
import { BATCH_CPU, BATCH_MEMORY, CPU, MEMORY, PODS } from '../resources/index.js';
import type { ClusterColumns, ClusterView } from './ClusterView.js';
import type { PodDisruptionBudget } from './PodDisruptionBudget.js';
import { nonZeroRequest } from './requests.js';

// The machinery behind ClusterView: struct-of-arrays columns, per-node pod lists, node classes (nodes
// with identical taints, or identical labels, share a class so a pod's taint and selector checks run once
// per class) and memo tables. Internal to the cluster folder.

/** Writable columns (the public ClusterColumns is the read-only face of this). */
export interface Columns extends ClusterColumns {
  readonly allocatableCpu: Float64Array;
  readonly allocatableMemory: Float64Array;
  readonly allocatablePods: Float64Array;
  readonly allocatableBatchCpu: Float64Array;
  readonly allocatableBatchMemory: Float64Array;
  readonly requestedCpu: Float64Array;
  readonly requestedMemory: Float64Array;
  readonly requestedPods: Float64Array;
  readonly requestedBatchCpu: Float64Array;
  readonly requestedBatchMemory: Float64Array;
  readonly nonZeroRequestedCpu: Float64Array;
  readonly nonZeroRequestedMemory: Float64Array;
  readonly unschedulable: Uint8Array;
  readonly extendedAllocatable: Map<ResourceName, Float64Array>;
  readonly extendedRequested: Map<ResourceName, Float64Array>;
  /** Per node: class of its taint list / of its label set. */
  readonly taintClass: Int32Array;
  readonly labelClass: Int32Array;
  /** Per node: stamp of its last change (from the shared clock); cached scores carry the stamp they saw. */
  readonly version: Float64Array;
  /**
   * Per node: which main allocatable entries were patched since the node's allocatable was last replaced
   * (bits {@link PATCH_BITS}), plus {@link STALE} while its Node object lacks them (see {@link nodeAt}).
   */
  readonly allocatablePatched: Uint8Array;
}

/** Cached resource part of the score for one pod request vector and option set. */
export interface ScoreEntry {
  /** Per node: weighted NodeResourcesFit + BalancedAllocation score, or −1 when the resources do not fit. */
  readonly values: Float64Array;
  /** Per node: the node version the value was computed at (0 = never). */
  readonly stamps: Float64Array;
  /** The scoring plan last built for these columns (reused when the pod requests no extended resource). */
  plan: unknown;
  planColumns: Columns | undefined;
}

/** Per-pod results of the static filters, per node class (see staticFilters.ts). */
export interface TolerationResult {
  /** Memo key (the tolerations). */
  readonly key: string;
  /** Per taint class: index of the first untolerated NoSchedule/NoExecute taint, or −1; null when all pass. */
  readonly untolerated: Int32Array | null;
  /** Per taint class: intolerable PreferNoSchedule taints; null when all are 0. */
  readonly preferCount: Int32Array | null;
}

/** Per-pod node-affinity results, per label class (or per node when the pod uses `matchFields`). */
export interface AffinityResult {
  /** Memo key (nodeSelector and node affinity). */
  readonly key: string;
  /** 1 when nodeSelector and required affinity match; null when every node matches. */
  readonly matches: Uint8Array | null;
  /** Preferred-term weight sums; null when all are 0. */
  readonly preferred: Int32Array | null;
  /** Whether the arrays are indexed by node rather than by label class. */
  readonly perNode: boolean;
}

/** Memo tables shared by a state and the scratch views made from it. */
export interface Memo {
  taintClasses: (readonly Taint[])[];
  taintClassIds: Map<string, number>;
  labelClasses: StringMap[];
  labelClassIds: Map<string, number>;
  cordoned: number;
  readonly tolerations: Map<string, TolerationResult>;
  readonly affinities: Map<string, AffinityResult>;
  readonly scores: Map<string, ScoreEntry>;
  /** Request vectors seen once: memo tables are only built from the second sighting on. */
  readonly seen: Set<string>;
}

/**
 * Incremental argmax of the node scores for one (request vector, options, tolerations/affinity): a
 * tournament tree over node indices, kept current by replaying the node change log (see placementIndex.ts).
 */
export interface PlacementIndex {
  /** Power of two ≥ node count (tree leaves). */
  readonly size: number;
  /** Per node: total score, or −1 when the pod cannot go there. */
  readonly leaf: Float64Array;
  /** Per node: the node version the leaf was computed at. */
  readonly leafStamp: Float64Array;
  /** Tree: best node of each subtree (−1 none); root at 1, leaves at size + i. */
  readonly best: Int32Array;
  /** Feasible nodes per intolerable-PreferNoSchedule count, and per preferred-affinity weight sum. */
  readonly preferFeasible: Int32Array;
  readonly preferredFeasible: Int32Array;
  /** Maximum count / weight sum over the nodes passing the taint and affinity filters. */
  readonly maxPrefer: number;
  readonly maxPreferred: number;
  /** Per node: the normalised TaintToleration + NodeAffinity part of the total, or −1 when those filters fail. */
  readonly staticTerm: Float64Array;
  /** Per node: raw intolerable PreferNoSchedule count and preferred-affinity sum (null when all 0). */
  readonly prefer: Int32Array | null;
  readonly preferred: Int32Array | null;
  feasible: number;
  /** Change-log position this index reflects. */
  syncedAt: number;
}

/** Everything a view reads. */
export interface Internals {
  /** Replaced (not resized) when a node is added. */
  cols: Columns;
  /** Node objects; a stale one lacks its allocatable patches (read nodes via {@link nodeAt}). */
  readonly nodes: Node[];
  /** Per node: patched extended-resource allocatable entries since its last full replacement (rare). */
  readonly extendedPatches: Map<number, Record<string, number>>;
  readonly nameToIndex: Map<string, number>;
  readonly podsByNode: Pod[][];
  pdbs: readonly PodDisruptionBudget[];
  readonly memo: Memo;
  /** Monotonic stamp source, shared with scratch views so stamps never collide. */
  readonly clock: { value: number };
  /** Indices of nodes changed since position `changeBase` (the change log). */
  changes: number[];
  /** Log position of `changes[0]`. */
  changeBase: number;
  /** Placement indexes over this internals' data (a scratch has its own). */
  readonly indexes: Map<string, PlacementIndex>;
  /** For a scratch: the internals it was copied from (its indexes are cloned on first use). */
  readonly parent: Internals | undefined;
}

/** Where a view keeps its internals (not exported from the package). */
export const INTERNALS: unique symbol = Symbol('gleaner.cluster.internals');

const MAIN_RESOURCES = new Set<string>([CPU, MEMORY, PODS, BATCH_CPU, BATCH_MEMORY]);

/** Bits of `allocatablePatched`: which main allocatable entry a node had patched. */
export const PATCH_BITS = { cpu: 1, memory: 2, pods: 4, batchCpu: 8, batchMemory: 16 } as const;
/** Bit of `allocatablePatched`: the node's object does not show its patches yet. */
export const STALE = 128;

/** Memo tables bigger than this are dropped wholesale (bounded memory, still exact). */
export const MEMO_LIMIT = 64;

/** A fresh version stamp from the clock a state shares with its scratch copies. */
export function newStamp(internals: Internals): number {
  internals.clock.value += 1;
  return internals.clock.value;
}

/** Records that node `i` changed: a new version stamp and a change-log entry. */
export function touch(internals: Internals, i: number): void {
  internals.cols.version[i] = newStamp(internals);
  const changes = internals.changes;
  changes.push(i);
  // Keep the log bounded: indexes that fall behind the base rebuild from scratch.
  if (changes.length > 4 * internals.cols.size + 4096) {
    internals.changeBase += changes.length;
    internals.changes = [];
  }
}

function taintKey(taints: readonly Taint[]): string {
  return JSON.stringify(taints.map((t) => [t.key, t.value ?? '', t.effect]));
}

function labelKey(labels: StringMap): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
  );
}

/** The class id of a node's taints/labels, creating the class (and dropping class-indexed memos) if new. */
function classify(memo: Memo, node: Node): [number, number] {
  const tk = taintKey(node.taints);
  let t = memo.taintClassIds.get(tk);
  if (t === undefined) {
    t = memo.taintClasses.length;
    memo.taintClasses.push(node.taints);
    memo.taintClassIds.set(tk, t);
    memo.tolerations.clear();
  }
  const lk = labelKey(node.labels);
  let l = memo.labelClassIds.get(lk);
  if (l === undefined) {
    l = memo.labelClasses.length;
    memo.labelClasses.push(node.labels);
    memo.labelClassIds.set(lk, l);
    memo.affinities.clear();
  }
  return [t, l];
}

function column(n: number): Float64Array {
  return new Float64Array(n);
}

function writeAllocatable(cols: Columns, i: number, allocatable: ResourceList): void {
  cols.allocatableCpu[i] = allocatable[CPU] ?? 0;
  cols.allocatableMemory[i] = allocatable[MEMORY] ?? 0;
  cols.allocatablePods[i] = allocatable[PODS] ?? 0;
  cols.allocatableBatchCpu[i] = allocatable[BATCH_CPU] ?? 0;
  cols.allocatableBatchMemory[i] = allocatable[BATCH_MEMORY] ?? 0;
  for (const col of cols.extendedAllocatable.values()) col[i] = 0;
  for (const name in allocatable) {
    if (MAIN_RESOURCES.has(name)) continue;
    let col = cols.extendedAllocatable.get(name);
    if (col === undefined) {
      col = column(cols.size);
      cols.extendedAllocatable.set(name, col);
    }
    col[i] = allocatable[name]!;
  }
}

/** Adds (`sign` 1) or subtracts (−1) a pod's requests on node `i` and stamps the node. */
export function accountPod(internals: Internals, pod: Pod, i: number, sign: 1 | -1): void {
  const cols = internals.cols;
  const r = pod.requests;
  cols.requestedPods[i] = cols.requestedPods[i]! + sign;
  for (const name in r) {
    const amount = r[name]!;
    if (amount === 0) continue;
    switch (name) {
      case CPU:
        cols.requestedCpu[i] = cols.requestedCpu[i]! + sign * amount;
        break;
      case MEMORY:
        cols.requestedMemory[i] = cols.requestedMemory[i]! + sign * amount;
        break;
      case BATCH_CPU:
        cols.requestedBatchCpu[i] = cols.requestedBatchCpu[i]! + sign * amount;
        break;
      case BATCH_MEMORY:
        cols.requestedBatchMemory[i] = cols.requestedBatchMemory[i]! + sign * amount;
        break;
      case PODS:
        break;
      default: {
        let col = cols.extendedRequested.get(name);
        if (col === undefined) {
          col = column(cols.size);
          cols.extendedRequested.set(name, col);
        }
        col[i] = col[i]! + sign * amount;
      }
    }
  }
  cols.nonZeroRequestedCpu[i] = cols.nonZeroRequestedCpu[i]! + sign * nonZeroRequest(pod, CPU);
  cols.nonZeroRequestedMemory[i] = cols.nonZeroRequestedMemory[i]! + sign * nonZeroRequest(pod, MEMORY);
  touch(internals, i);
}

function emptyColumns(n: number): Columns {
  return {
    size: n,
    allocatableCpu: column(n),
    allocatableMemory: column(n),
    allocatablePods: column(n),
    allocatableBatchCpu: column(n),
    allocatableBatchMemory: column(n),
    requestedCpu: column(n),
    requestedMemory: column(n),
    requestedPods: column(n),
    requestedBatchCpu: column(n),
    requestedBatchMemory: column(n),
    nonZeroRequestedCpu: column(n),
    nonZeroRequestedMemory: column(n),
    unschedulable: new Uint8Array(n),
    extendedAllocatable: new Map(),
    extendedRequested: new Map(),
    taintClass: new Int32Array(n),
    labelClass: new Int32Array(n),
    version: column(n),
    allocatablePatched: new Uint8Array(n),
  };
}

/** Builds internals from nodes, bound pods and budgets (pods naming no known node are ignored). */
export function buildInternals(
  nodes: readonly Node[],
  pods: readonly Pod[],
  pdbs: readonly PodDisruptionBudget[],
): Internals {
  const n = nodes.length;
  const memo: Memo = {
    taintClasses: [],
    taintClassIds: new Map(),
    labelClasses: [],
    labelClassIds: new Map(),
    cordoned: 0,
    tolerations: new Map(),
    affinities: new Map(),
    scores: new Map(),
    seen: new Set(),
  };
  const internals: Internals = {
    cols: emptyColumns(n),
    nodes: [...nodes],
    extendedPatches: new Map(),
    nameToIndex: new Map(),
    podsByNode: Array.from({ length: n }, () => []),
    pdbs: [...pdbs],
    memo,
    clock: { value: 0 },
    changes: [],
    changeBase: 0,
    indexes: new Map(),
    parent: undefined,
  };
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    if (internals.nameToIndex.has(node.name)) {
      throw new Error(`cluster: duplicate node name "${node.name}"`);
    }
    internals.nameToIndex.set(node.name, i);
    initNode(internals, node, i);
  }
  for (const pod of pods) {
    if (pod.nodeName === undefined) continue;
    const i = internals.nameToIndex.get(pod.nodeName);
    if (i === undefined) continue;
    internals.podsByNode[i]!.push(pod);
    accountPod(internals, pod, i, 1);
  }
  return internals;
}

function initNode(internals: Internals, node: Node, i: number): void {
  const cols = internals.cols;
  writeAllocatable(cols, i, node.allocatable);
  cols.unschedulable[i] = node.unschedulable ? 1 : 0;
  if (node.unschedulable) internals.memo.cordoned++;
  const [t, l] = classify(internals.memo, node);
  cols.taintClass[i] = t;
  cols.labelClass[i] = l;
  cols.version[i] = newStamp(internals);
}

/** Replaces node `i`'s allocatable (all of it) and stamps the node. */
export function setNodeAllocatable(internals: Internals, i: number, allocatable: ResourceList): void {
  internals.cols.allocatablePatched[i] = 0;
  internals.extendedPatches.delete(i);
  internals.nodes[i] = { ...internals.nodes[i]!, allocatable };
  writeAllocatable(internals.cols, i, allocatable);
  touch(internals, i);
}

/**
 * Sets one allocatable entry of node `i` (its column at once; the Node object is rebuilt lazily by
 * {@link nodeAt}) and stamps the node. Cheaper than {@link setNodeAllocatable} for a value that changes often.
 */
export function patchNodeAllocatable(internals: Internals, i: number, name: ResourceName, value: number): void {
  const cols = internals.cols;
  let bit: number;
  switch (name) {
    case CPU:
      cols.allocatableCpu[i] = value;
      bit = PATCH_BITS.cpu;
      break;
    case MEMORY:
      cols.allocatableMemory[i] = value;
      bit = PATCH_BITS.memory;
      break;
    case PODS:
      cols.allocatablePods[i] = value;
      bit = PATCH_BITS.pods;
      break;
    case BATCH_CPU:
      cols.allocatableBatchCpu[i] = value;
      bit = PATCH_BITS.batchCpu;
      break;
    case BATCH_MEMORY:
      cols.allocatableBatchMemory[i] = value;
      bit = PATCH_BITS.batchMemory;
      break;
    default: {
      let col = cols.extendedAllocatable.get(name);
      if (col === undefined) {
        col = column(cols.size);
        cols.extendedAllocatable.set(name, col);
      }
      col[i] = value;
      let patch = internals.extendedPatches.get(i);
      if (patch === undefined) {
        patch = {};
        internals.extendedPatches.set(i, patch);
      }
      patch[name] = value;
      bit = 0;
    }
  }
  cols.allocatablePatched[i] = cols.allocatablePatched[i]! | bit | STALE;
  touch(internals, i);
}

/** Node `i` with its allocatable patches applied (the object is replaced once, then reused). */
export function nodeAt(internals: Internals, i: number): Node {
  const node = internals.nodes[i]!;
  const cols = internals.cols;
  const bits = cols.allocatablePatched[i]!;
  if ((bits & STALE) === 0) return node;
  const allocatable: Record<string, number> = { ...node.allocatable, ...internals.extendedPatches.get(i) };
  if ((bits & PATCH_BITS.cpu) !== 0) allocatable[CPU] = cols.allocatableCpu[i]!;
  if ((bits & PATCH_BITS.memory) !== 0) allocatable[MEMORY] = cols.allocatableMemory[i]!;
  if ((bits & PATCH_BITS.pods) !== 0) allocatable[PODS] = cols.allocatablePods[i]!;
  if ((bits & PATCH_BITS.batchCpu) !== 0) allocatable[BATCH_CPU] = cols.allocatableBatchCpu[i]!;
  if ((bits & PATCH_BITS.batchMemory) !== 0) allocatable[BATCH_MEMORY] = cols.allocatableBatchMemory[i]!;
  const fresh = { ...node, allocatable };
  internals.nodes[i] = fresh;
  cols.allocatablePatched[i] = bits & ~STALE;
  return fresh;
}

/** Cordons or uncordons node `i`. */
export function setNodeUnschedulable(internals: Internals, i: number, unschedulable: boolean): void {
  const node = nodeAt(internals, i);
  if (node.unschedulable === unschedulable) return;
  internals.nodes[i] = { ...node, unschedulable };
  internals.cols.unschedulable[i] = unschedulable ? 1 : 0;
  internals.memo.cordoned += unschedulable ? 1 : -1;
  touch(internals, i);
}

function grown<T extends Float64Array | Uint8Array | Int32Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** Appends a node (columns are reallocated one longer; views read the new ones). */
export function appendNode(internals: Internals, node: Node): void {
  if (internals.nameToIndex.has(node.name)) throw new Error(`cluster: duplicate node name "${node.name}"`);
  const old = internals.cols;
  const n = old.size + 1;
  const ext = (m: Map<string, Float64Array>): Map<string, Float64Array> =>
    new Map([...m].map(([k, v]) => [k, grown(v, n)]));
  const cols: Columns = {
    size: n,
    allocatableCpu: grown(old.allocatableCpu, n),
    allocatableMemory: grown(old.allocatableMemory, n),
    allocatablePods: grown(old.allocatablePods, n),
    allocatableBatchCpu: grown(old.allocatableBatchCpu, n),
    allocatableBatchMemory: grown(old.allocatableBatchMemory, n),
    requestedCpu: grown(old.requestedCpu, n),
    requestedMemory: grown(old.requestedMemory, n),
    requestedPods: grown(old.requestedPods, n),
    requestedBatchCpu: grown(old.requestedBatchCpu, n),
    requestedBatchMemory: grown(old.requestedBatchMemory, n),
    nonZeroRequestedCpu: grown(old.nonZeroRequestedCpu, n),
    nonZeroRequestedMemory: grown(old.nonZeroRequestedMemory, n),
    unschedulable: grown(old.unschedulable, n),
    extendedAllocatable: ext(old.extendedAllocatable),
    extendedRequested: ext(old.extendedRequested),
    taintClass: grown(old.taintClass, n),
    labelClass: grown(old.labelClass, n),
    version: grown(old.version, n),
    allocatablePatched: grown(old.allocatablePatched, n),
  };
  internals.cols = cols;
  internals.nodes.push(node);
  internals.podsByNode.push([]);
  internals.nameToIndex.set(node.name, n - 1);
  // Memo arrays are sized by node count: drop them.
  internals.memo.scores.clear();
  internals.memo.affinities.clear();
  internals.indexes.clear();
  initNode(internals, node, n - 1);
}

function copyColumns(cols: Columns): Columns {
  const copyMap = (m: Map<string, Float64Array>): Map<string, Float64Array> =>
    new Map([...m].map(([k, v]) => [k, v.slice()]));
  return {
    ...cols,
    requestedCpu: cols.requestedCpu.slice(),
    requestedMemory: cols.requestedMemory.slice(),
    requestedPods: cols.requestedPods.slice(),
    requestedBatchCpu: cols.requestedBatchCpu.slice(),
    requestedBatchMemory: cols.requestedBatchMemory.slice(),
    nonZeroRequestedCpu: cols.nonZeroRequestedCpu.slice(),
    nonZeroRequestedMemory: cols.nonZeroRequestedMemory.slice(),
    extendedAllocatable: new Map(cols.extendedAllocatable),
    extendedRequested: copyMap(cols.extendedRequested),
    version: cols.version.slice(),
  };
}

/**
 * A scratch copy for trial placements (gangs, job-level preemption): its own requested columns, versions
 * and pod lists; nodes, allocatable, classes, memo and clock shared with `base`. Writing to it never
 * changes `base`.
 */
export function scratchInternals(base: Internals): Internals {
  return {
    cols: copyColumns(base.cols),
    nodes: base.nodes,
    extendedPatches: base.extendedPatches,
    nameToIndex: base.nameToIndex,
    podsByNode: base.podsByNode.slice(),
    pdbs: base.pdbs,
    memo: base.memo,
    clock: base.clock,
    changes: [],
    changeBase: 0,
    indexes: new Map(),
    parent: base,
  };
}

/** Places `pod` on node `i` of a scratch (copy-on-write pod list). */
export function scratchAssume(scratch: Internals, pod: Pod, i: number): void {
  const bound = pod.nodeName === scratch.nodes[i]!.name ? pod : { ...pod, nodeName: scratch.nodes[i]!.name };
  scratch.podsByNode[i] = [...scratch.podsByNode[i]!, bound];
  accountPod(scratch, pod, i, 1);
}

/** Removes `pod` (by identity) from node `i` of a scratch. */
export function scratchRemove(scratch: Internals, pod: Pod, i: number): void {
  scratch.podsByNode[i] = scratch.podsByNode[i]!.filter((p) => p !== pod);
  accountPod(scratch, pod, i, -1);
}

/** Every pod bound in the view. */
export function* allPods(internals: Internals): Generator<Pod> {
  for (const list of internals.podsByNode) yield* list;
}

/** The ClusterView implementation over some internals. */
export class InternalView implements ClusterView {
  readonly [INTERNALS]: Internals;

  constructor(internals: Internals) {
    this[INTERNALS] = internals;
  }

  get nodeCount(): number {
    return this[INTERNALS].cols.size;
  }

  get columns(): ClusterColumns {
    return this[INTERNALS].cols;
  }

  get podDisruptionBudgets(): readonly PodDisruptionBudget[] {
    return this[INTERNALS].pdbs;
  }

  node(index: number): Node {
    const internals = this[INTERNALS];
    if (internals.nodes[index] === undefined) throw new RangeError(`ClusterView.node: no node at index ${index}`);
    return nodeAt(internals, index);
  }

  nodeIndex(name: string): number {
    return this[INTERNALS].nameToIndex.get(name) ?? -1;
  }

  podsOnNode(index: number): readonly Pod[] {
    return this[INTERNALS].podsByNode[index] ?? [];
  }

  allocatable(index: number, resource: ResourceName): number {
    const c = this[INTERNALS].cols;
    switch (resource) {
      case CPU:
        return c.allocatableCpu[index] ?? 0;
      case MEMORY:
        return c.allocatableMemory[index] ?? 0;
      case PODS:
        return c.allocatablePods[index] ?? 0;
      case BATCH_CPU:
        return c.allocatableBatchCpu[index] ?? 0;
      case BATCH_MEMORY:
        return c.allocatableBatchMemory[index] ?? 0;
      default:
        return c.extendedAllocatable.get(resource)?.[index] ?? 0;
    }
  }

  requested(index: number, resource: ResourceName): number {
    const c = this[INTERNALS].cols;
    switch (resource) {
      case CPU:
        return c.requestedCpu[index] ?? 0;
      case MEMORY:
        return c.requestedMemory[index] ?? 0;
      case PODS:
        return c.requestedPods[index] ?? 0;
      case BATCH_CPU:
        return c.requestedBatchCpu[index] ?? 0;
      case BATCH_MEMORY:
        return c.requestedBatchMemory[index] ?? 0;
      default:
        return c.extendedRequested.get(resource)?.[index] ?? 0;
    }
  }
}

/** The internals of a view made by this module; throws a `TypeError` for any other object. */
export function internalsOf(view: ClusterView): Internals {
  const internals = (view as Partial<InternalView>)[INTERNALS];
  if (internals === undefined) {
    throw new TypeError(
      'scheduleInCluster: the view must come from createClusterSnapshot() or MutableClusterState.view()',
    );
  }
  return internals;
}
