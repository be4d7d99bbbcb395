import type { CliErrorCode } from './CliError.js';

/**
 * Exit codes of the `gleaner` command, stable so scripts and CI can branch on them:
 *
 * | code | name            | meaning                                                                          |
 * |-----:|-----------------|----------------------------------------------------------------------------------|
 * |    0 | `OK`            | the command did what was asked (for `validate`: every document is valid)          |
 * |    1 | `INVALID_INPUT` | the input was read but is wrong: bad YAML, unknown kind, bad field, missing class |
 * |    2 | `USAGE`         | the command line is wrong: unknown command or option, missing argument            |
 * |    3 | `IO`            | a file could not be read or written (missing, a directory, no permission)         |
 * |   70 | `INTERNAL`      | a defect in Gleaner itself (`EX_SOFTWARE`); set `GLEANER_DEBUG=1` for the stack   |
 *
 * When one run meets several kinds of problem (`validate` with one missing and one invalid file), the
 * larger code wins.
 */
export const ExitCode = {
  /** Success. */
  OK: 0,
  /** The input was read but is invalid. */
  INVALID_INPUT: 1,
  /** The command line is wrong. */
  USAGE: 2,
  /** A file could not be read or written. */
  IO: 3,
  /** A defect in Gleaner. */
  INTERNAL: 70,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit code for a {@link CliError}'s stable `code`. */
export function exitCodeFor(code: CliErrorCode): ExitCode {
  return ExitCode[code];
}
