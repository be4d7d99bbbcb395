import { availableParallelism, cpus, loadavg } from 'node:os';
import {
  executeRuns,
  loadScenario,
  type MeanInterval,
  meanConfidenceInterval,
  type RunTask,
  replicationSeeds,
  type Summary,
} from '@gleaner/sim';
import { QualityInputError } from './QualityInputError.js';
import {
  QUALITY_SCHEMA_VERSION,
  type QualityReport,
  type QualityRun,
  type QualityScenarioResult,
  type QualityVariantResult,
} from './QualityReport.js';
import type { QualityScenario } from './QualityScenario.js';
import { QUALITY_METRICS } from './qualityMetrics.js';
import { STANDARD_SCENARIOS } from './standardScenarios.js';
import { variantOverrides, variantsFor } from './standardVariants.js';

/** Seeds per variant of a full run. */
export const DEFAULT_QUALITY_SEEDS = 10;

/** Confidence level of every interval the benchmark reports. */
export const QUALITY_CONFIDENCE = 0.95;

/** Options of {@link runQuality}; every one has a default. */
export interface RunQualityOptions {
  /** Scenarios to run (default {@link STANDARD_SCENARIOS}). */
  readonly scenarios?: readonly QualityScenario[];
  /** Seeds per variant (default {@link DEFAULT_QUALITY_SEEDS}; at least 2 for an interval). */
  readonly seeds?: number;
  /** Worker threads (default: the machine's available parallelism, at most 2… see `pnpm bench:quality --help`). */
  readonly workers?: number;
  /** `key=value` overrides applied to every run after the variant's (e.g. `duration=2h` for a smoke test). */
  readonly extraOverrides?: readonly string[];
  /** Recorded in the report: this is a `--quick` run. */
  readonly quick?: boolean;
  /** Called after each finished run with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The default number of worker threads: the machine's available parallelism. */
export function defaultQualityWorkers(): number {
  return Math.max(1, availableParallelism());
}

interface Cell {
  readonly scenario: QualityScenario;
  readonly seeds: readonly (string | number)[];
  readonly variants: { readonly name: string; readonly first: number; readonly overrides: readonly string[] }[];
}

/**
 * Runs the quality matrix — every variant of every scenario over the same seeds (common random numbers:
 * seed *i* of every variant replays the same arrivals and online load) — in `workers` threads, and returns
 * each metric's mean with its 95 % Student-t interval over the seeds, plus the paired difference of each
 * variant from the scenario's baseline. Each run is `loadScenario(file, { overrides })` then `runScenario`
 * with the seed, exactly what `gleaner compare` does.
 *
 * @throws {@link QualityInputError} when a scenario file cannot be loaded.
 * @throws `RunFailedError` (from `@gleaner/sim`) when a run fails; the other runs are stopped.
 */
export async function runQuality(options: RunQualityOptions = {}): Promise<QualityReport> {
  const startedAt = new Date();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const loadStart = loadavg()[0] ?? 0;
  const scenarios = options.scenarios ?? STANDARD_SCENARIOS;
  const seedCount = options.seeds ?? DEFAULT_QUALITY_SEEDS;
  if (!Number.isSafeInteger(seedCount) || seedCount < 1) {
    throw new QualityInputError(`seeds must be a whole number ≥ 1, got ${seedCount}`);
  }
  const extra = options.extraOverrides ?? [];
  const workers = Math.max(1, Math.floor(options.workers ?? defaultQualityWorkers()));

  const tasks: RunTask[] = [];
  const cells: Cell[] = [];
  for (const scenario of scenarios) {
    const loaded = await loadScenario(scenario.file);
    if (!loaded.ok) {
      const issue = loaded.issues[0]!;
      throw new QualityInputError(
        `${issue.file}: ${issue.path.join('.')}${issue.path.length > 0 ? ': ' : ''}${issue.message}`,
      );
    }
    const seeds = replicationSeeds(loaded.scenario.spec.seed, seedCount);
    const cell: Cell = { scenario, seeds, variants: [] };
    for (const variant of variantsFor(scenario)) {
      const overrides = variantOverrides(scenario, variant, extra);
      cell.variants.push({ name: variant.name, first: tasks.length, overrides });
      for (const seed of seeds) {
        tasks.push({ index: tasks.length, scenarioFile: scenario.file, overrides, seed });
      }
    }
    cells.push(cell);
  }

  const summaries = await executeRuns(tasks, {
    workers,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });

  const results: QualityScenarioResult[] = cells.map((cell) => {
    const variants = variantsFor(cell.scenario);
    const runsOf = (first: number): QualityRun[] =>
      cell.seeds.map((seed, i) => ({ seed, values: metricValues(summaries[first + i]!) }));
    const out: QualityVariantResult[] = cell.variants.map((v, k) => {
      const runs = runsOf(v.first);
      const variant = variants[k]!;
      const referenceName = variant.reference ?? variants[0]!.name;
      const reference = cell.variants.find((r) => r.name === referenceName)!;
      return {
        name: v.name,
        axis: variant.axis,
        description: variant.description,
        overrides: v.overrides,
        runs,
        metrics: intervals(runs),
        ...(k === 0
          ? {}
          : { reference: referenceName, deltaFromReference: pairedDeltas(runs, runsOf(reference.first)) }),
      };
    });
    return {
      name: cell.scenario.name,
      file: cell.scenario.file,
      description: cell.scenario.description,
      seeds: cell.seeds,
      variants: out,
    };
  });

  const cpu = cpus();
  return {
    schemaVersion: QUALITY_SCHEMA_VERSION,
    startedAt: startedAt.toISOString(),
    quick: options.quick ?? false,
    seedsPerVariant: seedCount,
    extraOverrides: extra,
    confidence: QUALITY_CONFIDENCE,
    runs: tasks.length,
    workers: Math.min(workers, Math.max(1, tasks.length)),
    wallMs: Math.round(performance.now() - started),
    cpuMs: Math.round(cpuMs(process.cpuUsage(cpuStart))),
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? 'unknown',
      node: process.version,
      loadAverageStart: Math.round(loadStart * 100) / 100,
      loadAverageEnd: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    },
    scenarios: results,
  };
}

/** User + system CPU time of the process (all its threads), in ms. */
function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function metricValues(summary: Summary): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  for (const m of QUALITY_METRICS) values[m.key] = m.value(summary);
  return values;
}

function intervals(runs: readonly QualityRun[]): Record<string, MeanInterval | null> {
  const out: Record<string, MeanInterval | null> = {};
  for (const m of QUALITY_METRICS) {
    const values = runs.flatMap((r) => {
      const v = r.values[m.key];
      return v === null || v === undefined ? [] : [v];
    });
    out[m.key] = meanConfidenceInterval(values, QUALITY_CONFIDENCE);
  }
  return out;
}

function pairedDeltas(
  runs: readonly QualityRun[],
  baseline: readonly QualityRun[],
): Record<string, MeanInterval | null> {
  const out: Record<string, MeanInterval | null> = {};
  for (const m of QUALITY_METRICS) {
    const deltas: number[] = [];
    runs.forEach((r, i) => {
      const a = r.values[m.key];
      const b = baseline[i]?.values[m.key];
      if (a !== null && a !== undefined && b !== null && b !== undefined) deltas.push(a - b);
    });
    out[m.key] = meanConfidenceInterval(deltas, QUALITY_CONFIDENCE);
  }
  return out;
}
