import type { Summary } from '../metrics/SimulationResult.js';
import { formatMs, formatNumber, formatPercent } from './format.js';

/** One number taken from a run's {@link Summary}, with how to show it. */
export interface SummaryMetric {
  /** Stable identifier, used in JSON output (`harvestRatio`, `waitP99Ms`, …). */
  readonly key: string;
  /** Column or row label for people. */
  readonly label: string;
  /** Reads the value; `null` when undefined for this run (no jobs finished, …). */
  readonly value: (summary: Summary) => number | null;
  /** Formats a value (or a mean of values) of this metric. */
  readonly format: (value: number | null) => string;
  /** Whether a larger value is better (`true`), worse (`false`) or neither (`null`). */
  readonly higherIsBetter: boolean | null;
}

const count = (v: number | null): string => formatNumber(v, 1);
const coreHours = (v: number | null): string => (v === null ? '–' : `${formatNumber(v / 3600, 1)} core-h`);

/**
 * Every summary number the reports show, in display order. The HTML summary table shows all of them;
 * `gleaner run` prints {@link RUN_METRIC_KEYS}; `gleaner compare` and `gleaner sweep` average
 * {@link COMPARE_METRIC_KEYS} over seeds.
 */
export const SUMMARY_METRICS: readonly SummaryMetric[] = [
  {
    key: 'harvestRatio',
    label: 'Harvest ratio',
    value: (s) => s.harvestRatio,
    format: formatPercent,
    higherIsBetter: true,
  },
  {
    key: 'beCoreSeconds',
    label: 'BE CPU used',
    value: (s) => s.beCoreSeconds,
    format: coreHours,
    higherIsBetter: true,
  },
  {
    key: 'idleCoreSeconds',
    label: 'Idle CPU',
    value: (s) => s.idleCoreSeconds,
    format: coreHours,
    higherIsBetter: null,
  },
  { key: 'jobsSubmitted', label: 'Jobs submitted', value: (s) => s.jobsSubmitted, format: count, higherIsBetter: null },
  { key: 'jobsCompleted', label: 'Jobs completed', value: (s) => s.jobsCompleted, format: count, higherIsBetter: true },
  { key: 'jobsFailed', label: 'Jobs failed', value: (s) => s.jobsFailed, format: count, higherIsBetter: false },
  {
    key: 'jobsUnfinished',
    label: 'Jobs unfinished',
    value: (s) => s.jobsUnfinished,
    format: count,
    higherIsBetter: false,
  },
  {
    key: 'throughputPerHour',
    label: 'Throughput (jobs/h)',
    value: (s) => s.throughputPerHour,
    format: (v) => formatNumber(v, 2),
    higherIsBetter: true,
  },
  { key: 'waitP50Ms', label: 'Wait p50', value: (s) => s.waitMs.p50, format: formatMs, higherIsBetter: false },
  { key: 'waitP90Ms', label: 'Wait p90', value: (s) => s.waitMs.p90, format: formatMs, higherIsBetter: false },
  { key: 'waitP99Ms', label: 'Wait p99', value: (s) => s.waitMs.p99, format: formatMs, higherIsBetter: false },
  {
    key: 'completionP50Ms',
    label: 'Completion p50',
    value: (s) => s.completionMs.p50,
    format: formatMs,
    higherIsBetter: false,
  },
  {
    key: 'completionP90Ms',
    label: 'Completion p90',
    value: (s) => s.completionMs.p90,
    format: formatMs,
    higherIsBetter: false,
  },
  {
    key: 'completionP99Ms',
    label: 'Completion p99',
    value: (s) => s.completionMs.p99,
    format: formatMs,
    higherIsBetter: false,
  },
  { key: 'evictions', label: 'Evictions', value: (s) => s.evictions, format: count, higherIsBetter: false },
  {
    key: 'evictionsPerHour',
    label: 'Evictions per hour',
    value: (s) => s.evictionsPerHour,
    format: (v) => formatNumber(v, 2),
    higherIsBetter: false,
  },
  { key: 'reschedules', label: 'Reschedules', value: (s) => s.reschedules, format: count, higherIsBetter: false },
  {
    key: 'throttledNodeMs',
    label: 'BE throttled (node time)',
    value: (s) => s.throttledNodeMs,
    format: formatMs,
    higherIsBetter: false,
  },
  {
    key: 'maxThrottleDepthCpu',
    label: 'Deepest BE throttling',
    value: (s) => s.maxThrottleDepthCpu,
    format: (v) => (v === null ? '–' : `${formatNumber(v / 1000, 2)} cores`),
    higherIsBetter: false,
  },
  {
    key: 'onlineUtilisation',
    label: 'Online CPU utilisation',
    value: (s) => s.onlineUtilisation,
    format: formatPercent,
    higherIsBetter: null,
  },
  {
    key: 'totalUtilisation',
    label: 'Total CPU utilisation',
    value: (s) => s.totalUtilisation,
    format: formatPercent,
    higherIsBetter: true,
  },
  {
    key: 'virtualVcpuSeconds',
    label: 'Serverless vCPU-s',
    value: (s) => s.virtualVcpuSeconds,
    format: (v) => formatNumber(v, 0),
    higherIsBetter: null,
  },
  {
    key: 'virtualCost',
    label: 'Serverless cost',
    value: (s) => s.virtualCost,
    format: (v) => formatNumber(v, 2),
    higherIsBetter: false,
  },
];

/** The metrics `gleaner run` prints after a run. */
export const RUN_METRIC_KEYS: readonly string[] = [
  'harvestRatio',
  'jobsCompleted',
  'jobsSubmitted',
  'waitP50Ms',
  'waitP99Ms',
  'evictions',
  'reschedules',
];

/** The metrics `gleaner compare` and `gleaner sweep` report with means and confidence intervals. */
export const COMPARE_METRIC_KEYS: readonly string[] = [
  'harvestRatio',
  'jobsCompleted',
  'throughputPerHour',
  'waitP50Ms',
  'waitP99Ms',
  'completionP50Ms',
  'evictions',
  'reschedules',
  'totalUtilisation',
  'virtualCost',
];

/** Looks up a metric of {@link SUMMARY_METRICS} by key. @throws Error for an unknown key (a programming error). */
export function summaryMetric(key: string): SummaryMetric {
  const metric = SUMMARY_METRICS.find((m) => m.key === key);
  if (metric === undefined) throw new Error(`summaryMetric: unknown metric "${key}"`);
  return metric;
}
