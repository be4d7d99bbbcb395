import type { Summary } from '../metrics/SimulationResult.js';
import { COMPARE_METRIC_KEYS, summaryMetric } from '../report/summaryMetrics.js';
import { type MeanInterval, meanConfidenceInterval } from './confidenceInterval.js';
import { gridPoints } from './grid.js';
import type { RunTask } from './RunTask.js';
import {
  SWEEP_SCHEMA_VERSION,
  type SweepDefinition,
  type SweepFile,
  type SweepPoint,
  type SweepRun,
  type SweepShardFile,
} from './SweepFile.js';
import type { Shard } from './shard.js';

/** The {@link SweepRun} records of finished tasks (`summaries[i]` belongs to `tasks[i]`). */
export function sweepRuns(
  definition: SweepDefinition,
  tasks: readonly RunTask[],
  summaries: readonly Summary[],
): SweepRun[] {
  const seeds = definition.seeds.length;
  return tasks.map((task, i) => ({
    index: task.index,
    point: Math.floor(task.index / seeds),
    replicate: task.index % seeds,
    seed: task.seed,
    summary: summaries[i]!,
  }));
}

/**
 * Builds `sweep.json` from a sweep's definition and all its runs (in any order): runs sorted by index,
 * and for each grid point the mean and 95% confidence interval of each compared metric over its seeds.
 * One machine and `gleaner merge` both call this, so their outputs are byte-identical.
 *
 * @throws Error when the runs are not exactly the sweep's runs (a programming error; merge checks first).
 */
export function assembleSweep(definition: SweepDefinition, runs: readonly SweepRun[]): SweepFile {
  const sorted = [...runs].sort((a, b) => a.index - b.index);
  if (sorted.length !== definition.runs || sorted.some((r, i) => r.index !== i)) {
    throw new Error(`assembleSweep: expected runs 0…${definition.runs - 1}, got ${sorted.length} runs`);
  }
  const points: SweepPoint[] = gridPoints(definition.grid).map((point) => {
    const own = sorted.filter((r) => r.point === point.index);
    const metrics: Record<string, MeanInterval | null> = {};
    for (const key of COMPARE_METRIC_KEYS)
      metrics[key] = metricInterval(
        key,
        own.map((r) => r.summary),
      );
    return { index: point.index, sets: point.sets, values: point.values, metrics };
  });
  return { schemaVersion: SWEEP_SCHEMA_VERSION, kind: 'gleaner-sweep', sweep: definition, points, runs: sorted };
}

/** Mean and 95% interval of one summary metric over runs, skipping runs where it is undefined. */
export function metricInterval(key: string, summaries: readonly Summary[]): MeanInterval | null {
  const metric = summaryMetric(key);
  const values = summaries.map((s) => metric.value(s)).filter((v): v is number => v !== null && Number.isFinite(v));
  return meanConfidenceInterval(values);
}

/** Builds a shard file: the definition, which slice this is, and the slice's runs in index order. */
export function assembleShard(definition: SweepDefinition, shard: Shard, runs: readonly SweepRun[]): SweepShardFile {
  return {
    schemaVersion: SWEEP_SCHEMA_VERSION,
    kind: 'gleaner-sweep-shard',
    sweep: definition,
    shard,
    runs: [...runs].sort((a, b) => a.index - b.index),
  };
}
