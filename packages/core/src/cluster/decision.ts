import type { Pod } from '../model/index.js';
import type { ResolvedPodGroup } from './PodGroup.js';
import type { ReasonCount } from './reasons.js';

/** A pod placed on a node. */
export interface PodBinding {
  /** The pod (as given, without `nodeName`). */
  readonly pod: Pod;
  /** The chosen node's name. */
  readonly nodeName: string;
  /** The chosen node's index in the view (input order). */
  readonly nodeIndex: number;
  /** The node's final score: Σ plugin weight × normalised plugin score (0–100 each). */
  readonly score: number;
}

/** A pending pod nominated to a node where it will fit once victims are gone (`status.nominatedNodeName`). */
export interface PodNomination {
  /** The pending pod. */
  readonly pod: Pod;
  /** Node it is nominated to. */
  readonly nodeName: string;
  /** That node's index. */
  readonly nodeIndex: number;
}

/** A running pod to evict for a preemptor, with the node it runs on. */
export interface PodVictim {
  /** The victim (as bound in the view). */
  readonly pod: Pod;
  /** Its node's name. */
  readonly nodeName: string;
  /** Its node's index. */
  readonly nodeIndex: number;
}

/** Why a pod (or a gang's member) found no node. */
export interface FitFailure {
  /** Aggregated per-node reasons, in the order of `message`. */
  readonly reasons: readonly ReasonCount[];
  /**
   * kube-scheduler's FailedScheduling text: `0/N nodes are available: …` and, when preemption ran or was
   * refused, ` preemption: …`.
   */
  readonly message: string;
}

/** The pod fits: bind it to `nodeName` (highest score; ties broken as documented in the options). */
export interface PodBindDecision extends PodBinding {
  /** Discriminant. */
  readonly kind: 'bind';
  /** A single pod's decision. */
  readonly scope: 'pod';
  /** Feasible nodes found (all of them were scored). */
  readonly feasibleNodes: number;
  /** Nodes filtered before stopping (all nodes unless `percentageOfNodesToScore` < 100). */
  readonly evaluatedNodes: number;
}

/**
 * No node fits, but evicting `victims` (all on `nodeName`, strictly lower priority) makes room: the pod is
 * nominated there and binds once they are gone (kube-scheduler's DefaultPreemption PostFilter result).
 */
export interface PodPreemptDecision extends FitFailure {
  /** Discriminant. */
  readonly kind: 'preempt';
  /** A single pod's decision. */
  readonly scope: 'pod';
  /** The preemptor. */
  readonly pod: Pod;
  /** Node the preemptor is nominated to. */
  readonly nodeName: string;
  /** That node's index. */
  readonly nodeIndex: number;
  /** Pods to evict, most important first (priority descending, then earlier start). */
  readonly victims: readonly Pod[];
  /** How many victims violate a PodDisruptionBudget. */
  readonly pdbViolations: number;
}

/** No node fits and preemption is off, refused or cannot help. */
export interface PodUnschedulableDecision extends FitFailure {
  /** Discriminant. */
  readonly kind: 'unschedulable';
  /** A single pod's decision. */
  readonly scope: 'pod';
  /** The pod that stays pending. */
  readonly pod: Pod;
  /** Nodes filtered (every node). */
  readonly evaluatedNodes: number;
}

/** A single pod's decision. */
export type PodDecision = PodBindDecision | PodPreemptDecision | PodUnschedulableDecision;

/** A gang member that was not placed although the gang was satisfied (it stays pending as an ordinary pod). */
export interface UnplacedMember extends FitFailure {
  /** The member. */
  readonly pod: Pod;
}

/**
 * The gang is satisfied: at least `minMember` members are placed, each on its node, in one decision.
 * Members beyond the minimum that did not fit are listed in `unplaced` (empty when all fit).
 */
export interface GangBindDecision {
  /** Discriminant. */
  readonly kind: 'bind';
  /** A gang's decision. */
  readonly scope: 'gang';
  /** The gang with defaults applied. */
  readonly podGroup: ResolvedPodGroup;
  /** One binding per placed member, in member order. */
  readonly bindings: readonly PodBinding[];
  /** Members not placed (only possible beyond `minMember`). */
  readonly unplaced: readonly UnplacedMember[];
}

/**
 * Koordinator job-level preemption: evicting `victims` makes room for every pending member at once. All
 * members are nominated (waiting members keep their node); they bind once the victims are gone.
 */
export interface GangPreemptDecision extends FitFailure {
  /** Discriminant. */
  readonly kind: 'preempt';
  /** A gang's decision. */
  readonly scope: 'gang';
  /** The gang with defaults applied. */
  readonly podGroup: ResolvedPodGroup;
  /** The member whose failure triggered preemption (its victims have lower priority than it). */
  readonly triggerPod: Pod;
  /** One nomination per member, in member order. */
  readonly nominations: readonly PodNomination[];
  /** Pods to evict, grouped by node (node name order), most important first within a node. */
  readonly victims: readonly PodVictim[];
}

/** The gang cannot be placed whole now; nothing is bound. */
export interface GangUnschedulableDecision extends FitFailure {
  /** Discriminant. */
  readonly kind: 'unschedulable';
  /** A gang's decision. */
  readonly scope: 'gang';
  /** The gang with defaults applied. */
  readonly podGroup: ResolvedPodGroup;
  /** The first member that found no node (absent when the gang has fewer members than `minMember`). */
  readonly failedMember?: Pod;
  /** Members that had been placed (on scratch) before the gang gave up; none of them is bound. */
  readonly placedBeforeFailure: number;
}

/** A gang's decision. */
export type GangDecision = GangBindDecision | GangPreemptDecision | GangUnschedulableDecision;

/** Any decision of {@link scheduleInCluster}. */
export type ClusterDecision = PodDecision | GangDecision;
