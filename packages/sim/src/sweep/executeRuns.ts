import { Worker } from 'node:worker_threads';
import type { Summary } from '../metrics/SimulationResult.js';
import { RunFailedError } from './RunFailedError.js';
import type { RunnerModule, RunTask, RunTaskResult } from './RunTask.js';
import { DEFAULT_RUNNER_MODULE, WORKER_EXEC_ARGV, workerEntry } from './runnerPaths.js';

/** How {@link executeRuns} runs its tasks. */
export interface ExecuteRunsOptions {
  /** Worker threads to use; 1 (or fewer tasks than 2) runs in this thread. Default 1. */
  readonly workers?: number;
  /** Module exporting `runTask` (see {@link RunnerModule}); default: Gleaner's simulator. */
  readonly runnerModule?: URL;
  /** Called after each finished run with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs simulation tasks, in parallel on `workers` worker threads (`node:worker_threads`) or in this
 * thread, and returns each task's summary in task order, whatever order they finished in. Each run is
 * deterministic, so the results do not depend on the number of workers.
 *
 * @throws {@link RunFailedError} for the first run that fails; the other runs are cancelled and every
 * worker is stopped.
 */
export async function executeRuns(tasks: readonly RunTask[], options: ExecuteRunsOptions = {}): Promise<Summary[]> {
  const runnerModule = options.runnerModule ?? DEFAULT_RUNNER_MODULE;
  const workers = Math.min(Math.max(1, Math.floor(options.workers ?? 1)), tasks.length);
  if (tasks.length === 0) return [];
  if (workers <= 1) return runInProcess(tasks, runnerModule, options.onProgress);
  return runInWorkers(tasks, workers, runnerModule, options.onProgress);
}

async function runInProcess(
  tasks: readonly RunTask[],
  runnerModule: URL,
  onProgress: ExecuteRunsOptions['onProgress'],
): Promise<Summary[]> {
  const runner = (await import(runnerModule.href)) as RunnerModule;
  const out: Summary[] = [];
  for (const task of tasks) {
    let result: RunTaskResult;
    try {
      result = await runner.runTask(task);
    } catch (error) {
      result = { ok: false, kind: 'internal', message: error instanceof Error ? error.message : String(error) };
    }
    if (!result.ok) throw new RunFailedError(task, result.kind, result.message);
    out.push(result.summary);
    onProgress?.(out.length, tasks.length);
  }
  return out;
}

function runInWorkers(
  tasks: readonly RunTask[],
  count: number,
  runnerModule: URL,
  onProgress: ExecuteRunsOptions['onProgress'],
): Promise<Summary[]> {
  return new Promise((resolve, reject) => {
    const results = new Array<Summary | undefined>(tasks.length);
    const byIndex = new Map(tasks.map((t, i) => [t.index, i]));
    const pool: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;

    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const w of pool) void w.terminate();
      if (error === undefined) resolve(results as Summary[]);
      else reject(error);
    };
    const feed = (worker: Worker): void => {
      if (next < tasks.length) worker.postMessage(tasks[next++]);
    };

    const { entry, eval: isEval } = workerEntry();
    for (let i = 0; i < count; i++) {
      const worker = new Worker(entry, {
        eval: isEval,
        workerData: { runnerModule: runnerModule.href },
        execArgv: [...WORKER_EXEC_ARGV],
      });
      pool.push(worker);
      worker.on('message', (message: { index: number; result: RunTaskResult }) => {
        const slot = byIndex.get(message.index);
        if (slot === undefined || settled) return;
        const task = tasks[slot]!;
        if (!message.result.ok) {
          finish(new RunFailedError(task, message.result.kind, message.result.message));
          return;
        }
        results[slot] = message.result.summary;
        done++;
        onProgress?.(done, tasks.length);
        if (done === tasks.length) finish();
        else feed(worker);
      });
      worker.on('error', (error) => finish(new Error(`worker thread failed: ${error.message}`)));
      worker.on('exit', (code) => {
        if (!settled) finish(new Error(`worker thread exited with code ${code} before finishing`));
      });
      feed(worker);
    }
  });
}
