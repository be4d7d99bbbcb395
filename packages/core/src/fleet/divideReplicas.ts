import { clusterMatchesAffinity } from './clusterAffinity.js';
import type { LegacyTieOrder, LegacyWeight } from './legacyDispenser.js';
import { takeByWeightLegacy } from './legacyDispenser.js';
import type { ReplicaSchedulingStrategy } from './PropagationPolicy.js';
import type { MemberClusterFacts, TargetCluster } from './types.js';
import { allocateWebsterSeats, tieBreakerForUid } from './webster.js';

/**
 * Karmada's four assignment strategies (`pkg/scheduler/core/assignment.go newAssignState`): `Duplicated`;
 * `Aggregated` (Divided + Aggregated); `DynamicWeight` (Divided + Weighted + `dynamicWeight`);
 * `StaticWeight` (every other Divided).
 */
export type ReplicaStrategyName = 'Duplicated' | 'StaticWeight' | 'DynamicWeight' | 'Aggregated';

/**
 * Which replica dispenser to use: `webster` — Karmada ≥ 1.16's Sainte-Laguë method with the UID tie order
 * (default); `legacy` — Karmada v1.8–v1.15 (floor + remainder to the heaviest; scale-down weighted by every
 * previous cluster, as before v1.17's fix of issue #7109). ACK One may run either generation.
 */
export type DispenserKind = 'webster' | 'legacy';

/** A selected member as `divideReplicas` sees it: what static weights match, and its estimated room. */
export interface DivisionCandidate extends MemberClusterFacts {
  /**
   * The estimator's answer for this workload: how many **more** replicas fit (Karmada's `allocatable`,
   * excluding replicas the workload already has there). Absent = no estimator answered, which Karmada
   * treats as room for all `replicas`.
   */
  readonly availableReplicas?: number;
}

/** Input of {@link divideReplicas}, with Karmada's field names. */
export interface DivideReplicasInput {
  /** `spec.replicas`: the total to run, a non-negative integer. */
  readonly replicas: number;
  /** The selected candidate members (after filtering and spread selection). */
  readonly clusters: readonly DivisionCandidate[];
  /** `placement.replicaScheduling`; absent = Duplicated. */
  readonly replicaScheduling: ReplicaSchedulingStrategy | undefined;
  /** The previous result (`spec.clusters`); absent = first schedule. */
  readonly previous?: readonly TargetCluster[];
  /** The resource's `metadata.uid`: its FNV-1a parity orders Webster ties. */
  readonly uid?: string;
  /** Default `webster`. */
  readonly dispenser?: DispenserKind;
  /**
   * Karmada's Fresh mode (`rescheduleTriggeredAt` later than `lastScheduledTime`, e.g. a WorkloadRebalancer):
   * recompute from scratch instead of scaling from `previous`. Default false (Steady).
   */
  readonly fresh?: boolean;
  /** Tie order of the legacy dispenser (default name ascending; Karmada flipped a random coin). */
  readonly legacyTieOrder?: LegacyTieOrder;
}

/** The result of {@link divideReplicas}. */
export type DivideReplicasResult =
  | {
      /** Discriminant: replicas were divided. */
      readonly kind: 'assigned';
      /** The strategy applied. */
      readonly strategy: ReplicaStrategyName;
      /** Members with > 0 replicas, by name (Duplicated: every candidate). */
      readonly clusters: readonly TargetCluster[];
    }
  | {
      /** Discriminant: not enough room (Karmada `UnschedulableError`). */
      readonly kind: 'unschedulable';
      /** The strategy applied. */
      readonly strategy: ReplicaStrategyName;
      /** Karmada's message, e.g. "Clusters available replicas 9 are not enough to schedule." */
      readonly reason: string;
      /** Σ of the weights that were available for the replicas to place. */
      readonly availableReplicas: number;
    };

