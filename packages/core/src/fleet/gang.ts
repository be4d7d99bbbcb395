import type { ResourceList } from '../resources/index.js';
import { PODS } from '../resources/index.js';
import type { ClusterScorer } from './clusterScorer.js';
import { mostIdleScorer } from './clusterScorer.js';
import type { EstimateOptions } from './estimator.js';
import { componentsDemand, memberIdle, memberResourceSummary } from './estimator.js';
import { formatAmount } from './formatAmount.js';
import { MemberFit, requestedDims } from './nodeFit.js';
import { heldReservations } from './reservations.js';
import type { FleetComponent, MemberSnapshot, NodePlacement } from './types.js';

/** Whether a whole multi-component application fits one member, with its node-level placement or the reason. */
export type GangFit =
  | {
      /** The whole job fits. */
      readonly fits: true;
      /** Member name. */
      readonly member: string;
      /** Node by node, driver first then executors, as the first-fit put them. */
      readonly placements: readonly NodePlacement[];
      /** The job's total demand (integer units, with `pods`). */
      readonly demand: ResourceList;
      /** The member's idle capacity by its summary before placing the job. */
      readonly idle: ResourceList;
    }
  | {
      /** The job does not fit. */
      readonly fits: false;
      /** Member name. */
      readonly member: string;
      /** Why (summary shortage, fragmentation, node claim). */
      readonly reason: string;
    };

/**
 * Fits a whole application (all components, e.g. the Spark driver and every executor) into one member as of its
 * snapshot: the member's resource summary must hold the total demand (Karmada's general set estimate ≥ 1)
 * and a node-level first-fit must place every pod at once — components in order (driver first), each pod on
 * the first node, in node order, that passes its node claim and has room, counting pods placed before it in
 * the same decision and reservations held by other applications. All or nothing: a partial fit is a failure.
 */
export function fitGang(
  member: MemberSnapshot,
  components: readonly FleetComponent[],
  options: EstimateOptions = {},
): GangFit {
  const demand = componentsDemand(components);
  const idle = memberIdle(member, options);
  const allocatable = memberResourceSummary(member).allocatable;
  for (const name of Object.keys(demand).sort()) {
    const want = demand[name]!;
    if (want <= 0) continue;
    if (name === PODS) {
      if (idle[PODS] !== undefined && idle[PODS] < want) {
        return {
          fits: false,
          member: member.name,
          reason: `insufficient pod slots (needs ${want}, ${idle[PODS]} free)`,
        };
      }
      continue;
    }
    if (allocatable[name] === undefined) {
      return { fits: false, member: member.name, reason: `no node offers ${name}` };
    }
    const free = idle[name] ?? 0;
    if (free < want) {
      return {
        fits: false,
        member: member.name,
        reason: `insufficient ${name} (needs ${formatAmount(name, want)}, ${formatAmount(name, Math.max(0, free))} idle)`,
      };
    }
  }
  const fit = new MemberFit(
    member,
    requestedDims(components.map((c) => c.replicaRequirements.resourceRequest)),
    heldReservations(member, options.nowMs ?? Number.NEGATIVE_INFINITY, options.owner),
  );
  const placements: NodePlacement[] = [];
  let earlier = false;
  for (const c of components) {
    if (c.replicas <= 0) continue;
    const vec = fit.vector(c.replicaRequirements.resourceRequest);
    const eligible = fit.eligible(c.replicaRequirements.nodeClaim);
    const { placed } = fit.firstFit(vec, eligible, c.replicas, 0, (i, k) =>
      placements.push({ node: fit.index.names[i]!, component: c.name, replicas: k }),
    );
    if (placed < c.replicas) {
      const reason = eligible.includes(1)
        ? `node-level fit placed ${placed} of ${c.replicas} ${c.name} pod(s)${earlier ? ' after the earlier components' : ''} (fragmentation or reservations)`
        : `no node passes the ${c.name} pod's node selector, affinity and tolerations`;
      return { fits: false, member: member.name, reason };
    }
    earlier = true;
  }
  return { fits: true, member: member.name, placements, demand, idle };
}

/** The member a Gang selection chose: its fit and its scorer value. */
export type GangChoice = Extract<
  GangFit,
  {
    /** The whole job fits. */
    fits: true;
  }
> & {
  /** The scorer's value. */
  readonly score: number;
};

/** One member's outcome in a Gang selection. */
export interface GangVerdict {
  /** Member name. */
  readonly member: string;
  /** Whether the whole job fits it. */
  readonly fits: boolean;
  /** The scorer's value, for members that fit. */
  readonly score?: number;
  /** Why the member cannot hold the application, for members that do not fit. */
  readonly reason?: string;
}

/** The result of choosing a member for a Gang: the chosen fit (if any) and every member's verdict. */
export interface GangSelection {
  /** The chosen member's fit and score; absent when no member fits. */
  readonly chosen?: GangChoice;
  /** Every member's verdict, by name. */
  readonly verdicts: readonly GangVerdict[];
}

/**
 * Chooses the member for a Gang application (ACK One `customSchedulingType: Gang`): among `members` (already
 * filtered by the policy) those where {@link fitGang} succeeds, the one with the highest `scorer` value
 * (default {@link mostIdleScorer}); equal scores go to the name that sorts first. Never splits the
 * application. Deterministic; inputs are not mutated.
 */
export function chooseGangMember(
  members: readonly MemberSnapshot[],
  components: readonly FleetComponent[],
  options: EstimateOptions & { readonly scorer?: ClusterScorer } = {},
): GangSelection {
  const scorer = options.scorer ?? mostIdleScorer;
  const verdicts: GangVerdict[] = [];
  let chosen: GangChoice | undefined;
  const sorted = [...members].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const member of sorted) {
    const result = fitGang(member, components, options);
    if (!result.fits) {
      verdicts.push({ member: member.name, fits: false, reason: result.reason });
      continue;
    }
    const score = scorer({
      member,
      demand: result.demand,
      idle: result.idle,
      allocatable: memberResourceSummary(member).allocatable,
      placements: result.placements,
    });
    verdicts.push({ member: member.name, fits: true, score });
    if (chosen === undefined || score > chosen.score) chosen = { ...result, score };
  }
  return chosen === undefined ? { verdicts } : { chosen, verdicts };
}
