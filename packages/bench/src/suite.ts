import type { BenchRow } from './row.js';

/**
 * The contract between the bench's runner and its scenarios: each scenario file exports one {@link Suite}.
 * @module
 */

/** What a suite receives from the runner. */
export interface SuiteContext {
  /** Smaller inputs and fewer rounds: a smoke run in seconds (numbers are not meaningful). */
  readonly quick: boolean;
  /** Progress lines (stderr in the CLI, silent in tests). */
  readonly log: (line: string) => void;
  /** Simulated duration of every ladder rung instead of the default (`--ladder-duration 24h`). */
  readonly ladderDuration?: string;
  /** Node counts of the ladder's rungs instead of the default (`--ladder-nodes 1000,10000`). */
  readonly ladderNodes?: readonly number[];
}

/** What a suite returns. */
export interface SuiteResult {
  /** Its rows, in table order. */
  readonly rows: readonly BenchRow[];
  /** Set when the suite could not run at all (e.g. SimPy missing): one clear reason. */
  readonly skipped?: string;
  /** Lines printed verbatim below the table (e.g. another bench's own output). */
  readonly text?: readonly string[];
  /** Raw data kept in the JSON output (per-rung measurements, the SimPy model outputs, …). */
  readonly details?: unknown;
}

/** One scenario of the bench. */
export interface Suite {
  /** Name matched by `--only`. */
  readonly name: string;
  /** One line on what it measures. */
  readonly description: string;
  /** Whether a plain `pnpm bench` runs it (otherwise only with `--only`). */
  readonly byDefault: boolean;
  /** Ids of the rows it produces whenever it runs, `--quick` too (tests check the table is complete). */
  readonly rowIds: readonly string[];
  /** Ids of the rows only a full run adds (not `--quick`). */
  readonly fullRunRowIds?: readonly string[];
  /** Runs the scenario. */
  run(context: SuiteContext): Promise<SuiteResult>;
}
