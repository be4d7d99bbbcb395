import { Presets, SingleBar } from 'cli-progress';
import type { CliIo, CliWriter } from './CliIo.js';

/** A progress display for a long command: a bar on a terminal, nothing at all otherwise. */
export interface Progress {
  /** Moves the bar to `value` of `total`, with a short text after it (`"12.5 h of 24 h"`). */
  update(value: number, total: number, text: string): void;
  /** Removes the bar (before the command prints its results). */
  stop(): void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };

function isTty(writer: CliWriter): writer is CliWriter & NodeJS.WriteStream {
  return (writer as { isTTY?: unknown }).isTTY === true;
}

/**
 * A progress bar on stderr (via `cli-progress`) when both stdout and stderr are terminals and `enabled`;
 * otherwise a no-op, so piped or redirected output carries nothing extra.
 */
export function createProgress(io: CliIo, label: string, enabled = true): Progress {
  if (!enabled || !isTty(io.stdout) || !isTty(io.stderr)) return SILENT;
  const bar = new SingleBar(
    {
      stream: io.stderr,
      format: `${label} {bar} {percentage}% | {text} | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(value, total, text) {
      if (!started) {
        bar.start(total, value, { text });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(value, { text });
      }
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
