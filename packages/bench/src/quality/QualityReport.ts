import type { MeanInterval } from '@gleaner/sim';
import type { QualityAxis } from './QualityScenario.js';

/** Version of the `quality-<date>.json` layout; bumped on any incompatible change. */
export const QUALITY_SCHEMA_VERSION = 1;

/** One run of one variant: its seed and the metric values it gave (`null` where undefined). */
export interface QualityRun {
  readonly seed: string | number;
  readonly values: Readonly<Record<string, number | null>>;
}

/** One variant on one scenario: its runs, each metric's mean with a 95 % Student-t interval over seeds. */
export interface QualityVariantResult {
  readonly name: string;
  readonly axis: QualityAxis | null;
  readonly description: string;
  /** The overrides applied to the scenario file (baseline's, then the variant's, then `--set`). */
  readonly overrides: readonly string[];
  readonly runs: readonly QualityRun[];
  /** Mean and interval of each metric over the runs where it is defined; `null` when it never is. */
  readonly metrics: Readonly<Record<string, MeanInterval | null>>;
  /** The variant the Δ values compare with (`baseline`, or `preoccupation=off` for the timeouts). */
  readonly reference?: string;
  /**
   * Paired difference from the reference variant, metric by metric: the mean over seeds of (variant −
   * reference) on the same seed, with its interval. Seeds are shared (common random numbers), so this
   * interval is usually much narrower than the two separate ones. Absent for the baseline itself.
   */
  readonly deltaFromReference?: Readonly<Record<string, MeanInterval | null>>;
}

/** All variants of one scenario. */
export interface QualityScenarioResult {
  readonly name: string;
  readonly file: string;
  readonly description: string;
  readonly seeds: readonly (string | number)[];
  readonly variants: readonly QualityVariantResult[];
}

/** What `pnpm bench:quality` writes to `packages/bench/results/quality-<date>.json`. */
export interface QualityReport {
  readonly schemaVersion: typeof QUALITY_SCHEMA_VERSION;
  /** Wall-clock date and time the run started (ISO 8601). */
  readonly startedAt: string;
  /** Whether this was a `--quick` run (2 seeds, 1 scenario): not a result to quote. */
  readonly quick: boolean;
  /** Seeds per variant. */
  readonly seedsPerVariant: number;
  /** Extra overrides given with `--set`, applied to every run. */
  readonly extraOverrides: readonly string[];
  /** Confidence level of every interval. */
  readonly confidence: number;
  /** Simulation runs in total. */
  readonly runs: number;
  /** Worker threads used. */
  readonly workers: number;
  /** Wall-clock time of the whole benchmark, ms. */
  readonly wallMs: number;
  /**
   * CPU time of the benchmark process, all threads, ms: on a shared machine the wall time depends on the
   * other load; `cpuMs / workers` is roughly the wall time on an otherwise idle machine.
   */
  readonly cpuMs: number;
  /** The machine: CPU count and model, Node version, 1-minute load average at start and end. */
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly node: string;
    readonly loadAverageStart: number;
    readonly loadAverageEnd: number;
  };
  readonly scenarios: readonly QualityScenarioResult[];
}
