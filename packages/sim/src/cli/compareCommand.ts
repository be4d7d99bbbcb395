import { availableParallelism } from 'node:os';
import { Command } from 'commander';
import { canonicalJson } from '../report/canonicalJson.js';
import { assembleCompare, planCompare } from '../sweep/compareReport.js';
import { replicationSeeds } from '../sweep/replicationSeeds.js';
import { compareTable } from '../sweep/tables.js';
import { compareVariants, parseVariant } from '../sweep/variants.js';
import type { CliContext } from './CliContext.js';
import { collect, seedOption, wholeNumber } from './commandOptions.js';
import { checkOverrideSyntax, openScenario } from './openScenario.js';
import type { RunnerDeps } from './RunnerDeps.js';
import { runWithProgress } from './runWithProgress.js';
import { toCliError } from './toCliError.js';

/** Options of `gleaner compare`. */
export interface CompareOptions {
  /** Overrides forming one variant (named after them). */
  readonly set?: readonly string[];
  /** `name:key=value,key=value` variants. */
  readonly variant?: readonly string[];
  /** Seeds per variant (text; default 5). */
  readonly seeds?: string;
  /** Base seed instead of the scenario's. */
  readonly seed?: string;
  /** Worker threads (text; default: the machine's parallelism). */
  readonly workers?: string;
  /** Print the comparison as JSON instead of the table. */
  readonly json?: boolean;
  /** Show a progress bar on a terminal (default true). */
  readonly progress?: boolean;
}

/**
 * Runs `gleaner compare`: the baseline (the scenario as written) and each variant under the same seeds,
 * then prints each key metric's mean and 95% Student-t confidence interval side by side.
 */
export async function runCompare(
  file: string,
  options: CompareOptions,
  context: CliContext,
  deps: RunnerDeps = {},
): Promise<void> {
  const { io } = context;
  try {
    const sets = options.set ?? [];
    checkOverrideSyntax(sets);
    const variants = compareVariants(sets, (options.variant ?? []).map(parseVariant));
    const count = wholeNumber('--seeds', options.seeds, 5, 1, 10_000);
    const seed = seedOption(options.seed);
    const opened = await openScenario(file, [], context);
    for (const variant of variants.slice(1)) await openScenario(file, variant.sets, context);
    const seeds = replicationSeeds(seed ?? opened.spec.seed, count);
    const tasks = planCompare(file, variants, seeds);
    const workers = wholeNumber('--workers', options.workers, Math.min(availableParallelism(), tasks.length), 1, 1024);
    const summaries = await runWithProgress(tasks, workers, 'comparing', io, options.progress !== false, deps);
    const report = assembleCompare({ name: opened.spec.name, file, sha256: opened.sha256 }, variants, seeds, summaries);
    if (options.json === true) {
      io.stdout.write(canonicalJson(report));
      return;
    }
    io.stdout.write(
      `${opened.spec.name}: ${variants.length} variants × ${count} ${count === 1 ? 'seed' : 'seeds'} (mean [95% CI, Student t])\n\n`,
    );
    io.stdout.write(compareTable(report));
    for (const v of variants.slice(1)) io.stdout.write(`\n${v.name}: ${v.sets.join(' ')}`);
    io.stdout.write('\n');
  } catch (error) {
    throw toCliError(error);
  }
}

/** `gleaner compare <scenario>`: the same seeds under two or more variants, side by side. */
export function compareCommand(context: CliContext): Command {
  return new Command('compare')
    .description('run the scenario as written and with overrides under the same seeds; compare means and 95% CIs')
    .argument('<scenario>', 'scenario YAML file')
    .option('--set <key=value>', 'override forming one variant against the baseline (repeatable)', collect)
    .option(
      '--variant <name:key=value,…>',
      'a named variant, e.g. "hot:colocation.cpuReclaimThresholdPercent=70" (repeatable)',
      collect,
    )
    .option('--seeds <n>', 'seeds per variant (default 5)')
    .option('--seed <seed>', "base seed instead of the scenario's")
    .option('--workers <k>', 'worker threads (default: CPUs available)')
    .option('--json', 'print the comparison as JSON instead of the table')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .action((file: string, options: CompareOptions) => runCompare(file, options, context));
}
