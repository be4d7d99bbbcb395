import { fileURLToPath, pathToFileURL } from 'node:url';
import { machineInfo } from './machine.js';
import type { BenchReport, SkippedSuite } from './report.js';
import { REPORT_SCHEMA_VERSION, renderMarkdown, reportStem, rowsTable, writeReport } from './report.js';
import type { BenchRow } from './row.js';
import { SUITES, selectSuites } from './suites.js';

/**
 * `pnpm bench`: runs the suites (micro-benchmarks, the SimPy side-by-side, the fleet-size ladder), prints the
 * markdown table on stdout and writes `packages/bench/results/<date>.json` and `.md`. Run it on compiled
 * `dist/` (the root script does `tsc -b` first).
 *
 * Options: `--quick` (smoke run, seconds), `--only <suite>[,<suite>]` (repeatable), `--out <dir>`,
 * `--no-write`, `--ladder-duration <d>` (simulated time of every ladder rung, e.g. `24h`),
 * `--ladder-nodes <n,n,…>` (rung sizes), `--list`.
 * @module
 */

/** Options of {@link main}. */
export interface BenchOptions {
  /** Smoke run: small inputs, one round (numbers not meaningful). */
  readonly quick?: boolean;
  /** Suite names (or row-id prefixes) to run; empty = every default suite. */
  readonly only?: readonly string[];
  /** Write the JSON and markdown files (default true). */
  readonly write?: boolean;
  /** Directory for the files (default `packages/bench/results/`). */
  readonly outDir?: string;
  /** Progress lines (default: stderr when it is a terminal, else nothing). */
  readonly log?: (line: string) => void;
  /** Where the final table goes (default stdout); `null` prints nothing. */
  readonly print?: ((text: string) => void) | null;
  /** The command line recorded in the report. */
  readonly command?: string;
  /** Simulated duration of every ladder rung (e.g. `2h`); default: the ladder's own (a day). */
  readonly ladderDuration?: string;
  /** Node counts of the ladder's rungs (10 members each); default 1,250 doubling to 20,000. */
  readonly ladderNodes?: readonly number[];
}

/** What {@link main} produced. */
export interface BenchOutcome {
  /** The report. */
  readonly report: BenchReport;
  /** The report as markdown (what was printed). */
  readonly markdown: string;
  /** Files written, when `write` was on. */
  readonly files?: {
    /** Path of the JSON report. */
    readonly json: string;
    /** Path of the markdown table. */
    readonly markdown: string;
  };
}

/** Default output directory: `packages/bench/results/` (gitignored). */
export const DEFAULT_RESULTS_DIR: string = fileURLToPath(new URL('../results/', import.meta.url));

