import type { ClusterScorer } from '@gleaner/core';
import { summarisePercentiles } from '../metrics/percentiles.js';
import { RESULT_SCHEMA_VERSION, type SimulationResult, type TimingReport } from '../metrics/SimulationResult.js';
import type { Scenario, ScenarioIssue } from '../scenario/loadScenario.js';
import { buildWorld } from './buildWorld.js';
import { summarise } from './summarise.js';
import { World } from './World.js';

/** Options of {@link runScenario}. */
export interface RunScenarioOptions {
  /** Seed of this run; default: the scenario's `seed`. */
  readonly seed?: string | number;
  /** Called as simulated time advances (about 200 times a run), with simulated and total ms. */
  readonly onProgress?: (simMs: number, totalMs: number) => void;
  /**
   * A cluster scorer that replaces the scenario's `fleetScheduler.scorer` (a policy under test; see
   * `comparePolicies` in `@gleaner/sim/testing`).
   */
  readonly scorer?: ClusterScorer;
}

/** What one run produced: the deterministic result and the wall-clock timing, kept apart. */
export interface SimulationRun {
  /** Everything the run produced; a pure function of the scenario and seed. */
  readonly result: SimulationResult;
  /** Wall-clock measurements of the run. */
  readonly timing: TimingReport;
}

/** Raised when a scenario's referenced trace files cannot be used; carries the problems as data. */
export class ScenarioBuildError extends Error {
  /** Stable code for the CLI's exit-code table. */
  readonly code = 'E_SCENARIO_BUILD';
  /** The problems, each naming the file and field. */
  readonly issues: readonly ScenarioIssue[];

  /** Creates the error from its problems; the message is the first one. */
  constructor(issues: readonly ScenarioIssue[]) {
    const first = issues[0];
    super(first === undefined ? 'invalid scenario' : `${first.file}: ${first.message}`);
    this.name = 'ScenarioBuildError';
    this.issues = issues;
  }
}

/**
 * Runs a loaded scenario through simulated time and returns everything it produced as plain data. The
 * result is a pure function of (scenario, seed): two runs serialise byte for byte the same; wall-clock
 * measurements are in `timing`.
 *
 * @example
 * ```ts
 * const loaded = await loadScenario('examples/seed-fleet/scenario.yaml');
 * if (loaded.ok) {
 *   const { result } = await runScenario(loaded.scenario, { seed: 7 });
 *   console.log(result.summary.harvestRatio);
 * }
 * ```
 * @throws {@link ScenarioBuildError} when a trace file the scenario names is malformed.
 */
export async function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): Promise<SimulationRun> {
  const built = await buildWorld(scenario, options.seed);
  if (!built.ok) throw new ScenarioBuildError(built.issues);
  const config =
    options.scorer === undefined
      ? built.config
      : { ...built.config, fleet: { ...built.config.fleet, scorer: options.scorer } };
  const world = new World(config);
  const started = performance.now();
  world.run(options.onProgress);
  const wallMs = performance.now() - started;
  const jobs = world.jobRecords();
  const price = config.members.reduce((p, m) => Math.max(p, m.virtualPricePerVcpuSecond), 0);
  const summary = summarise(jobs, world.metrics, config.durationMs, undefined, undefined, price);
  const members = config.members.map((m, i) => ({
    name: m.name,
    summary: summarise(jobs, world.metrics, config.durationMs, i, m.name, m.virtualPricePerVcpuSecond),
  }));
  const events = world.engine.executed;
  const result: SimulationResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    scenario: {
      name: config.name,
      seed: config.seed,
      durationMs: config.durationMs,
      sampleIntervalMs: config.sampleIntervalMs,
      members: config.members.map((m) => m.name),
    },
    summary,
    members,
    jobs,
    samples: world.metrics.samples,
    events: world.metrics.events,
    counters: {
      events,
      fleetDecisions: world.metrics.fleetLatencyMs.length,
      memberDecisions: world.metrics.memberLatencyMs.length,
    },
  };
  const micro = (xs: readonly number[]): number[] => xs.map((x) => Math.round(x * 1000));
  const timing: TimingReport = {
    wallMs: Math.round(wallMs),
    events,
    eventsPerSecond: wallMs > 0 ? Math.round((events / wallMs) * 1000) : 0,
    simulatedSecondsPerWallSecond: wallMs > 0 ? Math.round(config.durationMs / wallMs) : 0,
    fleetDecisions: summarisePercentiles(micro(world.metrics.fleetLatencyMs)),
    memberDecisions: summarisePercentiles(micro(world.metrics.memberLatencyMs)),
  };
  return { result, timing };
}
