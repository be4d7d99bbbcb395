import { COMPARE_METRIC_KEYS, type SummaryMetric, summaryMetric } from '../report/summaryMetrics.js';
import { formatTextTable } from '../report/textTable.js';
import type { CompareReport } from './compareReport.js';
import type { MeanInterval } from './confidenceInterval.js';
import type { SweepFile } from './SweepFile.js';

/** The metrics the sweep table shows (a narrower set than compare's, one column each). */
const SWEEP_TABLE_KEYS = ['harvestRatio', 'jobsCompleted', 'waitP50Ms', 'waitP99Ms', 'evictions', 'reschedules'];

/** `mean [low, high]` in the metric's units; just the mean when there is one run. */
export function formatInterval(metric: SummaryMetric, interval: MeanInterval | null): string {
  if (interval === null) return '–';
  if (interval.halfWidth === null) return metric.format(interval.mean);
  return `${metric.format(interval.mean)} [${metric.format(interval.low)}, ${metric.format(interval.high)}]`;
}

/** `mean ±half-width` in the metric's units; just the mean when there is one run. */
export function formatPlusMinus(metric: SummaryMetric, interval: MeanInterval | null): string {
  if (interval === null) return '–';
  if (interval.halfWidth === null) return metric.format(interval.mean);
  return `${metric.format(interval.mean)} ±${metric.format(interval.halfWidth)}`;
}

/** The side-by-side table of `gleaner compare`: one row per metric, one column per variant. */
export function compareTable(report: CompareReport): string {
  const header = ['Metric', ...report.variants.map((v) => v.name)];
  const rows = COMPARE_METRIC_KEYS.map((key) => {
    const metric = summaryMetric(key);
    return [metric.label, ...report.variants.map((v) => formatInterval(metric, v.metrics[key] ?? null))];
  });
  return formatTextTable([header, ...rows]);
}

/** The table of `gleaner sweep` / `gleaner merge`: one row per grid point, its axis values then metrics. */
export function sweepTable(file: SweepFile): string {
  const axes = file.sweep.grid.map((a) => a.key);
  const metrics = SWEEP_TABLE_KEYS.map(summaryMetric);
  const header = [
    ...(axes.length === 0 ? ['Point'] : axes.map((k) => k.split('.').at(-1)!)),
    ...metrics.map((m) => m.label),
  ];
  const rows = file.points.map((p) => [
    ...(axes.length === 0 ? ['scenario as written'] : axes.map((k) => p.values[k] ?? '')),
    ...metrics.map((m) => formatPlusMinus(m, p.metrics[m.key] ?? null)),
  ]);
  return formatTextTable([header, ...rows]);
}
