import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { writeFileAtomic } from '../report/atomicOutput.js';
import { canonicalJson } from '../report/canonicalJson.js';
import { assembleShard, assembleSweep, sweepRuns } from '../sweep/assembleSweep.js';
import { gridPoints, parseGrid } from '../sweep/grid.js';
import { indexedJobYaml } from '../sweep/indexedJob.js';
import { planSweep } from '../sweep/planSweep.js';
import { replicationSeeds } from '../sweep/replicationSeeds.js';
import type { SweepDefinition } from '../sweep/SweepFile.js';
import { parseShard, type Shard, shardOf } from '../sweep/shard.js';
import { sweepTable } from '../sweep/tables.js';
import type { CliContext } from './CliContext.js';
import { UsageError } from './CliError.js';
import { collect, defaultOutDir, seedOption, wholeNumber } from './commandOptions.js';
import { checkOverrideSyntax, openScenario } from './openScenario.js';
import type { RunnerDeps } from './RunnerDeps.js';
import { runWithProgress } from './runWithProgress.js';
import { toCliError } from './toCliError.js';

/** Options of `gleaner sweep`. */
export interface SweepOptions {
  /** `key=v1,v2,…` axes. */
  readonly grid?: readonly string[];
  /** Seeds per grid point (text; default 1). */
  readonly seeds?: string;
  /** Base seed instead of the scenario's. */
  readonly seed?: string;
  /** Overrides applied to every run. */
  readonly set?: readonly string[];
  /** Output directory (default `results/<scenario>-sweep`). */
  readonly out?: string;
  /** Worker threads (text). */
  readonly workers?: string;
  /** `i/n`: run only the i-th of n slices and write a shard file. */
  readonly shard?: string;
  /** Write a Kubernetes Indexed Job manifest to this file instead of running. */
  readonly emitJob?: string;
  /** Shards of the emitted Job (text; default 4). */
  readonly shards?: string;
  /** Pods at once in the emitted Job (text; default: all shards). */
  readonly parallelism?: string;
  /** Image of the emitted Job. */
  readonly image?: string;
  /** PersistentVolumeClaim for the emitted Job's shard files. */
  readonly resultsClaim?: string;
  /** Print the sweep (or shard) file as JSON instead of the table. */
  readonly json?: boolean;
  /** Show a progress bar on a terminal (default true). */
  readonly progress?: boolean;
}

/** The file name of shard `index` of `count`: `shard-03-of-12.json` (zero-padded so names sort). */
export function shardFileName(shard: Shard): string {
  const width = String(shard.count - 1).length;
  return `shard-${String(shard.index).padStart(width, '0')}-of-${shard.count}.json`;
}

/**
 * Runs `gleaner sweep`: every grid point × seed (or one shard of them), in worker threads, writing
 * `sweep.json` (or a shard file for `gleaner merge`) and printing each point's means and intervals; or,
 * with `--emit-job`, writes the Kubernetes Indexed Job that runs the shards on a cluster.
 */
