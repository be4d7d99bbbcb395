export { clusterMatchesAffinity, untoleratedClusterTaint } from './clusterAffinity.js';
export type { ClusterScoreInput, ClusterScorer } from './clusterScorer.js';
export { bestFitScorer, mostIdleScorer, staticWeightScorer } from './clusterScorer.js';
export type {
  DispenserKind,
  DivideReplicasInput,
  DivideReplicasResult,
  DivisionCandidate,
  ReplicaStrategyName,
} from './divideReplicas.js';
export { divideReplicas, replicaStrategyOf } from './divideReplicas.js';
export type { AvailabilityEstimate, EstimateOptions, EstimatorMode } from './estimator.js';
export {
  accurateAvailableReplicas,
  accurateAvailableSets,
  componentsDemand,
  estimateAvailableReplicas,
  estimateComponentSets,
  generalAvailableReplicas,
  generalAvailableSets,
  MAX_REPLICAS,
  memberIdle,
  memberResourceSummary,
} from './estimator.js';
export { formatScheduleResult, formatTargetCluster, SCHEDULE_SUCCEEDED_MESSAGE } from './eventMessage.js';
export type {
  FleetDecision,
  FleetStrategy,
  MemberPlacement,
  MemberVerdict,
  NoPolicyDecision,
  PolicyRef,
  ScheduledDecision,
  UnschedulableDecision,
  WaitingDecision,
} from './FleetDecision.js';
export type { PodRequirementsSource, SparkPodSet } from './fleetResource.js';
export {
  objectResource,
  replicaRequirementsOf,
  sparkApplicationResource,
  sparkApplicationTemplate,
  workloadResource,
} from './fleetResource.js';
export { fnv1a32 } from './fnv.js';
export { formatAmount } from './formatAmount.js';
export type { GangChoice, GangFit, GangSelection, GangVerdict } from './gang.js';
export { chooseGangMember, fitGang } from './gang.js';
export type { LegacyTieOrder, LegacyWeight } from './legacyDispenser.js';
export { legacyNameOrder, takeByWeightLegacy } from './legacyDispenser.js';
export type { MemberIndex } from './memberIndex.js';
export { memberIndex } from './memberIndex.js';
export type { MemberNodeLayout } from './memberIndexFromColumns.js';
export { memberIndexFromColumns, memberNodeLayout } from './memberIndexFromColumns.js';
export type {
  ClusterAffinity,
  ClusterAffinityTerm,
  FieldSelectorRequirement,
  Placement,
  PolicyApiVersion,
  PropagationPolicy,
  ReplicaSchedulingStrategy,
  ResourceSelector,
  SpreadConstraint,
  StaticClusterWeight,
  WeightPreference,
} from './PropagationPolicy.js';
export type { ImplicitPriorityValue } from './policyMatching.js';
export { ImplicitPriority, matchPolicy, policyImplicitPriority, resourceSelectorPriority } from './policyMatching.js';
export type { PreoccupationModel, PreoccupationRequest, TtlPreoccupationOptions } from './preoccupation.js';
export {
  DEFAULT_PREOCCUPATION_MIN_VERSION,
  DEFAULT_PREOCCUPATION_TTL_MS,
  noPreoccupation,
  ttlPreoccupation,
} from './preoccupation.js';
export type { FleetDispatch, RescheduleAttempt, RescheduleCheck, RescheduleOptions } from './reschedule.js';
export { checkRescheduleTimeout, DEFAULT_RESCHEDULE_TIMEOUT_MS } from './reschedule.js';
export {
  consumeReservation,
  expireReservations,
  heldReservations,
  isReservationHeld,
  releaseReservations,
  sumReservations,
  withReservations,
} from './reservations.js';
export type { FleetScheduleOptions } from './scheduleOnFleet.js';
export { scheduleOnFleet } from './scheduleOnFleet.js';
export type { SpreadCandidate, SpreadSelection, SpreadWorkload } from './spreadConstraints.js';
export {
  compareSpreadCandidates,
  missingSpreadField,
  selectBestClusters,
  shouldIgnoreSpreadConstraints,
} from './spreadConstraints.js';
export type {
  ComponentReplicas,
  FleetComponent,
  FleetIssue,
  FleetReservation,
  FleetResource,
  FleetSnapshot,
  MemberClusterFacts,
  MemberNodeSnapshot,
  MemberResourceSummary,
  MemberSnapshot,
  NodeClaim,
  NodePlacement,
  ReplicaRequirements,
  ResourceTemplate,
  TargetCluster,
} from './types.js';
export { fleetResourceKey } from './types.js';
export { findUnknownClusters } from './unknownClusters.js';
export type { WebsterParty, WebsterTieBreaker } from './webster.js';
export { allocateWebsterSeats, fewerSeatsThenName, tieBreakerForUid } from './webster.js';
