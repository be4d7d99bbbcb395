import type { Summary } from '../metrics/SimulationResult.js';
import { executeRuns } from '../sweep/executeRuns.js';
import type { RunTask } from '../sweep/RunTask.js';
import type { CliIo } from './CliIo.js';
import { createProgress } from './progressBar.js';
import type { RunnerDeps } from './RunnerDeps.js';

/**
 * Runs the tasks of a `compare` or `sweep` on `workers` threads with a progress bar labelled `label` (shown
 * only on a terminal, and not with `--no-progress`), and returns their summaries in task order.
 */
export async function runWithProgress(
  tasks: readonly RunTask[],
  workers: number,
  label: string,
  io: CliIo,
  showProgress: boolean,
  deps: RunnerDeps,
): Promise<Summary[]> {
  const progress = createProgress(io, label, showProgress);
  try {
    return await executeRuns(tasks, {
      workers,
      ...(deps.runnerModule === undefined ? {} : { runnerModule: deps.runnerModule }),
      onProgress: (done, total) => progress.update(done, total, `${done} of ${total} runs`),
    });
  } finally {
    progress.stop();
  }
}
