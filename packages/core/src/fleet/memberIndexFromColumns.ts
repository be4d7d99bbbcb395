import type { ClusterColumns } from '../cluster/index.js';
import type { ResourceList } from '../resources/index.js';
import { BATCH_CPU, BATCH_MEMORY, CPU, MEMORY, PODS } from '../resources/index.js';
import type { MemberIndex } from './memberIndex.js';
import type { MemberNodeSnapshot } from './types.js';

/**
 * The part of a member's {@link MemberIndex} that does not move between syncs: node names and positions,
 * which nodes carry a NoSchedule/NoExecute taint, which state a pod limit, and which allocatable resource
 * names the nodes state at all (Karmada reports "no node offers X" for a name no node states, even when
 * another name's column is all zeros). Built once per member from its node objects.
 */
export interface MemberNodeLayout {
  /** Node names, in the member's node order. */
  readonly names: readonly string[];
  /** Node name → index. */
  readonly position: ReadonlyMap<string, number>;
  /** 1 where the node carries a NoSchedule or NoExecute taint. */
  readonly tainted: Uint8Array;
  /** 1 where the node's allocatable states `pods` (elsewhere its pod slots are unlimited). */
  readonly statesPods: Uint8Array;
  /** Allocatable resource names stated by at least one node. */
  readonly stated: ReadonlySet<string>;
}

