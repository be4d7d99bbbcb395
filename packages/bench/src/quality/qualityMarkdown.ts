import type { MeanInterval } from '@gleaner/sim';
import type { QualityReport, QualityVariantResult } from './QualityReport.js';
import { type QualityMetric, qualityMetric } from './qualityMetrics.js';

/** The metrics shown in the markdown tables (the quality metrics but jobs submitted and serverless cost). */
const TABLE_KEYS = [
  'harvestRatio',
  'throttledNodeHours',
  'evictionsPerHour',
  'waitP50Ms',
  'waitP99Ms',
  'completionP50Ms',
  'completionP99Ms',
  'reschedules',
  'evictions',
  'jobsCompleted',
];

/** `mean ±half-width` in the metric's units; the mean alone for one value; `–` when undefined. */
export function formatMeanInterval(metric: QualityMetric, interval: MeanInterval | null | undefined): string {
  if (interval === null || interval === undefined) return '–';
  if (interval.halfWidth === null) return metric.format(interval.mean);
  return `${metric.format(interval.mean)} ±${metric.format(interval.halfWidth)}`;
}

/** A paired difference as `+1.2 pts [0.8, 1.6]` for ratios, or `+12.0 s …` in the metric's units. */
function formatDelta(metric: QualityMetric, delta: MeanInterval | null | undefined): string {
  if (delta === null || delta === undefined) return '–';
  const points = metric.key === 'harvestRatio';
  const show = (v: number): string => {
    const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
    const abs = Math.abs(v);
    return `${sign}${points ? `${(abs * 100).toFixed(2)} pts` : metric.format(abs)}`;
  };
  if (delta.halfWidth === null) return show(delta.mean);
  if (delta.halfWidth === 0 && delta.mean === 0) return '0 (identical)';
  return `${show(delta.mean)} ±${points ? `${(delta.halfWidth * 100).toFixed(2)} pts` : metric.format(delta.halfWidth)}`;
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function table(rows: readonly (readonly string[])[]): string {
  const [head, ...body] = rows;
  const line = (r: readonly string[]): string => `| ${r.map(escapeCell).join(' | ')} |`;
  return [line(head!), `|${head!.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...body.map(line)].join(
    '\n',
  );
}

function variantRow(v: QualityVariantResult): string[] {
  const harvest = qualityMetric('harvestRatio');
  const waitP99 = qualityMetric('waitP99Ms');
  return [
    v.name,
    ...TABLE_KEYS.map((key) => formatMeanInterval(qualityMetric(key), v.metrics[key])),
    v.reference ?? '–',
    v.deltaFromReference === undefined ? '–' : formatDelta(harvest, v.deltaFromReference.harvestRatio),
    v.deltaFromReference === undefined ? '–' : formatDelta(waitP99, v.deltaFromReference.waitP99Ms),
  ];
}

/**
 * The quality report as markdown: a header with the run's conditions (seeds, workers, wall time, machine
 * load), then per scenario one table — a row per variant, each metric as `mean ±95 % half-width` over
 * the seeds, and the paired differences of harvest ratio and wait p99 from the baseline.
 */
export function qualityMarkdown(report: QualityReport): string {
  const lines: string[] = [];
  const minutes = (report.wallMs / 60_000).toFixed(1);
  lines.push(
    `# Policy quality — ${report.startedAt.slice(0, 10)}${report.quick ? ' (quick: not a result to quote)' : ''}`,
  );
  lines.push('');
  lines.push(
    `${report.runs} runs (${report.seedsPerVariant} seeds per variant, common random numbers across variants) ` +
      `in ${minutes} min wall (${(report.cpuMs / 60_000).toFixed(1)} CPU-min) on ${report.workers} worker thread(s); ${report.machine.cpus} × ${report.machine.cpuModel}, ` +
      `Node ${report.machine.node}, 1-min load average ${report.machine.loadAverageStart} at start, ` +
      `${report.machine.loadAverageEnd} at end.`,
  );
  if (report.extraOverrides.length > 0) lines.push(`Every run also had: \`${report.extraOverrides.join('`, `')}\`.`);
  lines.push(
    `Cells are mean ±half-width of the ${Math.round(report.confidence * 100)} % Student-t interval over the seeds; ` +
      'Δ columns are paired differences (variant − reference, seed by seed) from the variant named in "Δ vs".',
  );
  const header = ['Variant', ...TABLE_KEYS.map((key) => qualityMetric(key).label), 'Δ vs', 'Δ harvest', 'Δ wait p99'];
  for (const s of report.scenarios) {
    lines.push('');
    lines.push(`## ${s.name}`);
    lines.push('');
    lines.push(s.description);
    const submitted = s.variants[0]?.metrics.jobsSubmitted;
    if (submitted !== undefined && submitted !== null) {
      lines.push(`Jobs submitted per run: ${formatMeanInterval(qualityMetric('jobsSubmitted'), submitted)}.`);
    }
    lines.push('');
    lines.push(table([header, ...s.variants.map(variantRow)]));
  }
  lines.push('');
  return lines.join('\n');
}
