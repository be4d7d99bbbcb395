import type { Summary } from '../metrics/SimulationResult.js';
import { COMPARE_METRIC_KEYS } from '../report/summaryMetrics.js';
import { metricInterval } from './assembleSweep.js';
import type { MeanInterval } from './confidenceInterval.js';
import type { RunTask } from './RunTask.js';
import type { Variant } from './variants.js';

/** Version of the `gleaner compare --json` format. */
export const COMPARE_SCHEMA_VERSION = 1;

/** `gleaner compare --json`: each variant's metrics over the same seeds. */
export interface CompareReport {
  /** {@link COMPARE_SCHEMA_VERSION}. */
  readonly schemaVersion: typeof COMPARE_SCHEMA_VERSION;
  /** Discriminant of the file format. */
  readonly kind: 'gleaner-compare';
  /** The scenario compared. */
  readonly scenario: {
    /** The scenario's `name`. */
    readonly name: string;
    /** The scenario file as given on the command line. */
    readonly file: string;
    /** SHA-256 of the scenario file's bytes (hex). */
    readonly sha256: string;
  };
  /** The seeds every variant ran with. */
  readonly seeds: readonly (string | number)[];
  /** The baseline first, then each variant. */
  readonly variants: readonly {
    /** Variant name (`baseline` for the scenario as written). */
    readonly name: string;
    /** Its `key=value` overrides. */
    readonly sets: readonly string[];
    /** Mean and 95% Student-t interval over the seeds of each compared metric. */
    readonly metrics: Readonly<Record<string, MeanInterval | null>>;
    /** Each seed's summary, in seed order. */
    readonly runs: readonly Summary[];
  }[];
}

/** The runs of a comparison: every variant under every seed (variant-major), each with the variant's overrides. */
export function planCompare(
  scenarioFile: string,
  variants: readonly Variant[],
  seeds: readonly (string | number)[],
): RunTask[] {
  return variants.flatMap((variant, v) =>
    seeds.map((seed, r) => ({ index: v * seeds.length + r, scenarioFile, overrides: [...variant.sets], seed })),
  );
}

/** Builds the comparison from the runs' summaries (`summaries[i]` belongs to run `i` of {@link planCompare}). */
export function assembleCompare(
  scenario: CompareReport['scenario'],
  variants: readonly Variant[],
  seeds: readonly (string | number)[],
  summaries: readonly Summary[],
): CompareReport {
  return {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    kind: 'gleaner-compare',
    scenario,
    seeds,
    variants: variants.map((variant, v) => {
      const runs = summaries.slice(v * seeds.length, (v + 1) * seeds.length);
      const metrics: Record<string, MeanInterval | null> = {};
      for (const key of COMPARE_METRIC_KEYS) metrics[key] = metricInterval(key, runs);
      return { name: variant.name, sets: variant.sets, metrics, runs };
    }),
  };
}
