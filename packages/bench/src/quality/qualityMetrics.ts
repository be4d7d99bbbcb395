import type { Summary } from '@gleaner/sim';
import { formatMs, formatNumber, formatPercent } from '@gleaner/sim';

/** One number the quality benchmark reads from each run's summary, averaged over seeds. */
export interface QualityMetric {
  /** Stable identifier, used in the JSON results. */
  readonly key: string;
  /** Column label of the markdown table. */
  readonly label: string;
  /** Reads the value from a run's fleet summary; `null` when undefined for that run (no job finished). */
  readonly value: (summary: Summary) => number | null;
  /** Formats a value (a mean, a bound or a half-width) for the table. */
  readonly format: (value: number | null) => string;
}

const HOUR_MS = 3_600_000;

/**
 * The metrics of the quality tables, in column order:
 *
 * - **harvest ratio** — BE CPU used / idle CPU (capacity − online − system), over the run;
 * - **online interference** — throttled node-time (node-hours during which BE demand exceeded koordlet's
 *   BE CPU ceiling, i.e. BE work had to be held back to protect online services) and BE evictions per hour;
 * - **job wait** p50 / p99 — submission to driver running (fleet queue + member scheduling + start-up);
 * - **completion** p50 / p99 — submission to COMPLETED, over the jobs that completed;
 * - **reschedules** and **evictions** — counts per run;
 * - **jobs completed** — out of those submitted (the wait and completion percentiles only see finished
 *   work, so a variant that leaves jobs waiting looks better on them than it is);
 * - **serverless cost** — vCPU-seconds on virtual nodes × price (0 where there is no virtual node).
 */
export const QUALITY_METRICS: readonly QualityMetric[] = [
  { key: 'harvestRatio', label: 'Harvest', value: (s) => s.harvestRatio, format: formatPercent },
  {
    key: 'throttledNodeHours',
    label: 'Throttled node-h',
    value: (s) => s.throttledNodeMs / HOUR_MS,
    format: (v) => formatNumber(v, 1),
  },
  {
    key: 'evictionsPerHour',
    label: 'Evictions/h',
    value: (s) => s.evictionsPerHour,
    format: (v) => formatNumber(v, 2),
  },
  { key: 'waitP50Ms', label: 'Wait p50', value: (s) => s.waitMs.p50, format: formatMs },
  { key: 'waitP99Ms', label: 'Wait p99', value: (s) => s.waitMs.p99, format: formatMs },
  { key: 'completionP50Ms', label: 'Completion p50', value: (s) => s.completionMs.p50, format: formatMs },
  { key: 'completionP99Ms', label: 'Completion p99', value: (s) => s.completionMs.p99, format: formatMs },
  { key: 'reschedules', label: 'Reschedules', value: (s) => s.reschedules, format: (v) => formatNumber(v, 1) },
  { key: 'evictions', label: 'Evictions', value: (s) => s.evictions, format: (v) => formatNumber(v, 1) },
  { key: 'jobsCompleted', label: 'Jobs done', value: (s) => s.jobsCompleted, format: (v) => formatNumber(v, 1) },
  { key: 'jobsSubmitted', label: 'Jobs submitted', value: (s) => s.jobsSubmitted, format: (v) => formatNumber(v, 1) },
  { key: 'virtualCost', label: 'Serverless cost', value: (s) => s.virtualCost, format: (v) => formatNumber(v, 2) },
];

/** Looks up a metric of {@link QUALITY_METRICS}. @throws Error for an unknown key (a programming error). */
export function qualityMetric(key: string): QualityMetric {
  const metric = QUALITY_METRICS.find((m) => m.key === key);
  if (metric === undefined) throw new Error(`qualityMetric: unknown metric "${key}"`);
  return metric;
}
