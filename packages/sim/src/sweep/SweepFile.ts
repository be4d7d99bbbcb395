import * as z from 'zod';
import type { Summary } from '../metrics/SimulationResult.js';
import type { MeanInterval } from './confidenceInterval.js';
import type { GridAxis } from './grid.js';
import type { Shard } from './shard.js';

/** Version of the sweep and shard file formats; bumped on any incompatible change. */
export const SWEEP_SCHEMA_VERSION = 1;

/** What a sweep is: everything that decides its runs. Shards of one sweep carry equal definitions. */
export interface SweepDefinition {
  readonly scenario: {
    /** The scenario's `name`. */
    readonly name: string;
    /** The scenario file as given on the command line. */
    readonly file: string;
    /** SHA-256 of the scenario file's bytes (hex). */
    readonly sha256: string;
  };
  /** `--set` overrides applied to every run, before the grid point's. */
  readonly sets: readonly string[];
  readonly grid: readonly GridAxis[];
  /** Seeds every grid point runs with (see `replicationSeeds`). */
  readonly seeds: readonly (string | number)[];
  /** Total number of runs: grid points × seeds. */
  readonly runs: number;
}

/** One finished run of a sweep. */
export interface SweepRun {
  /** Position in the full run list (grid point × seeds + replicate). */
  readonly index: number;
  /** Index of the grid point. */
  readonly point: number;
  /** Index of the seed in {@link SweepDefinition.seeds}. */
  readonly replicate: number;
  readonly seed: string | number;
  readonly summary: Summary;
}

/** A grid point's metrics over its seeds. */
export interface SweepPoint {
  readonly index: number;
  /** The `key=value` overrides of this point, in axis order. */
  readonly sets: readonly string[];
  /** Value text of each axis by key. */
  readonly values: Readonly<Record<string, string>>;
  /** Mean and 95% Student-t interval of each compared metric (`null`: no run had a value). */
  readonly metrics: Readonly<Record<string, MeanInterval | null>>;
}

/** `sweep.json`: the whole sweep, as one machine or `gleaner merge` writes it. */
export interface SweepFile {
  readonly schemaVersion: typeof SWEEP_SCHEMA_VERSION;
  readonly kind: 'gleaner-sweep';
  readonly sweep: SweepDefinition;
  readonly points: readonly SweepPoint[];
  readonly runs: readonly SweepRun[];
}

/** A shard file: the runs of one `--shard i/n` slice, to be combined by `gleaner merge`. */
export interface SweepShardFile {
  readonly schemaVersion: typeof SWEEP_SCHEMA_VERSION;
  readonly kind: 'gleaner-sweep-shard';
  readonly sweep: SweepDefinition;
  readonly shard: Shard;
  readonly runs: readonly SweepRun[];
}

const int = z.number().int();
const seed = z.union([z.string(), z.number()]);
const percentiles = z.strictObject({
  count: int,
  mean: z.number().nullable(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  p99: z.number().nullable(),
  max: z.number().nullable(),
});
const summary = z.strictObject({
  harvestRatio: z.number(),
  beCoreSeconds: z.number(),
  idleCoreSeconds: z.number(),
  throttledNodeMs: z.number(),
  maxThrottleDepthCpu: z.number(),
  evictions: z.number(),
  evictionsPerHour: z.number(),
  reschedules: z.number(),
  jobsSubmitted: z.number(),
  jobsCompleted: z.number(),
  jobsFailed: z.number(),
  jobsUnfinished: z.number(),
  throughputPerHour: z.number(),
  waitMs: percentiles,
  completionMs: percentiles,
  onlineUtilisation: z.number(),
  totalUtilisation: z.number(),
  virtualVcpuSeconds: z.number(),
  virtualCost: z.number(),
});

/** The zod schema of a shard file, used by `gleaner merge` to check what it reads. */
export const sweepShardFileSchema = z.strictObject({
  schemaVersion: z.literal(SWEEP_SCHEMA_VERSION),
  kind: z.literal('gleaner-sweep-shard'),
  sweep: z.strictObject({
    scenario: z.strictObject({ name: z.string(), file: z.string(), sha256: z.string() }),
    sets: z.array(z.string()),
    grid: z.array(z.strictObject({ key: z.string(), values: z.array(z.string()).min(1) })),
    seeds: z.array(seed).min(1),
    runs: int.min(0),
  }),
  shard: z.strictObject({ index: int.min(0), count: int.min(1) }),
  runs: z.array(z.strictObject({ index: int.min(0), point: int.min(0), replicate: int.min(0), seed, summary })),
});
