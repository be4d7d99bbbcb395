import { OutputError } from '../report/OutputError.js';
import { OverrideError } from '../scenario/OverrideError.js';
import { RunFailedError } from '../sweep/RunFailedError.js';
import { ShardMergeError } from '../sweep/ShardMergeError.js';
import { SweepArgumentError } from '../sweep/SweepArgumentError.js';
import { ScenarioBuildError } from '../world/runScenario.js';
import { CliError, InputOutputError, InvalidInputError, UsageError } from './CliError.js';
import { formatScenarioIssue } from './openScenario.js';

/**
 * Turns the library errors of `run`, `compare`, `sweep` and `merge` into CLI errors with their exit codes:
 * a bad `--set` / `--grid` / `--shard` / `--variant` is a usage error (2), an output that cannot be written
 * an I/O error (3), shard files that do not merge, trace files the world cannot use and runs of an invalid
 * scenario invalid input (1).
 * Anything else is returned unchanged (an internal error, exit 70).
 */
export function toCliError(error: unknown): unknown {
  if (error instanceof CliError) return error;
  if (error instanceof OverrideError || error instanceof SweepArgumentError) return new UsageError(error.message);
  if (error instanceof OutputError) return new InputOutputError(error.message);
  if (error instanceof ShardMergeError) return new InvalidInputError(error.message);
  if (error instanceof ScenarioBuildError) {
    const [first, ...rest] = error.issues;
    const line = first === undefined ? error.message : formatScenarioIssue(first);
    return new InvalidInputError(rest.length === 0 ? line : `${line} (and ${rest.length} more)`);
  }
  if (error instanceof RunFailedError) {
    return error.code === 'E_RUN_INPUT' ? new InvalidInputError(error.message) : error;
  }
  return error;
}
