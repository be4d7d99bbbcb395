export type { ManifestObject, ScenarioResources } from './createScenario.js';
export { createScenario, formatScenarioIssue, IN_MEMORY_SCENARIO_FILE } from './createScenario.js';
export { formatDuration, parseDuration } from './duration.js';
export type { JsonSchema } from './jsonSchema.js';
export { scenarioJsonSchema, scenarioJsonSchemaText } from './jsonSchema.js';
export type { LoadScenarioOptions, LoadScenarioResult, Scenario, ScenarioIssue } from './loadScenario.js';
export { loadScenario, MAX_SCENARIO_FILE_BYTES, resolveScenario } from './loadScenario.js';
export { OverrideError } from './OverrideError.js';
export type { ParsedOverride } from './overrides.js';
export { applyOverrides, parseOverride } from './overrides.js';
export type {
  DistributionSpec,
  LoadCurveSpec,
  MemberSpec,
  NodePoolSpec,
  ScenarioInput,
  ScenarioSpec,
  TraceWorkloadSpec,
  WorkloadSpec,
} from './schema.js';
export {
  durationSchema,
  fleetSchedulerSchema,
  loadCurveSchema,
  memberSchema,
  nodePoolSchema,
  resourceListSchema,
  scenarioSchema,
  traceWorkloadSchema,
  virtualNodeSchema,
  workloadSchema,
} from './schema.js';
