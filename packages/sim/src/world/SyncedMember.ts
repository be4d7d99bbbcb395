import {
  BATCH_CPU,
  BATCH_MEMORY,
  type ClusterColumns,
  type ClusterView,
  CPU,
  type FleetReservation,
  type KubernetesVersion,
  MEMORY,
  type MemberIndex,
  type MemberNodeLayout,
  type MemberNodeSnapshot,
  type MemberSnapshot,
  memberIndexFromColumns,
  PODS,
  type ResourceList,
  type StringMap,
  type Taint,
} from '@gleaner/core';

/** The member facts a synced view carries besides its nodes. */
export interface SyncedMemberFacts {
  readonly name: string;
  readonly labels: StringMap;
  readonly provider?: string;
  readonly region?: string;
  readonly zone?: string;
  readonly kubernetesVersion: KubernetesVersion;
  readonly taints: readonly Taint[];
}

/** What one sync copied: the scheduler's resource columns, frozen, and the lazily built views of them. */
interface SyncedState {
  readonly facts: SyncedMemberFacts;
  readonly layout: MemberNodeLayout;
  /** Node labels, taints and cordons do not move in the world: read from the live view when nodes are built. */
  readonly view: ClusterView;
  readonly columns: ClusterColumns;
  readonly allocating: ResourceList;
  /** The previous sync's columns and index, while this sync's index is not built (dropped once it is). */
  previous?: { readonly columns: ClusterColumns; readonly index: MemberIndex } | undefined;
  index?: MemberIndex;
  nodes?: readonly MemberNodeSnapshot[];
}

/** Which groups of a member's columns changed since its previous sync. */
export interface SyncChanges {
  /** The published batch resources (`kubernetes.io/batch-cpu`, `batch-memory`) of some node. */
  readonly batchAllocatable: boolean;
  /** Any other allocatable entry, or a cordon. */
  readonly allocatable: boolean;
  /** Requested sums (pods bound or removed). */
  readonly requested: boolean;
}

/** `count` copies of `n`-long columns in one buffer (one allocation instead of one per column). */
function copies(sources: readonly ArrayLike<number>[], n: number): Float64Array[] {
  const buffer = new ArrayBuffer(sources.length * n * 8);
  return sources.map((src, c) => {
    const col = new Float64Array(buffer, c * n * 8, n);
    col.set(src);
    return col;
  });
}

function copyMap(m: ReadonlyMap<string, ArrayLike<number>>): Map<string, Float64Array> {
  return new Map([...m].map(([k, v]) => [k, Float64Array.from(v)] as const));
}

/**
 * A copy of the columns the fleet reads (allocatable and requested of the synced resources) as of now. A
 * group that did not change since `previous` keeps the previous copy (the same arrays), which also lets
 * the fleet's index keep what it computed from them.
 */
function freezeColumns(
  live: ClusterColumns,
  previous: ClusterColumns | undefined,
  changes: SyncChanges,
): ClusterColumns {
  const n = live.size;
  const same = previous !== undefined && previous.size === n;
  const base =
    same && !changes.allocatable
      ? previous
      : (() => {
          const [cpu, memory, pods] = copies([live.allocatableCpu, live.allocatableMemory, live.allocatablePods], n);
          return {
            allocatableCpu: cpu!,
            allocatableMemory: memory!,
            allocatablePods: pods!,
            unschedulable: Uint8Array.from(live.unschedulable),
            extendedAllocatable: copyMap(live.extendedAllocatable),
          };
        })();
  const batch =
    same && !changes.allocatable && !changes.batchAllocatable
      ? previous
      : (() => {
          const [batchCpu, batchMemory] = copies([live.allocatableBatchCpu, live.allocatableBatchMemory], n);
          return { allocatableBatchCpu: batchCpu!, allocatableBatchMemory: batchMemory! };
        })();
  const req =
    same && !changes.requested
      ? previous
      : (() => {
          const [cpu, memory, pods, batchCpu, batchMemory] = copies(
            [
              live.requestedCpu,
              live.requestedMemory,
              live.requestedPods,
              live.requestedBatchCpu,
              live.requestedBatchMemory,
            ],
            n,
          );
          return {
            requestedCpu: cpu!,
            requestedMemory: memory!,
            requestedPods: pods!,
            requestedBatchCpu: batchCpu!,
            requestedBatchMemory: batchMemory!,
            extendedRequested: copyMap(live.extendedRequested),
          };
        })();
  return {
    size: n,
    allocatableCpu: base.allocatableCpu,
    allocatableMemory: base.allocatableMemory,
    allocatablePods: base.allocatablePods,
    allocatableBatchCpu: batch.allocatableBatchCpu,
    allocatableBatchMemory: batch.allocatableBatchMemory,
    unschedulable: base.unschedulable,
    extendedAllocatable: base.extendedAllocatable,
    requestedCpu: req.requestedCpu,
    requestedMemory: req.requestedMemory,
    requestedPods: req.requestedPods,
    requestedBatchCpu: req.requestedBatchCpu,
    requestedBatchMemory: req.requestedBatchMemory,
    extendedRequested: req.extendedRequested,
    // Scoring columns: the fleet's index does not read them.
    nonZeroRequestedCpu: live.nonZeroRequestedCpu,
    nonZeroRequestedMemory: live.nonZeroRequestedMemory,
  };
}