export async function runSweep(
  file: string,
  options: SweepOptions,
  context: CliContext,
  deps: RunnerDeps = {},
): Promise<void> {
  const { io } = context;
  try {
    const sets = options.set ?? [];
    checkOverrideSyntax(sets);
    const grid = parseGrid(options.grid ?? []);
    const count = wholeNumber('--seeds', options.seeds, 1, 1, 10_000);
    const seed = seedOption(options.seed);
    const shard = options.shard === undefined ? undefined : parseShard(options.shard);
    if (shard !== undefined && options.emitJob !== undefined) {
      throw new UsageError('--shard and --emit-job cannot be used together (the Job runs the shards)');
    }
    const jobShards = wholeNumber('--shards', options.shards, 4, 1, 100_000);
    const parallelism = wholeNumber('--parallelism', options.parallelism, jobShards, 1, 100_000);
    if (options.emitJob === undefined) {
      for (const [option, value] of [
        ['--shards', options.shards],
        ['--parallelism', options.parallelism],
        ['--image', options.image],
        ['--results-claim', options.resultsClaim],
      ] as const) {
        if (value !== undefined) throw new UsageError(`${option} only applies with --emit-job <file>`);
      }
    }

    // Every grid point must make a valid scenario before anything runs.
    const points = gridPoints(grid);
    const opened = await openScenario(file, sets, context);
    for (const point of points) if (point.sets.length > 0) await openScenario(file, [...sets, ...point.sets], context);

    if (options.emitJob !== undefined) {
      const sweepArgs = [
        file,
        ...grid.flatMap((a) => ['--grid', `${a.key}=${a.values.join(',')}`]),
        '--seeds',
        String(count),
        ...sets.flatMap((s) => ['--set', s]),
        ...(seed === undefined ? [] : ['--seed', String(seed)]),
      ];
      await writeFileAtomic(
        options.emitJob,
        indexedJobYaml({
          name: `gleaner-sweep-${opened.spec.name}`,
          image: options.image ?? 'gleaner:latest',
          shards: jobShards,
          parallelism,
          sweepArgs,
          resultsClaim: options.resultsClaim ?? 'gleaner-results',
        }),
      );
      io.stdout.write(
        `Wrote ${options.emitJob}: an Indexed Job running ${points.length * count} runs in ${jobShards} shards (${Math.min(parallelism, jobShards)} at a time).\n`,
      );
      return;
    }

    const definition: SweepDefinition = {
      scenario: { name: opened.spec.name, file, sha256: opened.sha256 },
      sets,
      grid,
      seeds: replicationSeeds(seed ?? opened.spec.seed, count),
      runs: points.length * count,
    };
    const all = planSweep(definition);
    const tasks = shard === undefined ? all : shardOf(all, shard);
    const workers = wholeNumber(
      '--workers',
      options.workers,
      Math.min(availableParallelism(), Math.max(1, tasks.length)),
      1,
      1024,
    );
    const summaries = await runWithProgress(tasks, workers, 'sweeping', io, options.progress !== false, deps);
    const runs = sweepRuns(definition, tasks, summaries);
    const out = options.out ?? defaultOutDir(file, '-sweep');
    if (shard !== undefined) {
      const target = join(out, shardFileName(shard));
      const text = canonicalJson(assembleShard(definition, shard, runs));
      await writeFileAtomic(target, text);
      if (options.json === true) io.stdout.write(text);
      else
        io.stdout.write(
          `Wrote ${target}: shard ${shard.index}/${shard.count}, ${runs.length} of ${definition.runs} runs. Combine the shards with gleaner merge.\n`,
        );
      return;
    }
    const sweep = assembleSweep(definition, runs);
    const target = join(out, 'sweep.json');
    const text = canonicalJson(sweep);
    await writeFileAtomic(target, text);
    if (options.json === true) {
      io.stdout.write(text);
      return;
    }
    io.stdout.write(
      `${opened.spec.name}: ${points.length} grid ${points.length === 1 ? 'point' : 'points'} × ${count} ${count === 1 ? 'seed' : 'seeds'} (mean ±95% CI half-width)\n\n`,
    );
    io.stdout.write(sweepTable(sweep));
    io.stdout.write(`\nWrote ${target}.\n`);
  } catch (error) {
    throw toCliError(error);
  }
}

/** `gleaner sweep <scenario>`: a grid of overrides × seeds, locally in worker threads or sharded across machines. */
export function sweepCommand(context: CliContext): Command {
  return new Command('sweep')
    .description('run a grid of overrides × seeds in worker threads (or one shard of it) and summarise each point')
    .argument('<scenario>', 'scenario YAML file')
    .option(
      '--grid <key=v1,v2,…>',
      'an axis of the grid, e.g. colocation.cpuReclaimThresholdPercent=50,60,70 (repeatable)',
      collect,
    )
    .option('--seeds <n>', 'seeds per grid point (default 1)')
    .option('--seed <seed>', "base seed instead of the scenario's")
    .option('--set <key=value>', 'override applied to every run (repeatable)', collect)
    .option('--out <dir>', 'output directory for sweep.json or the shard file (default: results/<scenario>-sweep)')
    .option('--workers <k>', 'worker threads (default: CPUs available)')
    .option('--shard <i/n>', 'run only the i-th (0-based) of n deterministic slices and write a shard file')
    .option('--emit-job <file>', 'write a Kubernetes Indexed Job manifest that runs the shards, instead of running')
    .option('--shards <n>', 'with --emit-job: number of shards / Job completions (default 4)')
    .option('--parallelism <k>', 'with --emit-job: pods at once (default: all shards)')
    .option(
      '--image <image>',
      'with --emit-job: container image with gleaner and the scenario (default gleaner:latest)',
    )
    .option(
      '--results-claim <pvc>',
      'with --emit-job: PersistentVolumeClaim for the shard files (default gleaner-results)',
    )
    .option('--json', 'print the sweep (or shard) file on stdout instead of the table')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .action((file: string, options: SweepOptions) => runSweep(file, options, context));
}
