import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/CliError.js';
import { ExitCode, exitCodeFor } from '../../src/cli/exitCodes.js';
import { toCliError } from '../../src/cli/toCliError.js';
import { OutputError } from '../../src/report/OutputError.js';
import { OverrideError } from '../../src/scenario/OverrideError.js';
import { RunFailedError } from '../../src/sweep/RunFailedError.js';
import { ShardMergeError } from '../../src/sweep/ShardMergeError.js';
import { SweepArgumentError } from '../../src/sweep/SweepArgumentError.js';
import { ScenarioBuildError } from '../../src/world/runScenario.js';

const task = { index: 0, scenarioFile: 's.yaml', overrides: [], seed: 1 };

function code(error: unknown): number | undefined {
  const mapped = toCliError(error);
  return mapped instanceof CliError ? exitCodeFor(mapped.code) : undefined;
}

describe('toCliError', () => {
  it('maps each library error to its exit code', () => {
    expect(code(new OverrideError('a', [], 'bad'))).toBe(ExitCode.USAGE);
    expect(code(new SweepArgumentError('--grid', 'x', 'bad'))).toBe(ExitCode.USAGE);
    expect(code(new OutputError('out', 'bad'))).toBe(ExitCode.IO);
    expect(code(new ShardMergeError('a.json', 'bad'))).toBe(ExitCode.INVALID_INPUT);
    expect(code(new RunFailedError(task, 'invalid-input', 'bad'))).toBe(ExitCode.INVALID_INPUT);
    expect(code(new ScenarioBuildError([{ file: 't.csv', path: ['x'], message: 'bad row' }]))).toBe(
      ExitCode.INVALID_INPUT,
    );
  });

  it('leaves internal failures alone (exit 70 from runCli)', () => {
    const internal = new RunFailedError(task, 'internal', 'boom');
    expect(toCliError(internal)).toBe(internal);
    const plain = new Error('x');
    expect(toCliError(plain)).toBe(plain);
  });

  it('keeps messages to one line naming the file and field', () => {
    const mapped = toCliError(
      new ScenarioBuildError([
        { file: 's.yaml', path: ['fleet', 'members', 0], message: 'trace: no such column' },
        { file: 's.yaml', path: [], message: 'second' },
      ]),
    ) as Error;
    expect(mapped.message).toBe('s.yaml: fleet.members.0: trace: no such column (and 1 more)');
  });
});