/** Runs the selected suites and reports. */
export async function main(options: BenchOptions = {}): Promise<BenchOutcome> {
  const quick = options.quick ?? false;
  const log = options.log ?? (process.stderr.isTTY ? (line: string) => process.stderr.write(`${line}\n`) : () => {});
  const suites = selectSuites(options.only ?? []);
  const started = new Date();
  const before = machineInfo();
  log(
    `gleaner bench${quick ? ' --quick' : ''}: ${suites.map((s) => s.name).join(', ')}; load ${before.loadAverage.join(' / ')}`,
  );
  const rows: BenchRow[] = [];
  const skipped: SkippedSuite[] = [];
  const details: Record<string, unknown> = {};
  const appendix: Record<string, readonly string[]> = {};
  for (const suite of suites) {
    const t0 = performance.now();
    const load = machineInfo().loadAverage[0];
    log(`— ${suite.name}: ${suite.description} (load ${load})`);
    try {
      const result = await suite.run({
        quick,
        log,
        ...(options.ladderDuration === undefined ? {} : { ladderDuration: options.ladderDuration }),
        ...(options.ladderNodes === undefined ? {} : { ladderNodes: options.ladderNodes }),
      });
      rows.push(...result.rows);
      if (result.text !== undefined) appendix[suite.name] = result.text;
      if (result.skipped !== undefined) {
        skipped.push({ suite: suite.name, reason: result.skipped });
        log(`  skipped: ${result.skipped}`);
      }
      details[suite.name] = {
        seconds: Math.round((performance.now() - t0) / 100) / 10,
        loadAverage1mAtStart: load,
        ...(result.details === undefined ? {} : { data: result.details }),
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      skipped.push({ suite: suite.name, reason: `failed: ${reason}` });
      log(`  FAILED: ${reason}`);
      details[suite.name] = { error: error instanceof Error ? (error.stack ?? reason) : reason };
    }
    if (rows.length > 0) log(rowsTable(rows.slice(-1)).split('\n').slice(-1)[0]!);
  }
  const finished = new Date();
  const report: BenchReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    seconds: (finished.getTime() - started.getTime()) / 1000,
    command: options.command ?? `node packages/bench/dist/main.js${quick ? ' --quick' : ''}`,
    quick,
    suites: suites.map((s) => s.name),
    machine: { before, after: machineInfo() },
    rows,
    skipped,
    appendix,
    details,
  };
  const markdown = renderMarkdown(report);
  const print = options.print === undefined ? (text: string) => process.stdout.write(text) : options.print;
  print?.(markdown);
  if (options.write === false) return { report, markdown };
  const files = await writeReport(
    report,
    options.outDir ?? DEFAULT_RESULTS_DIR,
    reportStem(started, quick, (options.only ?? []).join('+')),
  );
  log(`wrote ${files.json} and ${files.markdown}`);
  return { report, markdown, files };
}

/** Parsed command line: options, or a request for the suite list. */
export type ParsedArgs =
  | {
      /** Run the selected suites. */
      readonly kind: 'run';
      /** With these options. */
      readonly options: BenchOptions;
    }
  | {
      /** Print the suite names (`--list`). */
      readonly kind: 'list';
    };

/**
 * Parses `pnpm bench` arguments.
 *
 * @throws Error on an unknown flag or a flag missing its value.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let quick = false;
  let write = true;
  let outDir: string | undefined;
  let ladderDuration: string | undefined;
  let ladderNodes: number[] | undefined;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = (flag: string): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (arg === '--quick') quick = true;
    else if (arg === '--no-write') write = false;
    else if (arg === '--list') return { kind: 'list' };
    else if (arg === '--only')
      only.push(
        ...next(arg)
          .split(',')
          .filter((s) => s !== ''),
      );
    else if (arg.startsWith('--only='))
      only.push(
        ...arg
          .slice(7)
          .split(',')
          .filter((s) => s !== ''),
      );
    else if (arg === '--out') outDir = next(arg);
    else if (arg === '--ladder-duration') ladderDuration = next(arg);
    else if (arg === '--ladder-nodes') {
      const text = next(arg);
      ladderNodes = text.split(',').map(Number);
      if (!ladderNodes.every((n) => Number.isInteger(n) && n >= 10)) {
        throw new Error(`--ladder-nodes ${text}: expected node counts ≥ 10 separated by commas, e.g. 1000,10000`);
      }
    } else
      throw new Error(
        `unknown option ${arg} (options: --quick, --only <suite>, --out <dir>, --no-write, --ladder-duration <d>, --ladder-nodes <n,n>, --list)`,
      );
  }
  return {
    kind: 'run',
    options: {
      quick,
      only,
      write,
      ...(outDir === undefined ? {} : { outDir }),
      ...(ladderDuration === undefined ? {} : { ladderDuration }),
      ...(ladderNodes === undefined ? {} : { ladderNodes }),
      command: ['node packages/bench/dist/main.js', ...argv].join(' '),
    },
  };
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  try {
    const parsed = parseArgs(process.argv.slice(2));
    if (parsed.kind === 'list') {
      for (const s of SUITES) process.stdout.write(`${s.name}${s.byDefault ? '' : ' (opt-in)'}: ${s.description}\n`);
    } else {
      await main(parsed.options);
    }
  } catch (error) {
    process.stderr.write(`gleaner bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
