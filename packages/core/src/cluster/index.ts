// One member cluster's scheduler: kube-scheduler filter/score/preemption and Koordinator gangs.
export type { ClusterInput } from './ClusterInput.js';
export type { ClusterSnapshot } from './ClusterSnapshot.js';
export { createClusterSnapshot } from './ClusterSnapshot.js';
export type { ClusterColumns, ClusterView, NodeColumn } from './ClusterView.js';
export type {
  ClusterDecision,
  FitFailure,
  GangBindDecision,
  GangDecision,
  GangPreemptDecision,
  GangUnschedulableDecision,
  PodBindDecision,
  PodBinding,
  PodDecision,
  PodNomination,
  PodPreemptDecision,
  PodUnschedulableDecision,
  PodVictim,
  UnplacedMember,
} from './decision.js';
export { matchesPodNodeAffinity, toleratesUnschedulable, UNSCHEDULABLE_TAINT_KEY } from './filters.js';
export type { GangProgress, GangRelease } from './gangLifecycle.js';
export {
  gangReleaseOnFailure,
  gangReleaseOnTimeout,
  gangRulesApply,
  gangSatisfied,
  gangWaitDeadline,
  gangWaitExpired,
} from './gangLifecycle.js';
export { compareImportance } from './importance.js';
export { GANG_NAME_ANNOTATION, POD_GROUP_LABEL, preemptionJobKey } from './jobKey.js';
export { MutableClusterState } from './MutableClusterState.js';
export type {
  ClusterSchedulingOptions,
  PluginWeights,
  ResourceWeight,
  ScoreFunction,
  ScorePlugin,
} from './options.js';
export type { PodDisruptionBudget } from './PodDisruptionBudget.js';
export { disruptionsAllowed, pdbSelectsPod } from './PodDisruptionBudget.js';
export type { Gang, GangMatchPolicy, GangMode, PodGroup, ResolvedPodGroup } from './PodGroup.js';
export { DEFAULT_GANG_WAIT_TIME_SECONDS, isGang, resolvePodGroup } from './PodGroup.js';
export { podKey } from './podKey.js';
export type { ReasonCount, ReasonSummary } from './reasons.js';
export {
  insufficientReason,
  MESSAGE_NO_NODES,
  MESSAGE_PREEMPTION_POLICY_NEVER,
  REASON_NO_POTENTIAL_VICTIMS,
  REASON_NO_PREEMPTION_VICTIMS,
  REASON_NODE_AFFINITY,
  REASON_NODE_UNSCHEDULABLE,
  REASON_PREEMPTION_NOT_HELPFUL,
  REASON_TOO_MANY_PODS,
  summarizeReasons,
  untoleratedTaintReason,
} from './reasons.js';
export { referenceScheduleInCluster } from './reference.js';
export {
  DEFAULT_MEMORY_REQUEST,
  DEFAULT_MILLI_CPU_REQUEST,
  MAX_EXTENDED_RESOURCES,
  nonZeroRequest,
} from './requests.js';
export { scheduleInCluster } from './scheduleInCluster.js';
export { balancedAllocationScore } from './scores/balancedAllocation.js';
export { MAX_NODE_SCORE } from './scores/constants.js';
export { leastAllocatedScore } from './scores/leastAllocated.js';
export { mostAllocatedScore } from './scores/mostAllocated.js';
export { preferredAffinityScore } from './scores/nodeAffinity.js';
export { normalizeScores } from './scores/normalize.js';
export type { ScoringStrategy } from './scores/resourceAllocation.js';
export { resourceAllocationScore } from './scores/resourceAllocation.js';
export { intolerablePreferNoScheduleCount } from './scores/taintToleration.js';