/** The {@link MemberNodeLayout} of a member's nodes (their names, taints and allocatable keys). */
export function memberNodeLayout(
  nodes: readonly Pick<MemberNodeSnapshot, 'name' | 'taints' | 'allocatable'>[],
): MemberNodeLayout {
  const n = nodes.length;
  const tainted = new Uint8Array(n);
  const statesPods = new Uint8Array(n);
  const stated = new Set<string>();
  const position = new Map<string, number>();
  nodes.forEach((node, i) => {
    position.set(node.name, i);
    if (node.taints.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')) tainted[i] = 1;
    if (node.allocatable[PODS] !== undefined) statesPods[i] = 1;
    for (const name in node.allocatable) stated.add(name);
  });
  return { names: nodes.map((node) => node.name), position, tainted, statesPods, stated };
}

/** Σ of a column's first `n` entries. */
function sum(col: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += col[i]!;
  return s;
}

/** A resource's allocatable or requested column in `columns` (main resources by field, others by name). */
function resourceColumn(
  columns: ClusterColumns,
  name: string,
  side: 'allocatable' | 'requested',
): ArrayLike<number> | undefined {
  const a = side === 'allocatable';
  switch (name) {
    case CPU:
      return a ? columns.allocatableCpu : columns.requestedCpu;
    case MEMORY:
      return a ? columns.allocatableMemory : columns.requestedMemory;
    case BATCH_CPU:
      return a ? columns.allocatableBatchCpu : columns.requestedBatchCpu;
    case BATCH_MEMORY:
      return a ? columns.allocatableBatchMemory : columns.requestedBatchMemory;
    default:
      return (a ? columns.extendedAllocatable : columns.extendedRequested).get(name);
  }
}

/** One resource's columns, when the index keeps a free column for it. */
interface ResourceColumns {
  readonly name: string;
  readonly alloc: ArrayLike<number> | undefined;
  readonly req: ArrayLike<number> | undefined;
}

/**
 * A member's {@link MemberIndex} straight from a member cluster's scheduler columns
 * (`MutableClusterState.view().columns`: allocatable and requested per node), as karmada-scheduler-estimator
 * reads its member's node cache — no per-node objects. Pass it as `MemberSnapshot.nodeIndex` with `nodes` in
 * the same order. Equal to `memberIndex(nodes)` for nodes whose `requested` lists their non-zero sums and
 * whose allocatable names are the layout's.
 *
 * With `previous` (the columns and index of an earlier sync of the same member), a resource whose
 * allocatable and requested columns are the very same arrays as then keeps its free column and sums:
 * a caller that copies only the columns that changed pays only for those.
 */
export function memberIndexFromColumns(
  layout: MemberNodeLayout,
  columns: ClusterColumns,
  previous?: { readonly columns: ClusterColumns; readonly index: MemberIndex },
): MemberIndex {
  const n = layout.names.length;
  if (columns.size !== n) {
    throw new RangeError(`memberIndexFromColumns: layout has ${n} nodes, columns ${columns.size}`);
  }
  const allocatableSum: Record<string, number> = {};
  const requestedSum: Record<string, number> = {};
  const kept: ResourceColumns[] = [];
  const consider = (name: string, alloc: ArrayLike<number> | undefined, req: ArrayLike<number> | undefined) => {
    // A resource no node states and nobody requests has no free column (as memberIndex over node objects).
    if (layout.stated.has(name) || (req !== undefined && sum(req, n) !== 0)) kept.push({ name, alloc, req });
  };
  consider(CPU, columns.allocatableCpu, columns.requestedCpu);
  consider(MEMORY, columns.allocatableMemory, columns.requestedMemory);
  consider(BATCH_CPU, columns.allocatableBatchCpu, columns.requestedBatchCpu);
  consider(BATCH_MEMORY, columns.allocatableBatchMemory, columns.requestedBatchMemory);
  for (const [name, alloc] of columns.extendedAllocatable) consider(name, alloc, columns.extendedRequested.get(name));
  for (const [name, req] of columns.extendedRequested) {
    if (!columns.extendedAllocatable.has(name)) consider(name, undefined, req);
  }

  const free = new Map<string, Float64Array>();
  const prev = previous === undefined || previous.columns.size !== n ? undefined : previous;
  const unchanged = (name: string, alloc: ArrayLike<number> | undefined, req: ArrayLike<number> | undefined) => {
    if (prev === undefined) return false;
    const p = prev.columns;
    const pa = resourceColumn(p, name, 'allocatable');
    const pr = resourceColumn(p, name, 'requested');
    return pa === alloc && pr === req && prev.index.free.has(name);
  };
  const build = kept.filter(({ name, alloc, req }) => {
    if (!unchanged(name, alloc, req)) return true;
    const p = prev!.index;
    free.set(name, p.free.get(name)!);
    if (p.allocatableSum[name] !== undefined) allocatableSum[name] = p.allocatableSum[name];
    if (p.requestedSum[name] !== undefined) requestedSum[name] = p.requestedSum[name];
    return false;
  });
  const podsSame =
    prev !== undefined &&
    prev.columns.allocatablePods === columns.allocatablePods &&
    prev.columns.requestedPods === columns.requestedPods &&
    prev.columns.unschedulable === columns.unschedulable;

  // One allocation for every new column of the index, and one pass per resource for its free column and sums.
  const buffer = new ArrayBuffer(build.length * n * 8 + (podsSame ? 0 : n * 9));
  const none = new Float64Array(n);
  build.forEach(({ name, alloc, req }, c) => {
    const f = new Float64Array(buffer, c * n * 8, n);
    const a = alloc ?? none;
    const r = req ?? none;
    let allocSum = 0;
    let reqSum = 0;
    for (let i = 0; i < n; i++) {
      const ai = a[i]!;
      const ri = r[i]!;
      allocSum += ai;
      reqSum += ri;
      f[i] = ai - ri;
    }
    free.set(name, f);
    if (alloc !== undefined && layout.stated.has(name)) allocatableSum[name] = allocSum;
    if (reqSum !== 0) requestedSum[name] = reqSum;
  });
  const order = (m: Map<string, Float64Array>) => new Map(kept.map(({ name }) => [name, m.get(name)!] as const));
  if (podsSame) {
    const p = prev!.index;
    if (p.allocatableSum[PODS] !== undefined) allocatableSum[PODS] = p.allocatableSum[PODS];
    if (p.requestedSum[PODS] !== undefined) requestedSum[PODS] = p.requestedSum[PODS];
    return {
      ...p,
      free: order(free),
      allocatableSum: allocatableSum as ResourceList,
      requestedSum: requestedSum as ResourceList,
    };
  }
  const freePods = new Float64Array(buffer, build.length * n * 8, n);
  const plain = new Uint8Array(buffer, (build.length + 1) * n * 8, n);
  const special: number[] = [];
  let podsLimited = true;
  let podsAllocatable = 0;
  let podsRequested = 0;
  const { allocatablePods, requestedPods, unschedulable } = columns;
  const { statesPods, tainted } = layout;
  for (let i = 0; i < n; i++) {
    const ai = allocatablePods[i]!;
    const ri = requestedPods[i]!;
    podsAllocatable += ai;
    podsRequested += ri;
    if (statesPods[i] === 1) freePods[i] = ai - ri;
    else {
      freePods[i] = Number.POSITIVE_INFINITY;
      podsLimited = false;
    }
    if (tainted[i] === 1 || unschedulable[i] === 1) special.push(i);
    else plain[i] = 1;
  }
  if (podsLimited && layout.stated.has(PODS)) allocatableSum[PODS] = podsAllocatable;
  if (podsRequested !== 0) requestedSum[PODS] = podsRequested;
  return {
    size: n,
    names: layout.names,
    position: layout.position,
    free: order(free),
    freePods,
    plain,
    special,
    allocatableSum: allocatableSum as ResourceList,
    requestedSum: requestedSum as ResourceList,
    podsLimited,
  };
}
