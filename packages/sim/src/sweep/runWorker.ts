// Worker-thread entry point: loads the runner module named in workerData and runs the tasks it is sent,
// one at a time, answering each with { index, result }.
import { parentPort, workerData } from 'node:worker_threads';
import type { RunnerModule, RunTask, RunTaskResult } from './RunTask.js';

if (parentPort === null) throw new Error('runWorker: must be started as a worker thread');
const port = parentPort;
const runner = (await import((workerData as { runnerModule: string }).runnerModule)) as RunnerModule;

port.on('message', async (task: RunTask) => {
  let result: RunTaskResult;
  try {
    result = await runner.runTask(task);
  } catch (error) {
    result = { ok: false, kind: 'internal', message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage({ index: task.index, result });
});
