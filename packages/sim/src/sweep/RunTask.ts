import type { Summary } from '../metrics/SimulationResult.js';

/** One simulation run of a sweep or comparison: a scenario file, overrides and a seed. Plain data (sent to workers). */
export interface RunTask {
  /** Position in the full list of runs; results are ordered by it. */
  readonly index: number;
  /** Path of the scenario file, as given on the command line. */
  readonly scenarioFile: string;
  /** `key=value` overrides applied before validation, in order. */
  readonly overrides: readonly string[];
  /** Master seed of the run. */
  readonly seed: string | number;
}

/** What one run gave: its fleet summary, or why it could not run. */
export type RunTaskResult =
  | {
      /** The run finished. */
      readonly ok: true;
      /** Its fleet-wide summary. */
      readonly summary: Summary;
    }
  | {
      /** The run could not be made. */
      readonly ok: false;
      /** `invalid-input`: the scenario (with these overrides) is invalid; `internal`: the simulator failed. */
      readonly kind: 'invalid-input' | 'internal';
      /** One line saying what went wrong. */
      readonly message: string;
    };

/**
 * A module that runs tasks, loaded by path in each worker thread (or in-process): it exports
 * `runTask(task)`. Gleaner's own runs the simulator; tests and embedders may supply another.
 */
export interface RunnerModule {
  /** Runs one task. Should not throw; a throw is reported as an `internal` failure. */
  runTask(task: RunTask): Promise<RunTaskResult> | RunTaskResult;
}
