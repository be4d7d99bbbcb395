/** The stable reason of a {@link CliError}; each maps to one exit code (see `ExitCode`). */
export type CliErrorCode = 'INVALID_INPUT' | 'USAGE' | 'IO' | 'INTERNAL';

/**
 * An error the CLI reports as one line on stderr (`gleaner: <message>`) and turns into an exit code by its
 * `code`, never by its message. Commands throw it after printing any per-item lines of their own.
 */
export class CliError extends Error {
  /** Stable machine-readable reason. */
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string) {
    super(message);
    this.name = 'CliError';
    this.code = code;
  }
}

/** The input was read but is wrong (exit 1). */
export class InvalidInputError extends CliError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
    this.name = 'InvalidInputError';
  }
}

/** The command line is wrong (exit 2). */
export class UsageError extends CliError {
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}

/** A file could not be read or written (exit 3). */
export class InputOutputError extends CliError {
  constructor(message: string) {
    super('IO', message);
    this.name = 'InputOutputError';
  }
}
