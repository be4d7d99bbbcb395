/**
 * `@gleaner/sim`: the discrete-event simulator, scenarios, reports and the `gleaner` CLI.
 *
 * @packageDocumentation
 */
export * from './engine/index.js';
export * from './load/index.js';
export * from './metrics/index.js';
export * from './report/index.js';
export * from './scenario/index.js';
export * from './sweep/index.js';
export * from './virtual/index.js';
export * from './workload/index.js';
export type { RunScenarioOptions, SimulationRun } from './world/runScenario.js';
export { runScenario, ScenarioBuildError } from './world/runScenario.js';
