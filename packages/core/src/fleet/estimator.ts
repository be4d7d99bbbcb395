import type { ResourceList } from '../resources/index.js';
import { PODS } from '../resources/index.js';
import { memberIndex } from './memberIndex.js';
import { MemberFit, requestedDims } from './nodeFit.js';
import { heldReservations, sumReservations } from './reservations.js';
import type {
  FleetComponent,
  FleetReservation,
  MemberResourceSummary,
  MemberSnapshot,
  ReplicaRequirements,
} from './types.js';

/** Karmada's cap for "unlimited" available replicas (`math.MaxInt32`). */
export const MAX_REPLICAS = 2_147_483_647;

/**
 * Which of Karmada's replica estimators to consult (`pkg/scheduler/core/util.go calAvailableReplicas` takes
 * the minimum of all registered ones): `general` — the member's resource summary only
 * (`pkg/estimator/client/general.go`); `accurate` — node by node, as karmada-scheduler-estimator does
 * (`pkg/estimator/server`), so fragmentation counts; `both` (default) — the smaller of the two.
 */
export type EstimatorMode = 'general' | 'accurate' | 'both';

/** Options of the estimator functions. */
export interface EstimateOptions {
  /** Default `both`. */
  readonly estimator?: EstimatorMode;
  /** Decision time in ms: reservations with `expiresAtMs` ≤ this are no longer held. Default: all held. */
  readonly nowMs?: number;
  /** Owner key of the application being estimated: its own reservations count as free for it. */
  readonly owner?: string;
}

/** Available replicas (or complete sets) of one member by each estimator and the combined value. */
export interface AvailabilityEstimate {
  /** From the resource summary (`MAX_REPLICAS` when not consulted). */
  readonly general: number;
  /** Node by node (`MAX_REPLICAS` when not consulted). */
  readonly accurate: number;
  /** The value used: the minimum of the consulted estimators. */
  readonly available: number;
}

function add(out: Record<string, number>, list: ResourceList, factor = 1): void {
  for (const name in list) out[name] = (out[name] ?? 0) + list[name]! * factor;
}

/**
 * A member's Karmada `resourceSummary` (allocatable, allocated, allocating, each with `pods`): the published
 * one if the snapshot carries it, else derived from its nodes (Σ allocatable of all nodes, Σ requested) and its
 * pending requests. Memoized per node list.
 */
export function memberResourceSummary(member: MemberSnapshot): MemberResourceSummary {
  if (member.resourceSummary !== undefined) return member.resourceSummary;
  const idx = member.nodeIndex ?? memberIndex(member.nodes);
  return { allocatable: idx.allocatableSum, allocated: idx.requestedSum, allocating: member.allocating ?? {} };
}

function held(member: MemberSnapshot, options: EstimateOptions): FleetReservation[] {
  return heldReservations(member, options.nowMs ?? Number.NEGATIVE_INFINITY, options.owner);
}

/**
 * Free amount per resource from the summary: allocatable − allocated − allocating − held reservations
 * (Karmada ≥ 1.18's overcommit protection counts in-flight holds as allocating the same way).
 */
function summaryFree(member: MemberSnapshot, holds: readonly FleetReservation[]): { free: ResourceList; pods: number } {
  const s = memberResourceSummary(member);
  const free: Record<string, number> = {};
  add(free, s.allocatable);
  add(free, s.allocated, -1);
  add(free, s.allocating, -1);
  add(free, sumReservations(holds), -1);
  const podCap = s.allocatable[PODS];
  const pods = podCap === undefined ? MAX_REPLICAS : free[PODS]!;
  delete free[PODS];
  return { free, pods };
}

/**
 * A member's idle capacity by its resource summary at a decision: allocatable − allocated − allocating −
 * reservations held by others (integer units; `pods` included only when every node states a pod limit).
 */
export function memberIdle(member: MemberSnapshot, options: EstimateOptions = {}): ResourceList {
  const s = memberResourceSummary(member);
  const { free, pods } = summaryFree(member, held(member, options));
  return s.allocatable[PODS] === undefined ? free : { ...free, [PODS]: pods };
}

// Summary-path bound for a per-unit demand: 0 when a demanded resource is not allocatable at all or has
// nothing left; else ⌊available / demand⌋ (pkg/estimator/client/general.go).
function summaryBound(
  member: MemberSnapshot,
  demand: ResourceList,
  podsPerUnit: number,
  holds: readonly FleetReservation[],
): number {
  const { free, pods } = summaryFree(member, holds);
  const allocatable = memberResourceSummary(member).allocatable;
  if (pods <= 0) return 0;
  let bound = podsPerUnit > 0 ? Math.floor(pods / podsPerUnit) : MAX_REPLICAS;
  for (const name in demand) {
    const want = demand[name]!;
    if (name === PODS || want <= 0) continue;
    if (allocatable[name] === undefined) return 0;
    const avail = free[name] ?? 0;
    if (avail <= 0) return 0;
    const q = Math.floor(avail / want);
    if (q < bound) bound = q;
  }
  return Math.min(bound, MAX_REPLICAS);
}

/**
 * Karmada's general estimate of how many more replicas with `requirements` fit a member: from its resource
 * summary only — free pod slots (allocatable − allocated − allocating pods), then for every requested resource
 * ⌊(allocatable − allocated − allocating) / request⌋; a requested resource the member does not have at all
 * gives 0. Ignores nodes, fragmentation and the node claim. Reservations held by others count as allocating.
 * Example (Karmada docs): 4 CPU allocatable, 950m allocated, request 500m → 6.
 */
