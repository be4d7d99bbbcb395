import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunFailedError } from '@gleaner/sim';
import { parseQualityArgs, QUALITY_USAGE } from './parseQualityArgs.js';
import { QualityInputError } from './QualityInputError.js';
import { qualityMarkdown } from './qualityMarkdown.js';
import { runQuality } from './runQuality.js';
import { STANDARD_SCENARIOS } from './standardScenarios.js';

/** Where `pnpm bench:quality` writes by default: `packages/bench/results`. */
export const DEFAULT_QUALITY_OUT_DIR: string = fileURLToPath(new URL('../../results/', import.meta.url));

/** The scenario `--quick` runs. */
export const QUICK_SCENARIO = 'seed-fleet';

/** Seeds per variant with `--quick`. */
export const QUICK_SEEDS = 2;

/** Where the quality CLI writes: standard output and error, and whether stderr is a terminal. */
export interface QualityIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Progress is shown only on a terminal (silent when piped). */
  readonly stderrIsTty: boolean;
}

/** The process's own streams. */
export function processQualityIo(): QualityIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
  };
}

async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, file);
}

/**
 * `pnpm bench:quality`: parses the options, runs the matrix, prints the markdown tables to standard
 * output and writes `quality-<date>[-quick].json` and `.md` to the output directory. Returns the exit
 * code: 0 on success, 2 for bad input (one line on standard error), 1 when a run fails.
 */
export async function qualityCli(argv: readonly string[], io: QualityIo = processQualityIo()): Promise<number> {
  try {
    const args = parseQualityArgs(argv);
    if (args.help) {
      io.stdout(QUALITY_USAGE);
      return 0;
    }
    const names = args.scenarios.length > 0 ? args.scenarios : args.quick ? [QUICK_SCENARIO] : [];
    for (const name of names) {
      if (!STANDARD_SCENARIOS.some((s) => s.name === name)) {
        throw new QualityInputError(
          `unknown scenario "${name}" (known: ${STANDARD_SCENARIOS.map((s) => s.name).join(', ')})`,
        );
      }
    }
    const scenarios =
      names.length === 0 ? STANDARD_SCENARIOS : STANDARD_SCENARIOS.filter((s) => names.includes(s.name));
    let lastShown = -1;
    const report = await runQuality({
      scenarios,
      seeds: args.seeds ?? (args.quick ? QUICK_SEEDS : undefined),
      ...(args.workers === undefined ? {} : { workers: args.workers }),
      extraOverrides: args.sets,
      quick: args.quick,
      onProgress: (done, total) => {
        if (!io.stderrIsTty) return;
        const percent = Math.floor((done / total) * 100);
        if (percent === lastShown && done !== total) return;
        lastShown = percent;
        io.stderr(`\rquality: ${done}/${total} runs (${percent}%)${done === total ? '\n' : ''}`);
      },
    });
    const markdown = qualityMarkdown(report);
    const outDir = resolve(args.out ?? DEFAULT_QUALITY_OUT_DIR);
    await mkdir(outDir, { recursive: true });
    const base = `quality-${report.startedAt.slice(0, 10)}${report.quick ? '-quick' : ''}`;
    const jsonFile = join(outDir, `${base}.json`);
    const mdFile = join(outDir, `${base}.md`);
    await writeAtomic(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    await writeAtomic(mdFile, markdown);
    io.stdout(markdown);
    io.stdout(
      `\nWrote ${jsonFile} and ${mdFile} (${report.runs} runs in ${(report.wallMs / 1000).toFixed(1)} s wall).\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof QualityInputError) {
      io.stderr(`bench:quality: ${error.message}\n`);
      return 2;
    }
    if (error instanceof RunFailedError) {
      io.stderr(`bench:quality: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
