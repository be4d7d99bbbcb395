import { loadScenario } from '../scenario/loadScenario.js';
import { runScenario, ScenarioBuildError } from '../world/runScenario.js';
import type { RunTask, RunTaskResult } from './RunTask.js';

/**
 * Gleaner's runner for sweeps and comparisons (see `RunnerModule`): loads the scenario with the task's
 * overrides and simulates it with the task's seed. An invalid scenario is an `invalid-input` failure
 * naming its first problem (so is a trace file the world cannot use); any other exception from the
 * simulator is left to the caller (an `internal` failure).
 */
export async function runTask(task: RunTask): Promise<RunTaskResult> {
  const loaded = await loadScenario(task.scenarioFile, { overrides: task.overrides });
  if (!loaded.ok) {
    const issue = loaded.issues[0];
    const where =
      issue === undefined
        ? task.scenarioFile
        : `${issue.file}: ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}`;
    return { ok: false, kind: 'invalid-input', message: `${where}${issue?.message ?? 'invalid scenario'}` };
  }
  try {
    const { result } = await runScenario(loaded.scenario, { seed: task.seed });
    return { ok: true, summary: result.summary };
  } catch (error) {
    if (!(error instanceof ScenarioBuildError)) throw error;
    const issue = error.issues[0];
    const where =
      issue === undefined
        ? task.scenarioFile
        : `${issue.file}: ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}`;
    return { ok: false, kind: 'invalid-input', message: `${where}${issue?.message ?? error.message}` };
  }
}