export function generalAvailableReplicas(
  member: MemberSnapshot,
  requirements: ReplicaRequirements | undefined,
  options: EstimateOptions = {},
): number {
  return summaryBound(member, requirements?.resourceRequest ?? {}, 1, held(member, options));
}

/**
 * Karmada's accurate (scheduler-estimator) estimate: Σ over the member's nodes that pass the replica's node
 * claim of how many replicas fit that node (min over requested resources of ⌊free / request⌋, and free pod
 * slots), with free = allocatable − requested − reservations held by others on that node.
 */
export function accurateAvailableReplicas(
  member: MemberSnapshot,
  requirements: ReplicaRequirements | undefined,
  options: EstimateOptions = {},
): number {
  const request = requirements?.resourceRequest ?? {};
  const fit = new MemberFit(member, requestedDims([request]), held(member, options));
  const vec = fit.vector(request);
  const eligible = fit.eligible(requirements?.nodeClaim);
  let total = 0;
  for (let i = 0; i < fit.index.size; i++) {
    if (eligible[i] === 0) continue;
    total += fit.fitCount(i, vec, MAX_REPLICAS);
    if (total >= MAX_REPLICAS) return MAX_REPLICAS;
  }
  return total;
}

/**
 * Available replicas of `requirements` in a member, both ways Karmada estimates them, and the smaller one
 * (or only the estimator chosen by `options.estimator`). Units: replicas (pods).
 */
export function estimateAvailableReplicas(
  member: MemberSnapshot,
  requirements: ReplicaRequirements | undefined,
  options: EstimateOptions = {},
): AvailabilityEstimate {
  const mode = options.estimator ?? 'both';
  const general = mode === 'accurate' ? MAX_REPLICAS : generalAvailableReplicas(member, requirements, options);
  const accurate = mode === 'general' ? MAX_REPLICAS : accurateAvailableReplicas(member, requirements, options);
  return { general, accurate, available: Math.min(general, accurate) };
}

/** Σ over components of replicas × per-pod requests, with the total pod count under `pods`. */
export function componentsDemand(components: readonly FleetComponent[]): ResourceList {
  const out: Record<string, number> = {};
  let pods = 0;
  for (const c of components) {
    add(out, c.replicaRequirements.resourceRequest, c.replicas);
    pods += c.replicas;
  }
  delete out[PODS];
  out[PODS] = pods;
  return out;
}

/**
 * Karmada's general estimate of complete component sets (`maxAvailableComponentSets`): free pod slots
 * divided by the pods of one set, and for each resource the summary's free amount divided by one set's total
 * demand; the minimum.
 */
export function generalAvailableSets(
  member: MemberSnapshot,
  components: readonly FleetComponent[],
  options: EstimateOptions = {},
): number {
  const demand = componentsDemand(components);
  return summaryBound(member, demand, demand[PODS]!, held(member, options));
}

/**
 * Karmada's first-fit estimate of complete component sets (`pkg/estimator/scheduling_simulator_components.go`):
 * place one whole set at a time — components in order (driver first), each replica first-fit over the nodes
 * in order — until a set no longer fits; returns the number of complete sets, at most `upperBound`.
 */
export function accurateAvailableSets(
  member: MemberSnapshot,
  components: readonly FleetComponent[],
  options: EstimateOptions & { readonly upperBound?: number } = {},
): number {
  const fit = new MemberFit(
    member,
    requestedDims(components.map((c) => c.replicaRequirements.resourceRequest)),
    held(member, options),
  );
  const compiled = components.map((c) => ({
    replicas: c.replicas,
    vec: fit.vector(c.replicaRequirements.resourceRequest),
    eligible: fit.eligible(c.replicaRequirements.nodeClaim),
  }));
  const cursors = compiled.map(() => 0);
  const limit = options.upperBound ?? MAX_REPLICAS;
  // A set that takes nothing (no pods, or no requests on nodes without a pod limit) never stops fitting.
  const podsPerSet = compiled.reduce((s, c) => s + c.replicas, 0);
  const demanding = compiled.some((c) => c.replicas > 0 && c.vec.some((v) => v > 0));
  if (podsPerSet === 0 || (!demanding && !fit.index.podsLimited)) {
    return compiled.every((c) => c.replicas === 0 || c.eligible.includes(1)) ? limit : 0;
  }
  let sets = 0;
  while (sets < limit) {
    for (let c = 0; c < compiled.length; c++) {
      const comp = compiled[c]!;
      const { placed, cursor } = fit.firstFit(comp.vec, comp.eligible, comp.replicas, cursors[c]);
      cursors[c] = cursor;
      if (placed < comp.replicas) return sets;
    }
    sets++;
  }
  return sets;
}

/**
 * Complete component sets (e.g. whole SparkApplications: 1 driver + N executors) that fit a member, both ways,
 * and the smaller. The first-fit count is bounded by the general count, as Karmada bounds it.
 */
export function estimateComponentSets(
  member: MemberSnapshot,
  components: readonly FleetComponent[],
  options: EstimateOptions = {},
): AvailabilityEstimate {
  const mode = options.estimator ?? 'both';
  const general = mode === 'accurate' ? MAX_REPLICAS : generalAvailableSets(member, components, options);
  const accurate =
    mode === 'general' ? MAX_REPLICAS : accurateAvailableSets(member, components, { ...options, upperBound: general });
  return { general, accurate, available: Math.min(general, accurate) };
}
