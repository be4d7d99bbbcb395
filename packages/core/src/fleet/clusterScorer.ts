import type { ResourceList } from '../resources/index.js';
import type { MemberSnapshot, NodePlacement } from './types.js';

/** What a {@link ClusterScorer} sees about one member that can hold the whole application. */
export interface ClusterScoreInput {
  /** The member being scored. */
  readonly member: MemberSnapshot;
  /** The application's total demand: Σ replicas × per-pod requests, with the pod count under `pods`. */
  readonly demand: ResourceList;
  /**
   * The member's idle capacity before placing it, from its resource summary: allocatable − allocated −
   * allocating − reservations held by others (integer units, with `pods` when the member limits pods).
   */
  readonly idle: ResourceList;
  /** The member's Σ allocatable (integer units). */
  readonly allocatable: ResourceList;
  /** The node-level fit of the application in this member. */
  readonly placements: readonly NodePlacement[];
}

/**
 * Ranks the members that can hold a whole Gang application: higher is better; equal scores go to the member
 * whose name sorts first. ACK One does not document how its Global Scheduler picks among fitting members,
 * so this is pluggable; the default is {@link mostIdleScorer}.
 */
export type ClusterScorer = (input: ClusterScoreInput) => number;

/**
 * Default scorer: the member with the most idle capacity left after placing the application, measured in
 * copies of the application — min over the resources it demands of (idle − demand) / demand. A member that
 * could take five more copies beats one that could take two, whatever their absolute sizes; this is the
 * quantity Karmada orders multi-component candidates by (available complete sets).
 */
export const mostIdleScorer: ClusterScorer = ({ demand, idle }) => {
  let score = Number.POSITIVE_INFINITY;
  for (const name in demand) {
    const want = demand[name]!;
    if (want <= 0 || idle[name] === undefined) continue;
    const left = (idle[name]! - want) / want;
    if (left < score) score = left;
  }
  return score === Number.POSITIVE_INFINITY ? 0 : score;
};

/** Best fit: the member with the least idle capacity left after placement (packs jobs tightly). */
export const bestFitScorer: ClusterScorer = (input) => -mostIdleScorer(input);

/**
 * A static preference: each member scores its weight from `weights` (by member name; `defaultWeight` for the
 * others), whatever its capacity, as long as it can hold the application. Ties go by name.
 */
export function staticWeightScorer(weights: Readonly<Record<string, number>>, defaultWeight = 0): ClusterScorer {
  return ({ member }) => (Object.hasOwn(weights, member.name) ? weights[member.name]! : defaultWeight);
}
