/**
 * `@gleaner/sim/testing`: fast-check arbitraries and invariants for property-testing policy changes.
 *
 * @packageDocumentation
 */
export { ACK_SLO_CONFIG_DATA, ackSloConfig } from './ackSloConfig.js';
export type { FleetOptions } from './arbFleet.js';
export { arbFleet, arbMember, GENERATED_KUBERNETES_VERSIONS, GENERATED_MEMBER_NAMES } from './arbFleet.js';
export type { LoadCurveOptions } from './arbLoadCurve.js';
export { arbLoadCurve } from './arbLoadCurve.js';
export type { NodeOptions } from './arbNode.js';
export { arbNode } from './arbNode.js';
export type { NodePoolOptions } from './arbNodePool.js';
export { arbNodePool } from './arbNodePool.js';
export type { GeneratedPolicyMode, PolicyOptions } from './arbPolicy.js';
export { arbPolicy } from './arbPolicy.js';
export type { ScenarioOptions } from './arbScenarioInput.js';
export { arbScenarioInput, LOW_PRIORITY_CLASS } from './arbScenarioInput.js';
export type { SparkApplicationOptions } from './arbSparkApplication.js';
export { arbSparkApplication } from './arbSparkApplication.js';
export { assertInvariants } from './assertInvariants.js';
export type { InvariantName, InvariantViolation } from './checkInvariants.js';
export { checkInvariants } from './checkInvariants.js';
export type { ComparePoliciesOptions, ComparisonReport, PolicyProperty, PolicyUnderTest } from './comparePolicies.js';
export { comparePolicies } from './comparePolicies.js';
export { formatViolation, InvariantError, MAX_LISTED_VIOLATIONS } from './InvariantError.js';
export type {
  FleetInput,
  FleetSchedulerInput,
  LoadCurveInput,
  MemberInput,
  NodePoolInput,
  WorkloadInput,
} from './inputTypes.js';
export {
  priorityClassObject,
  propagationPolicyObject,
  sloConfigMapObject,
  sparkApplicationObject,
} from './manifestObjects.js';
export type { PolicyComparisonFailure } from './PolicyComparisonError.js';
export { PolicyComparisonError } from './PolicyComparisonError.js';
export type { ScenarioCase } from './ScenarioCase.js';
export { formatScenarioFiles, SCENARIO_FILE_NAME, scenarioFiles } from './scenarioFiles.js';
