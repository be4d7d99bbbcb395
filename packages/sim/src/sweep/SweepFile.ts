import * as z from 'zod';
import type { Summary } from '../metrics/SimulationResult.js';
import type { MeanInterval } from './confidenceInterval.js';
import type { GridAxis } from './grid.js';
import type { Shard } from './shard.js';

/** Version of the sweep and shard file formats; bumped on any incompatible change. */
export const SWEEP_SCHEMA_VERSION = 1;

/** What a sweep is: everything that decides its runs. Shards of one sweep carry equal definitions. */
export interface SweepDefinition {
  /** The scenario every run starts from. */
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
  /** The axes of the grid, in command-line order. */
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
  /** The run's master seed. */
  readonly seed: string | number;
  /** The run's fleet-wide summary. */
  readonly summary: Summary;
}

/** A grid point's metrics over its seeds. */
export interface SweepPoint {
  /** Index of the grid point. */
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
  /** {@link SWEEP_SCHEMA_VERSION}. */
  readonly schemaVersion: typeof SWEEP_SCHEMA_VERSION;
  /** Discriminant of the file format. */
  readonly kind: 'gleaner-sweep';
  /** What was swept. */
  readonly sweep: SweepDefinition;
  /** Each grid point's metrics over its seeds. */
  readonly points: readonly SweepPoint[];
  /** Every run, by index. */
  readonly runs: readonly SweepRun[];
}

/** A shard file: the runs of one `--shard i/n` slice, to be combined by `gleaner merge`. */
export interface SweepShardFile {
  /** {@link SWEEP_SCHEMA_VERSION}. */
  readonly schemaVersion: typeof SWEEP_SCHEMA_VERSION;
  /** Discriminant of the file format. */
  readonly kind: 'gleaner-sweep-shard';
  /** The whole sweep this shard belongs to. */
  readonly sweep: SweepDefinition;
  /** Which slice of the runs this file holds. */
  readonly shard: Shard;
  /** The slice's runs, by index. */
  readonly runs: readonly SweepRun[];
}

const int = z.number().int();
const seed = z.union([z.string(), z.number()]);
const percentiles = z.strictObject({
  /** Number of samples. */
  count: int,
  /** Arithmetic mean. */
  mean: z.number().nullable(),
  /** Median. */
  p50: z.number().nullable(),
  /** 90th percentile. */
  p90: z.number().nullable(),
  /** 99th percentile. */
  p99: z.number().nullable(),
  /** Largest sample. */
  max: z.number().nullable(),
});
const summary = z.strictObject({
  /** BE core-seconds used / idle core-seconds available (0–1). */
  harvestRatio: z.number(),
  /** CPU core-seconds granted to best-effort (Spark) pods. */
  beCoreSeconds: z.number(),
  /** Core-seconds of capacity not used by online work. */
  idleCoreSeconds: z.number(),
  /** Time BE usage was throttled under the ceiling, ms summed over nodes. */
  throttledNodeMs: z.number(),
  /** Deepest BE throttling on a node, millicores. */
  maxThrottleDepthCpu: z.number(),
  /** Pods evicted. */
  evictions: z.number(),
  /** Evictions per simulated hour. */
  evictionsPerHour: z.number(),
  /** Applications rescheduled after the timeout. */
  reschedules: z.number(),
  /** Applications submitted. */
  jobsSubmitted: z.number(),
  /** Applications completed. */
  jobsCompleted: z.number(),
  /** Applications failed. */
  jobsFailed: z.number(),
  /** Applications unfinished at the end. */
  jobsUnfinished: z.number(),
  /** Completed applications per simulated hour. */
  throughputPerHour: z.number(),
  /** Submission to driver running, ms. */
  waitMs: percentiles,
  /** Submission to completion, ms. */
  completionMs: percentiles,
  /** Mean online CPU utilisation (0–1). */
  onlineUtilisation: z.number(),
  /** Mean online + BE CPU utilisation (0–1). */
  totalUtilisation: z.number(),
  /** vCPU-seconds of serverless (virtual node) executors. */
  virtualVcpuSeconds: z.number(),
  /** Cost of those vCPU-seconds at the virtual node's price. */
  virtualCost: z.number(),
});

/** The zod schema of a shard file, used by `gleaner merge` to check what it reads. */
export const sweepShardFileSchema = z.strictObject({
  /** {@link SWEEP_SCHEMA_VERSION}. */
  schemaVersion: z.literal(SWEEP_SCHEMA_VERSION),
  /** Discriminant of the file format. */
  kind: z.literal('gleaner-sweep-shard'),
  /** The whole sweep this shard belongs to. */
  sweep: z.strictObject({
    /** The scenario every run starts from. */
    scenario: z.strictObject({
      /** The scenario's `name`. */
      name: z.string(),
      /** The scenario file as given on the command line. */
      file: z.string(),
      /** SHA-256 of the scenario file's bytes (hex). */
      sha256: z.string(),
    }),
    /** `--set` overrides applied to every run. */
    sets: z.array(z.string()),
    /** The axes of the grid. */
    grid: z.array(
      z.strictObject({
        /** The overridden field. */
        key: z.string(),
        /** Its values, as text. */
        values: z.array(z.string()).min(1),
      }),
    ),
    /** Seeds every grid point runs with. */
    seeds: z.array(seed).min(1),
    /** Total number of runs. */
    runs: int.min(0),
  }),
  /** Which slice of the runs this file holds. */
  shard: z.strictObject({
    /** 0-based index of the slice. */
    index: int.min(0),
    /** Number of slices. */
    count: int.min(1),
  }),
  /** The slice's runs. */
  runs: z.array(
    z.strictObject({
      /** Position in the full run list. */
      index: int.min(0),
      /** Index of the grid point. */
      point: int.min(0),
      /** Index of the seed. */
      replicate: int.min(0),
      /** The run's master seed. */
      seed,
      /** The run's fleet-wide summary. */
      summary,
    }),
  ),
});