/** The strategy Karmada resolves from `placement.replicaScheduling` (absent = Duplicated). */
export function replicaStrategyOf(rs: ReplicaSchedulingStrategy | undefined): ReplicaStrategyName {
  if (rs === undefined || rs.replicaSchedulingType === 'Duplicated') return 'Duplicated';
  if (rs.replicaDivisionPreference === 'Aggregated') return 'Aggregated';
  if (rs.weightPreference?.dynamicWeight !== undefined) return 'DynamicWeight';
  return 'StaticWeight';
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function finish(strategy: ReplicaStrategyName, entries: Iterable<[string, number]>): DivideReplicasResult {
  const clusters = [...entries]
    .filter(([, r]) => r > 0)
    .map(([name, replicas]) => ({ name, replicas }))
    .sort(byName);
  return { kind: 'assigned', strategy, clusters };
}

interface Weighted {
  readonly name: string;
  readonly weight: number;
  readonly last: number;
}

// Webster (no initial seats, UID tie order) or the legacy dispenser over `weights`, merged onto `init`.
function dispense(
  input: DivideReplicasInput,
  target: number,
  weights: readonly Weighted[],
  init: ReadonlyMap<string, number>,
): Map<string, number> {
  const out = new Map(init);
  if (input.dispenser === 'legacy') {
    const legacy: LegacyWeight[] = weights.map((w) => ({ name: w.name, weight: w.weight, lastReplicas: w.last }));
    const initList = [...init].map(([name, replicas]) => ({ name, replicas }));
    return new Map(
      takeByWeightLegacy(target, legacy, initList, input.legacyTieOrder).map((t) => [t.name, t.replicas] as const),
    );
  }
  let sum = 0;
  for (const w of weights) sum += w.weight;
  if (sum === 0) return out; // Karmada's dispenser does nothing on a zero weight sum
  const seats = allocateWebsterSeats(
    target,
    new Map(weights.map((w) => [w.name, w.weight])),
    undefined,
    tieBreakerForUid(input.uid),
  );
  for (const p of seats) out.set(p.name, (out.get(p.name) ?? 0) + p.seats);
  return out;
}

function staticWeights(input: DivideReplicasInput, last: ReadonlyMap<string, number>): Weighted[] {
  const list = input.replicaScheduling?.weightPreference?.staticWeightList ?? [];
  const out: Weighted[] = [];
  for (const c of input.clusters) {
    // A member matched by several rules takes the largest weight (pkg/scheduler/core/division_algorithm.go).
    let weight = 0;
    for (const rule of list) if (clusterMatchesAffinity(c, rule.targetCluster)) weight = Math.max(weight, rule.weight);
    if (weight > 0) out.push({ name: c.name, weight, last: last.get(c.name) ?? 0 });
  }
  if (out.length === 0) return input.clusters.map((c) => ({ name: c.name, weight: 1, last: last.get(c.name) ?? 0 }));
  return out;
}

/**
 * Divides `replicas` among the selected members the way Karmada's scheduler does
 * (`pkg/scheduler/core/assignment.go`, `division_algorithm.go`, `common.go`):
 *
 * - **Duplicated**: every member gets all `replicas`.
 * - **StaticWeight** (Divided + Weighted without `dynamicWeight`): weight = the largest `staticWeightList`
 *   weight whose `targetCluster` matches the member; members without weight are dropped; no list (or all
 *   zero) = weight 1 each. Recomputed from scratch each time (the previous result is not used) and
 *   capacity-blind.
 * - **DynamicWeight** (`dynamicWeight: AvailableReplicas`) and **Aggregated**: incremental. Members of the
 *   previous result that are still candidates keep their replicas; on scale-up only the new replicas are
 *   dispensed, weighted by each member's available replicas; on scale-down the new total is dispensed
 *   weighted by the previous replicas (Aggregated keeps the largest members: {m1:4, m2:8} → 6 gives
 *   {m2:6}); equal totals keep the previous result. Aggregated first narrows the members to the shortest
 *   prefix, fullest first (previously used members first on scale-up), whose room covers the target. If the
 *   room is short the result is `unschedulable` (Karmada keeps the previous placement and retries). A member
 *   never receives more than its available replicas plus what it already had.
 *
 * The dispenser is Webster with the UID tie order (or the legacy one, see {@link DispenserKind}). Pure and
 * deterministic: same input, same result.
 *
 * @example
 * divideReplicas({
 *   replicas: 12,
 *   clusters: [
 *     { name: 'member1', labels: {}, availableReplicas: 6 },
 *     { name: 'member2', labels: {}, availableReplicas: 12 },
 *     { name: 'member3', labels: {}, availableReplicas: 18 },
 *   ],
 *   replicaScheduling: {
 *     replicaSchedulingType: 'Divided',
 *     replicaDivisionPreference: 'Weighted',
 *     weightPreference: { dynamicWeight: 'AvailableReplicas' },
 *   },
 * });
 * // → assigned: member1 2, member2 4, member3 6
 */
export function divideReplicas(input: DivideReplicasInput): DivideReplicasResult {
  const { replicas } = input;
  if (!Number.isSafeInteger(replicas) || replicas < 0) {
    throw new RangeError(`divideReplicas: replicas must be a non-negative integer, got ${replicas}`);
  }
  const strategy = replicaStrategyOf(input.replicaScheduling);
  const candidates = [...input.clusters].sort(byName);
  const previous = input.previous ?? [];
  const lastReplicas = new Map(previous.map((t) => [t.name, t.replicas] as const));

  if (strategy === 'Duplicated') {
    return { kind: 'assigned', strategy, clusters: candidates.map((c) => ({ name: c.name, replicas })) };
  }
  if (strategy === 'StaticWeight') {
    return finish(strategy, dispense(input, replicas, staticWeights(input, lastReplicas), new Map()));
  }

  // Dynamic strategies (assignByDynamicStrategy).
  const candidateNames = new Set(candidates.map((c) => c.name));
  const scheduled = new Map<string, number>();
  for (const t of previous) if (candidateNames.has(t.name) && t.replicas > 0) scheduled.set(t.name, t.replicas);
  let assigned = 0;
  for (const r of scheduled.values()) assigned += r;
  const room = (c: DivisionCandidate): number => Math.max(0, c.availableReplicas ?? replicas);
  // Candidate order for equal weights: previously used first, then more room including existing replicas,
  // then name (the order SelectBestClusters leaves them in; Go's sort is stable for small lists).
  const order = (a: Weighted, b: Weighted): number =>
    b.weight - a.weight ||
    (scheduled.has(b.name) ? 1 : 0) - (scheduled.has(a.name) ? 1 : 0) ||
    b.last - a.last ||
    byName(a, b);

  let target: number;
  let weights: Weighted[];
  let init: Map<string, number>;
  if (input.fresh === true) {
    target = replicas;
    weights = candidates.map((c) => ({ name: c.name, weight: room(c) + (scheduled.get(c.name) ?? 0), last: 0 }));
    init = new Map();
  } else if (assigned > replicas) {
    target = replicas;
    // v1.17+ weighs only members still among the candidates; v1.15 weighed every previous member.
    const source =
      input.dispenser === 'legacy'
        ? previous.filter((t) => t.replicas > 0)
        : [...scheduled].map(([name, r]) => ({ name, replicas: r }));
    weights = source.map((t) => ({ name: t.name, weight: t.replicas, last: t.replicas }));
    init = new Map();
  } else if (assigned < replicas) {
    target = replicas - assigned;
    weights = candidates.map((c) => ({ name: c.name, weight: room(c), last: scheduled.get(c.name) ?? 0 }));
    init = scheduled;
  } else {
    return finish(strategy, scheduled);
  }
  weights.sort(order);

  let total = 0;
  for (const w of weights) total += w.weight;
  if (total < target) {
    return {
      kind: 'unschedulable',
      strategy,
      reason: `Clusters available replicas ${total} are not enough to schedule.`,
      availableReplicas: total,
    };
  }
  if (strategy === 'Aggregated') {
    if (init.size > 0) {
      // Previously used members first, keeping the order otherwise (resortAvailableClusters).
      weights = [...weights.filter((w) => init.has(w.name)), ...weights.filter((w) => !init.has(w.name))];
    }
    let sum = 0;
    let keep = weights.length;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i]!.weight;
      if (sum >= target) {
        keep = i + 1;
        break;
      }
    }
    weights = weights.slice(0, keep);
  }
  return finish(strategy, dispense(input, target, weights, init));
}
