import { CommanderError } from 'commander';
import { CliError } from './CliError.js';
import type { CliIo } from './CliIo.js';
import { ExitCode, exitCodeFor } from './exitCodes.js';
import { createProgram } from './program.js';

/** Commander outcomes that are not failures: help or version was asked for and printed. */
const COMMANDER_SUCCESS: readonly string[] = ['commander.helpDisplayed', 'commander.version'];

/**
 * Runs the `gleaner` CLI in-process on `argv` (the arguments after the program name) and returns the exit
 * code instead of exiting. Every error becomes one line on `io.stderr` (`gleaner: <message>`); stack traces
 * appear only for internal errors with `io.debug`.
 *
 * @example
 * ```ts
 * const io = bufferedIo();
 * const code = await runCli(['validate', 'spark-pi.yaml'], io);
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const program = createProgram({ io });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (and help, when asked).
      return COMMANDER_SUCCESS.includes(error.code) ? ExitCode.OK : ExitCode.USAGE;
    }
    if (error instanceof CliError) {
      io.stderr.write(`gleaner: ${error.message}\n`);
      return exitCodeFor(error.code);
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`gleaner: internal error: ${message}\n`);
    if (io.debug === true && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
    else io.stderr.write('gleaner: this is a bug in Gleaner; rerun with GLEANER_DEBUG=1 for details\n');
    return ExitCode.INTERNAL;
  }
}
