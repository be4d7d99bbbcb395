import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimulationResult, TimingReport } from '../metrics/SimulationResult.js';
import type { ScenarioSpec } from '../scenario/schema.js';
import { writeDirectoryAtomic } from './atomicOutput.js';
import { canonicalJson } from './canonicalJson.js';
import { eventsCsv, jobsCsv, timeseriesCsv } from './csv.js';
import { renderReportHtml } from './reportHtml.js';

/** The files of a result directory, in the order they are written. */
export const RESULT_FILES = [
  'result.json',
  'timing.json',
  'scenario.json',
  'jobs.csv',
  'timeseries.csv',
  'events.csv',
  'report.html',
] as const;

/**
 * Renders every file of a result directory in memory, without touching the disk: `result.json` (the
 * {@link SimulationResult} in canonical JSON: sorted keys, `schemaVersion` first), `timing.json` (wall
 * clock, kept apart so `result.json` is byte-identical across runs of the same scenario and seed),
 * `scenario.json` (the validated scenario with defaults filled and overrides applied), `jobs.csv`,
 * `timeseries.csv`, `events.csv` and `report.html`.
 */
export async function renderResultFiles(
  result: SimulationResult,
  timing: TimingReport,
  scenarioSpec: ScenarioSpec,
): Promise<Map<(typeof RESULT_FILES)[number], string>> {
  return new Map<(typeof RESULT_FILES)[number], string>([
    ['result.json', canonicalJson(result)],
    ['timing.json', canonicalJson(timing)],
    ['scenario.json', canonicalJson(scenarioSpec)],
    ['jobs.csv', jobsCsv(result)],
    ['timeseries.csv', timeseriesCsv(result)],
    ['events.csv', eventsCsv(result)],
    ['report.html', await renderReportHtml(result, scenarioSpec)],
  ]);
}

/**
 * Writes a run's result directory (see {@link renderResultFiles} for the files). Everything is rendered
 * first, then written into a temporary sibling directory (each file through a temporary name) that is
 * renamed to `dir` at the end: an interrupted or failed run never leaves a half-written result. An
 * existing `dir` is replaced only if it is empty or an earlier result directory (it has a `result.json`).
 *
 * @throws OutputError naming `dir` when it cannot be written or is not Gleaner's to replace.
 */
export async function writeResultDirectory(
  dir: string,
  result: SimulationResult,
  timing: TimingReport,
  scenarioSpec: ScenarioSpec,
): Promise<void> {
  const files = await renderResultFiles(result, timing, scenarioSpec);
  await writeDirectoryAtomic(dir, files, isResultDirectory);
}

async function isResultDirectory(dir: string): Promise<boolean> {
  try {
    await access(join(dir, 'result.json'));
    return true;
  } catch {
    return false;
  }
}
