import { findUntoleratedTaint, matchesNodeSelector, matchesNodeSelectorMap } from '../model/index.js';
import type { ResourceList } from '../resources/index.js';
import type { MemberIndex } from './memberIndex.js';
import { memberIndex } from './memberIndex.js';
import type { FleetReservation, MemberSnapshot, NodeClaim } from './types.js';

/** ⌊free / request⌋ for non-negative integers below 2^53, exact despite double rounding. */
function floorDiv(free: number, request: number): number {
  let q = Math.floor(free / request);
  if (q * request > free) q--;
  else if ((q + 1) * request <= free) q++;
  return q;
}

function isEmptyClaim(claim: NodeClaim | undefined): boolean {
  if (claim === undefined) return true;
  if (claim.hardNodeAffinity !== undefined) return false;
  if (claim.tolerations !== undefined && claim.tolerations.length > 0) return false;
  if (claim.nodeSelector !== undefined) for (const _ in claim.nodeSelector) return false;
  return true;
}

/**
 * Node-level fitting of pods into one member as of its snapshot, with a scratch overlay for the resources
 * held by reservations and taken by pods placed earlier in the same decision. The snapshot itself is never
 * changed. Internal to the fleet: the estimator, Gang placement and preoccupation use it.
 *
 * A pod fits a node when the node passes its node claim (schedulable, every NoSchedule/NoExecute taint
 * tolerated, `nodeSelector` and required node affinity matched), has a free pod slot, and has at least the
 * requested amount free of every resource the pod requests (kube-scheduler's NodeResourcesFit: unrequested
 * resources are not checked). K identical pods fit min over resources of ⌊free / request⌋.
 */
export class MemberFit {
  readonly index: MemberIndex;
  readonly dims: readonly string[];
  private readonly member: MemberSnapshot;
  private readonly cols: (Float64Array | undefined)[];
  private readonly overlay = new Map<number, Float64Array>();

  constructor(member: MemberSnapshot, dims: readonly string[], held: readonly FleetReservation[]) {
    this.member = member;
    this.index = member.nodeIndex ?? memberIndex(member.nodes);
    this.dims = dims;
    this.cols = dims.map((d) => this.index.free.get(d));
    for (const r of held) {
      const i = this.index.position.get(r.node);
      if (i === undefined) continue;
      const ov = this.slot(i);
      for (let d = 0; d < dims.length; d++) ov[d]! += r.resources[dims[d]!] ?? 0;
      ov[dims.length]! += r.resources.pods ?? 0;
    }
  }

  private slot(i: number): Float64Array {
    let ov = this.overlay.get(i);
    if (ov === undefined) {
      ov = new Float64Array(this.dims.length + 1);
      this.overlay.set(i, ov);
    }
    return ov;
  }

  /** `request` as a vector aligned with `dims`. */
  vector(request: ResourceList): Float64Array {
    return Float64Array.from(this.dims, (d) => request[d] ?? 0);
  }

  /** 1 for each node that passes `claim` (see the class comment). Shared when the claim is empty: do not write. */
  eligible(claim: NodeClaim | undefined): Uint8Array {
    const idx = this.index;
    if (isEmptyClaim(claim)) return idx.plain;
    const nodes = this.member.nodes;
    const tolerations = claim?.tolerations ?? [];
    const selector = claim?.nodeSelector;
    const affinity = claim?.hardNodeAffinity;
    const labelled = affinity !== undefined || (selector !== undefined && Object.keys(selector).length > 0);
    const mask = Uint8Array.from(idx.plain);
    for (const i of idx.special) {
      const node = nodes[i]!;
      if (node.unschedulable !== true && findUntoleratedTaint(node.taints, tolerations) === undefined) mask[i] = 1;
    }
    if (labelled) {
      for (let i = 0; i < idx.size; i++) {
        if (mask[i] === 0) continue;
        const node = nodes[i]!;
        if (selector !== undefined && !matchesNodeSelectorMap(selector, node.labels)) mask[i] = 0;
        else if (affinity !== undefined && !matchesNodeSelector(affinity, node.name, node.labels)) mask[i] = 0;
      }
    }
    return mask;
  }

  /** How many pods with request vector `vec` fit node `i` now, at most `cap` (node claim not checked here). */
  fitCount(i: number, vec: Float64Array, cap: number): number {
    const ov = this.overlay.get(i);
    const nd = this.dims.length;
    let k = cap;
    const pods = this.index.freePods[i]! - (ov === undefined ? 0 : ov[nd]!);
    if (pods < k) k = pods;
    if (k <= 0) return 0;
    for (let d = 0; d < nd; d++) {
      const want = vec[d]!;
      if (want <= 0) continue;
      const col = this.cols[d];
      const free = (col === undefined ? 0 : col[i]!) - (ov === undefined ? 0 : ov[d]!);
      if (free < want) return 0;
      const q = floorDiv(free, want);
      if (q < k) k = q;
    }
    return k;
  }

  /** Records `k` pods with request vector `vec` as placed on node `i` (in the overlay only). */
  take(i: number, vec: Float64Array, k: number): void {
    const ov = this.slot(i);
    const nd = this.dims.length;
    for (let d = 0; d < nd; d++) ov[d]! += vec[d]! * k;
    ov[nd]! += k;
  }

  /**
   * First-fit of `replicas` pods over the eligible nodes in node order, starting at `from`: each node takes as
   * many as fit. Calls `onPlace(i, k)` for each node used. Returns the number placed and the first node index
   * that may still fit one more (a cursor: capacity only shrinks, so earlier nodes never fit again).
   */
  firstFit(
    vec: Float64Array,
    eligible: Uint8Array,
    replicas: number,
    from = 0,
    onPlace?: (i: number, k: number) => void,
  ): { placed: number; cursor: number } {
    let remaining = replicas;
    const n = this.index.size;
    for (let i = from; i < n; i++) {
      if (eligible[i] === 0) continue;
      const k = this.fitCount(i, vec, remaining);
      if (k > 0) {
        this.take(i, vec, k);
        remaining -= k;
        onPlace?.(i, k);
      }
      // Every node before this one is ineligible or was filled to the brim: the next search starts here.
      if (remaining === 0) return { placed: replicas, cursor: i };
    }
    return { placed: replicas - remaining, cursor: n };
  }
}

/** The sorted union of resource names requested (> 0) by `requests`, excluding `pods`. */
export function requestedDims(requests: readonly ResourceList[]): string[] {
  const set = new Set<string>();
  for (const r of requests) for (const name in r) if (name !== 'pods' && r[name]! > 0) set.add(name);
  return [...set].sort();
}
