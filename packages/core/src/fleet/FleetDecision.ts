import type { ReplicaStrategyName } from './divideReplicas.js';
import type { FleetDispatch, RescheduleAttempt } from './reschedule.js';
import type { FleetIssue, FleetReservation, NodePlacement, TargetCluster } from './types.js';

/** Which policy a decision applied. */
export interface PolicyRef {
  /** Namespaced PropagationPolicy or cluster-scoped ClusterPropagationPolicy. */
  readonly kind: 'PropagationPolicy' | 'ClusterPropagationPolicy';
  /** The policy's name. */
  readonly name: string;
  /** The policy's namespace (PropagationPolicy only). */
  readonly namespace?: string;
}

/**
 * How the fleet placed the resource: one of Karmada's replica strategies; `Gang` (ACK One
 * `customSchedulingType: Gang`: the whole multi-component job in one member); `MultiComponent` (Karmada
 * ≥ 1.16 multi-component scheduling: Divided + cluster spread min = max = 1); `Object` (a non-workload, or a
 * multi-component job without either, propagated whole to every selected member).
 */
export type FleetStrategy = ReplicaStrategyName | 'Gang' | 'MultiComponent' | 'Object';

/** One member's part in a decision. */
export interface MemberVerdict {
  /** Member name. */
  readonly member: string;
  /**
   * `filtered`: failed a placement filter (affinity, taints, API enablement, spread field); `excluded`: the
   * application already failed to start there and another member qualifies; `insufficient`: passes the
   * filters but cannot hold the workload now; `fits`: could hold it; `chosen`: got (part of) it.
   */
  readonly outcome: 'filtered' | 'excluded' | 'insufficient' | 'fits' | 'chosen';
  /** Why the member was filtered, excluded or is insufficient (one line). */
  readonly reason?: string;
  /** Cluster scorer value (Gang) for members that fit. */
  readonly score?: number;
  /** Estimated available replicas (or complete sets), where computed. */
  readonly availableReplicas?: number;
}

/** The node-level placement behind a single-member decision. */
export interface MemberPlacement {
  /** The member. */
  readonly member: string;
  /** Pods per node and component, driver first. */
  readonly nodes: readonly NodePlacement[];
}

interface DecisionBase {
  /** `fleetResourceKey` of the resource. */
  readonly resource: string;
  /** Input problems found on the way (e.g. a policy naming an unknown cluster). */
  readonly issues: readonly FleetIssue[];
}

/** The resource is placed. */
export interface ScheduledDecision extends DecisionBase {
  /** Discriminant. */
  readonly kind: 'scheduled';
  /** The policy applied. */
  readonly policy: PolicyRef;
  /** How the resource was placed. */
  readonly strategy: FleetStrategy;
  /** The `clusterAffinities[]` term that succeeded, when the policy uses ordered groups. */
  readonly affinityName?: string;
  /** Karmada's `spec.clusters`: member, replicas, and the per-component split for multi-component jobs. */
  readonly targetClusters: readonly TargetCluster[];
  /** Node-level placement for single-member (Gang / multi-component) decisions. */
  readonly placements: readonly MemberPlacement[];
  /** Preoccupation holds to add to the fleet's view (empty below the minimum member version). */
  readonly reservations: readonly FleetReservation[];
  /** The `ScheduleBindingSucceed` event message. */
  readonly message: string;
  /** Every member's part, by name. */
  readonly verdicts: readonly MemberVerdict[];
  /** For single-member decisions: the dispatch record `checkRescheduleTimeout` tracks. */
  readonly dispatch?: FleetDispatch;
}

/** A Gang job that no member can hold right now: it waits in the fleet queue. */
export interface WaitingDecision extends DecisionBase {
  /** Discriminant. */
  readonly kind: 'waiting';
  /** The policy applied. */
  readonly policy: PolicyRef;
  /** How the resource would be placed (`Gang`). */
  readonly strategy: FleetStrategy;
  /** Why each member cannot take it. */
  readonly reasons: readonly MemberVerdict[];
  /** One line summing up the reasons. */
  readonly message: string;
  /** Earlier reclaimed dispatches of the job, carried from the options. */
  readonly attempts: readonly RescheduleAttempt[];
}

/**
 * The scheduler could not place the resource. `condition` is Karmada's `Scheduled=False` reason:
 * `NoClusterFit` (no member passes the filters: Karmada empties the result), `Unschedulable` (not enough
 * room: the previous result is kept and the binding retried), `SchedulerError` (spread selection failed or
 * the input is invalid: retried with backoff).
 */
export interface UnschedulableDecision extends DecisionBase {
  /** Discriminant. */
  readonly kind: 'unschedulable';
  /** The policy applied. */
  readonly policy: PolicyRef;
  /** How the resource would be placed. */
  readonly strategy: FleetStrategy;
  /** Karmada's `Scheduled` condition reason. */
  readonly condition: 'NoClusterFit' | 'Unschedulable' | 'SchedulerError';
  /** The scheduler's message (Karmada's wording where it has one). */
  readonly reason: string;
  /** Every member's part, by name. */
  readonly verdicts: readonly MemberVerdict[];
}

/** No PropagationPolicy / ClusterPropagationPolicy claims the resource: it stays on the fleet only. */
export interface NoPolicyDecision extends DecisionBase {
  /** Discriminant. */
  readonly kind: 'no-policy';
  /** One line naming the resource. */
  readonly reason: string;
}

/** The global scheduler's decision for one resource (see `scheduleOnFleet`). */
export type FleetDecision = ScheduledDecision | WaitingDecision | UnschedulableDecision | NoPolicyDecision;
