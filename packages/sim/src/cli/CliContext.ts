import type { CliIo } from './CliIo.js';

/** What every command receives: where to write. Grows as commands need more (a clock for progress, …). */
export interface CliContext {
  /** Output streams. */
  readonly io: CliIo;
}
