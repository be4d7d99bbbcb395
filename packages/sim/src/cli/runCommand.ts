import { Command } from 'commander';
import { canonicalJson } from '../report/canonicalJson.js';
import { formatMs } from '../report/format.js';
import { summaryMetric } from '../report/summaryMetrics.js';
import { formatTextTable } from '../report/textTable.js';
import { RESULT_FILES, writeResultDirectory } from '../report/writeResultDirectory.js';
import { formatDuration } from '../scenario/duration.js';
import { runScenario } from '../world/runScenario.js';
import type { CliContext } from './CliContext.js';
import { collect, defaultOutDir, seedOption } from './commandOptions.js';
import { openScenario } from './openScenario.js';
import { createProgress } from './progressBar.js';
import { toCliError } from './toCliError.js';

/** Options of `gleaner run`. */
export interface RunOptions {
  /** Result directory; default `results/<scenario>`. */
  readonly out?: string;
  /** Master seed instead of the scenario's. */
  readonly seed?: string;
  /** `key=value` overrides, in order. */
  readonly set?: readonly string[];
  /** Print a JSON summary on stdout instead of the table. */
  readonly json?: boolean;
  /** Show a progress bar on a terminal (default true; `--no-progress`). */
  readonly progress?: boolean;
}

/**
 * Runs `gleaner run`: loads the scenario (with overrides), simulates it, writes the result directory
 * (`result.json`, `timing.json`, `scenario.json`, CSVs, `report.html`) and prints a short summary.
 */
export async function runRun(file: string, options: RunOptions, context: CliContext): Promise<void> {
  const { io } = context;
  try {
    const sets = options.set ?? [];
    const seed = seedOption(options.seed);
    const out = options.out ?? defaultOutDir(file);
    const opened = await openScenario(file, sets, context);
    const progress = createProgress(io, 'simulating', options.progress !== false);
    let outcome: Awaited<ReturnType<typeof runScenario>>;
    try {
      outcome = await runScenario(opened.scenario, {
        ...(seed === undefined ? {} : { seed }),
        onProgress: (simMs: number, totalMs: number) =>
          progress.update(simMs, totalMs, `${formatMs(simMs)} of ${formatMs(totalMs)}`),
      });
    } finally {
      progress.stop();
    }
    const { result, timing } = outcome;
    await writeResultDirectory(out, result, timing, opened.spec);
    if (options.json === true) {
      io.stdout.write(
        canonicalJson({ out, scenario: result.scenario, summary: result.summary, members: result.members, timing }),
      );
      return;
    }
    const s = result.summary;
    const metric = (key: string): string => {
      const m = summaryMetric(key);
      return m.format(m.value(s));
    };
    const head = `${result.scenario.name}: ${formatDuration(result.scenario.durationMs)} simulated on ${result.scenario.members.length} members, seed ${JSON.stringify(result.scenario.seed)}`;
    io.stdout.write(`${head}\n\n`);
    io.stdout.write(
      formatTextTable([
        ['Metric', 'Fleet'],
        ['Harvest ratio', metric('harvestRatio')],
        ['Jobs completed / submitted', `${s.jobsCompleted} / ${s.jobsSubmitted}`],
        ['Wait p50', metric('waitP50Ms')],
        ['Wait p99', metric('waitP99Ms')],
        ['Evictions', String(s.evictions)],
        ['Reschedules', String(s.reschedules)],
      ]),
    );
    io.stdout.write(`\nWrote ${out}/ (${RESULT_FILES.join(', ')}) in ${formatMs(timing.wallMs)}.\n`);
  } catch (error) {
    throw toCliError(error);
  }
}

/** `gleaner run <scenario>`: simulates a scenario and writes its result directory and HTML report. */
export function runCommand(context: CliContext): Command {
  return new Command('run')
    .description('simulate a scenario and write result.json, CSVs and report.html')
    .argument('<scenario>', 'scenario YAML file')
    .option('--out <dir>', 'result directory (default: results/<scenario name>)')
    .option('--seed <seed>', "master seed instead of the scenario's")
    .option(
      '--set <key=value>',
      'override a scenario field (repeatable), e.g. colocation.cpuReclaimThresholdPercent=70',
      collect,
    )
    .option('--json', 'print a JSON summary on stdout instead of the table')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .action((file: string, options: RunOptions) => runRun(file, options, context));
}
