/**
 * An output file or directory could not be written: the target exists and is not Gleaner's to replace,
 * or the file system refused. Nothing half-written is left behind when this is thrown.
 */
export class OutputError extends Error {
  /** Stable code for the CLI's exit-code table. */
  readonly code = 'E_OUTPUT';
  /** The file or directory that was being written. */
  readonly target: string;

  /** Creates the error; `message` becomes `<target>: <reason>`. */
  constructor(target: string, reason: string, options?: { cause?: unknown }) {
    super(`${target}: ${reason}`, options);
    this.name = 'OutputError';
    this.target = target;
  }
}
