import type { RunTask } from './RunTask.js';

/** A run of a sweep or comparison failed; the remaining runs were cancelled. */
export class RunFailedError extends Error {
  /** Stable code for the CLI: `E_RUN_INPUT` when the scenario was invalid, `E_RUN_INTERNAL` otherwise. */
  readonly code: 'E_RUN_INPUT' | 'E_RUN_INTERNAL';
  /** The run that failed. */
  readonly task: RunTask;

  /** Creates the error; `message` names the run's overrides and seed, then the reason. */
  constructor(task: RunTask, kind: 'invalid-input' | 'internal', reason: string) {
    const sets = task.overrides.length === 0 ? 'the scenario as written' : task.overrides.join(' ');
    super(`run ${task.index + 1} (${sets}, seed ${JSON.stringify(task.seed)}) failed: ${reason}`);
    this.name = 'RunFailedError';
    this.code = kind === 'invalid-input' ? 'E_RUN_INPUT' : 'E_RUN_INTERNAL';
    this.task = task;
  }
}
