import type { ResourceList } from '../resources/index.js';
import { PODS } from '../resources/index.js';
import type { MemberNodeSnapshot } from './types.js';

/**
 * A columnar view of a member's nodes for fast node-level fitting: per resource name a `Float64Array` of
 * free amounts (allocatable − requested, integer units), free pod slots, and which nodes are "plain"
 * (schedulable, no NoSchedule/NoExecute taint). Built once per `nodes` array and memoized by identity, so
 * a snapshot reused across decisions (the simulator between two syncs) pays for it once; the inputs are
 * never mutated.
 */
export interface MemberIndex {
  /** Number of nodes. */
  readonly size: number;
  /** Node names, in the member's node order. */
  readonly names: readonly string[];
  /** Node name → index. */
  readonly position: ReadonlyMap<string, number>;
  /** allocatable − requested per resource (not `pods`); absent name ⇒ nothing free on any node. */
  readonly free: ReadonlyMap<string, Float64Array>;
  /** allocatable.pods − requested.pods; `Infinity` where the node states no pod limit. */
  readonly freePods: Float64Array;
  /** 1 where the node is schedulable and carries no NoSchedule/NoExecute taint. */
  readonly plain: Uint8Array;
  /** Indices of the non-plain nodes (tainted or cordoned), ascending. */
  readonly special: readonly number[];
  /** Σ allocatable over all nodes (with `pods` only when every node states it). */
  readonly allocatableSum: ResourceList;
  /** Σ requested over all nodes (Karmada's `allocated`), with the `pods` count. */
  readonly requestedSum: ResourceList;
  /** Whether every node states `allocatable.pods`. */
  readonly podsLimited: boolean;
}

const cache = new WeakMap<readonly MemberNodeSnapshot[], MemberIndex>();

function build(nodes: readonly MemberNodeSnapshot[]): MemberIndex {
  const n = nodes.length;
  const allocCols = new Map<string, Float64Array>();
  const reqCols = new Map<string, Float64Array>();
  const freePods = new Float64Array(n);
  const plain = new Uint8Array(n);
  const special: number[] = [];
  const position = new Map<string, number>();
  const names: string[] = [];
  let podsLimited = true;
  const column = (cols: Map<string, Float64Array>, name: string): Float64Array => {
    let col = cols.get(name);
    if (col === undefined) {
      col = new Float64Array(n);
      cols.set(name, col);
    }
    return col;
  };
  // Nodes of one member mostly share their resource names: resolve the columns once per distinct key list.
  let allocKeys: string[] = [];
  let allocTargets: Float64Array[] = [];
  let reqKeys: string[] = [];
  let reqTargets: Float64Array[] = [];
  const sameKeys = (a: string[], b: string[]): boolean => a.length === b.length && a.every((k, j) => k === b[j]);
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    names.push(node.name);
    position.set(node.name, i);
    const alloc = node.allocatable;
    const req = node.requested;
    const ak = Object.keys(alloc);
    if (!sameKeys(ak, allocKeys)) {
      allocKeys = ak;
      allocTargets = ak.map((k) => column(allocCols, k));
    }
    for (let j = 0; j < allocKeys.length; j++) allocTargets[j]![i] = alloc[allocKeys[j]!]!;
    const rk = Object.keys(req);
    if (!sameKeys(rk, reqKeys)) {
      reqKeys = rk;
      reqTargets = rk.map((k) => column(reqCols, k));
    }
    for (let j = 0; j < reqKeys.length; j++) reqTargets[j]![i] = req[reqKeys[j]!]!;
    const podCap = alloc[PODS];
    if (podCap === undefined) {
      podsLimited = false;
      freePods[i] = Number.POSITIVE_INFINITY;
    } else {
      freePods[i] = podCap - (req[PODS] ?? 0);
    }
    const blocked =
      node.unschedulable === true || node.taints.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    if (blocked) special.push(i);
    else plain[i] = 1;
  }
  const sumOf = (col: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += col[i]!;
    return s;
  };
  const allocatableSum: Record<string, number> = {};
  const requestedSum: Record<string, number> = {};
  const free = new Map<string, Float64Array>();
  for (const [name, col] of allocCols) {
    allocatableSum[name] = sumOf(col);
    if (name !== PODS) free.set(name, Float64Array.from(col));
  }
  for (const [name, col] of reqCols) {
    requestedSum[name] = sumOf(col);
    if (name === PODS) continue;
    const f = column(free, name);
    for (let i = 0; i < n; i++) f[i]! -= col[i]!;
  }
  if (!podsLimited) delete allocatableSum[PODS];
  return { size: n, names, position, free, freePods, plain, special, allocatableSum, requestedSum, podsLimited };
}

/** The memoized {@link MemberIndex} of a member's node list. */
export function memberIndex(nodes: readonly MemberNodeSnapshot[]): MemberIndex {
  let idx = cache.get(nodes);
  if (idx === undefined) {
    idx = build(nodes);
    cache.set(nodes, idx);
  }
  return idx;
}
