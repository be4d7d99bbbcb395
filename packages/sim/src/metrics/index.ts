export { nearestRank, summarisePercentiles } from './percentiles.js';
export type {
  JobRecord,
  MemberSample,
  Percentiles,
  SimulationResult,
  Summary,
  TimelineEvent,
  TimingReport,
} from './SimulationResult.js';
export { RESULT_SCHEMA_VERSION } from './SimulationResult.js';