/**
 * The global scheduler's view of one member as of its last sync (Karmada's Cluster status plus the
 * estimator's node cache): a {@link MemberSnapshot} whose resource columns were copied at the sync and whose
 * per-node objects and columnar node index are built only when a decision first reads them. A sync that
 * copies 1,000 nodes' columns costs microseconds; the node objects (labels, taints, allocatable and requested
 * as of the sync) appear only for decisions with node selectors or tolerations, or for a reader such as
 * `gleaner place`.
 */
export class SyncedMember implements MemberSnapshot {
  readonly name: string;
  readonly labels: StringMap;
  declare readonly provider?: string;
  declare readonly region?: string;
  declare readonly zones?: readonly string[];
  readonly kubernetesVersion: KubernetesVersion;
  readonly taints: readonly Taint[];
  readonly syncedAt: number;
  readonly reservations: readonly FleetReservation[];
  readonly #state: SyncedState;

  private constructor(state: SyncedState, syncedAt: number, reservations: readonly FleetReservation[]) {
    const f = state.facts;
    this.name = f.name;
    this.labels = f.labels;
    if (f.provider !== undefined) (this as { provider?: string }).provider = f.provider;
    if (f.region !== undefined) (this as { region?: string }).region = f.region;
    if (f.zone !== undefined) (this as { zones?: readonly string[] }).zones = [f.zone];
    this.kubernetesVersion = f.kubernetesVersion;
    this.taints = f.taints;
    this.syncedAt = syncedAt;
    this.reservations = reservations;
    this.#state = state;
  }

  /**
   * Syncs now: copies the member's scheduler columns (`view`) and its pending pods' requests (`allocating`).
   * Column groups that did not change since `previous` (per `changes`) are shared with it, not copied.
   */
  static sync(
    facts: SyncedMemberFacts,
    layout: MemberNodeLayout,
    view: ClusterView,
    allocating: ResourceList,
    now: number,
    previous: SyncedMember | undefined,
    changes: SyncChanges,
  ): SyncedMember {
    const before = previous === undefined ? undefined : previous.#state;
    const columns = freezeColumns(view.columns, before?.columns, changes);
    // Only an index already built is carried over: an unread sync never chains to older ones.
    const carried = before?.index === undefined ? undefined : { columns: before.columns, index: before.index };
    return new SyncedMember({ facts, layout, view, columns, allocating, previous: carried }, now, []);
  }

  /** The same synced state, stamped with another sync time and the fleet's holds in this member. */
  at(syncedAt: number, reservations: readonly FleetReservation[]): SyncedMember {
    return new SyncedMember(this.#state, syncedAt, reservations);
  }

  /** Σ requests of the member's pending pods with their count (Karmada's `allocating`). */
  get allocating(): ResourceList {
    return this.#state.allocating;
  }

  /** The estimator's columnar node index, built from the synced columns on first read. */
  get nodeIndex(): MemberIndex {
    const s = this.#state;
    if (s.index === undefined) {
      s.index = memberIndexFromColumns(s.layout, s.columns, s.previous);
      s.previous = undefined;
    }
    return s.index;
  }

  /** The member's nodes as of the sync (allocatable and non-zero requested sums), built on first read. */
  get nodes(): readonly MemberNodeSnapshot[] {
    const s = this.#state;
    if (s.nodes !== undefined) return s.nodes;
    const c = s.columns;
    const nodes: MemberNodeSnapshot[] = [];
    for (let i = 0; i < c.size; i++) {
      const live = s.view.node(i);
      const allocatable: Record<string, number> = {};
      const requested: Record<string, number> = {};
      const put = (into: Record<string, number>, name: string, v: number, keep: boolean) => {
        if (keep || v !== 0) into[name] = v;
      };
      for (const name in live.allocatable) {
        // Batch amounts as synced; the rest of the allocatable list does not move in the world.
        if (name === BATCH_CPU) put(allocatable, name, c.allocatableBatchCpu[i]!, true);
        else if (name === BATCH_MEMORY) put(allocatable, name, c.allocatableBatchMemory[i]!, true);
        else allocatable[name] = live.allocatable[name]!;
      }
      put(requested, CPU, c.requestedCpu[i]!, false);
      put(requested, MEMORY, c.requestedMemory[i]!, false);
      put(requested, PODS, c.requestedPods[i]!, false);
      put(requested, BATCH_CPU, c.requestedBatchCpu[i]!, false);
      put(requested, BATCH_MEMORY, c.requestedBatchMemory[i]!, false);
      nodes.push({
        name: live.name,
        labels: live.labels,
        taints: live.taints,
        allocatable,
        requested,
        unschedulable: c.unschedulable[i] === 1,
      });
    }
    s.nodes = nodes;
    return nodes;
  }
}
