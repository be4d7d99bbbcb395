import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

// The traces are plain numeric CSV without quoting (v2018 machine_usage, v2017 batch_task, the 300-s
// aggregates), so a streaming line splitter is enough; no CSV library is needed. A file is read once,
// line by line, and never held in memory whole.

/** One line of a text file, without its line terminator (`\n` or `\r\n`), with its 1-based number. */
export interface NumberedLine {
  readonly text: string;
  readonly line: number;
}

/**
 * The lines of the file at `path`, streamed. Rejects with the file system's error (e.g. `ENOENT`) when
 * the file cannot be opened or read.
 */
export async function* readLines(path: string): AsyncGenerator<NumberedLine> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  try {
    for await (const raw of lines) {
      line++;
      yield { text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, line };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

/** The message of a file-system error, for a trace issue (`ENOENT: no such file or directory, open '…'`). */
export function ioErrorMessage(error: unknown): string {
  return error instanceof Error ? `cannot read the file (${error.message})` : 'cannot read the file';
}
