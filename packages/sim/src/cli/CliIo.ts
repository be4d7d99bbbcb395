/** Where the CLI writes text: `process.stdout` / `process.stderr`, or a buffer in tests. */
export interface CliWriter {
  /** Writes `text` as is (callers add the newlines). */
  write(text: string): unknown;
}

/**
 * The CLI's connection to the outside world, injected so tests run commands in-process and read what
 * they printed.
 */
export interface CliIo {
  /** Results: summaries, reports, `--json` output. */
  readonly stdout: CliWriter;
  /** Problems, progress and the final error line. */
  readonly stderr: CliWriter;
  /** Print stack traces of internal errors (`GLEANER_DEBUG=1`). */
  readonly debug?: boolean;
}

/** The real process streams; `GLEANER_DEBUG` turns on stack traces. */
export function processIo(): CliIo {
  const debug = process.env.GLEANER_DEBUG;
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    debug: debug !== undefined && debug !== '' && debug !== '0',
  };
}

/** An in-memory {@link CliIo} for tests and embedding: everything written is kept as text. */
export interface BufferedIo extends CliIo {
  /** Everything written to stdout so far. */
  readonly out: () => string;
  /** Everything written to stderr so far. */
  readonly err: () => string;
}

/** Creates a {@link BufferedIo}. */
export function bufferedIo(): BufferedIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    out: () => out,
    err: () => err,
  };
}
