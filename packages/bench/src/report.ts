import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MachineInfo } from './machine.js';
import { describeMachine } from './machine.js';
import type { BenchRow } from './row.js';
import { formatNumber, formatRatio, markdownTable } from './table.js';

/**
 * The bench's output: every row with the machine it ran on, as JSON and as a markdown table.
 * @module
 */

/** Version of the JSON layout of {@link BenchReport}. */
export const REPORT_SCHEMA_VERSION = 1;

/** A suite that did not run, and why. */
export interface SkippedSuite {
  /** The suite's name. */
  readonly suite: string;
  /** One clear reason. */
  readonly reason: string;
}

/** Everything one `pnpm bench` produced. */
export interface BenchReport {
  /** {@link REPORT_SCHEMA_VERSION}. */
  readonly schemaVersion: number;
  /** Wall-clock start, ISO 8601. */
  readonly startedAt: string;
  /** Wall-clock end, ISO 8601. */
  readonly finishedAt: string;
  /** Wall time of the whole run in seconds. */
  readonly seconds: number;
  /** The command line that produced it. */
  readonly command: string;
  /** Whether this was a `--quick` smoke run (its numbers are not meaningful). */
  readonly quick: boolean;
  /** Suites run, in order. */
  readonly suites: readonly string[];
  /** The machine before the first and after the last suite (load average included). */
  readonly machine: {
    /** Before the first suite. */
    readonly before: MachineInfo;
    /** After the last suite. */
    readonly after: MachineInfo;
  };
  /** Every row, in table order. */
  readonly rows: readonly BenchRow[];
  /** Suites that could not run. */
  readonly skipped: readonly SkippedSuite[];
  /** Verbatim output of suites that print their own (by suite name). */
  readonly appendix: Readonly<Record<string, readonly string[]>>;
  /** Raw per-suite data (by suite name). */
  readonly details: Readonly<Record<string, unknown>>;
}

/** Headers of the markdown table. */
export const TABLE_HEADERS: readonly string[] = [
  'Row',
  'What',
  'Median',
  'p25–p75',
  'p50 / p99',
  'Baseline (same run)',
  '× baseline',
  'Target / anchor',
  'Notes',
];

function value(x: number, unit: string): string {
  return unit === '' ? formatNumber(x) : `${formatNumber(x)} ${unit}`;
}

function targetCell(row: BenchRow): string {
  const parts: string[] = [];
  if (row.target !== undefined) {
    const t = row.target;
    parts.push(
      t.met
        ? `${t.text}: met (${formatRatio(t.attainment)}×)`
        : `${t.text}: MISSED (${formatRatio(t.attainment)}× of target)`,
    );
  }
  if (row.anchor !== undefined) parts.push(row.anchor);
  return parts.join('; ');
}

function notesCell(row: BenchRow): string {
  const parts: string[] = [];
  if (row.mismatches !== undefined) parts.push(`${row.mismatches} mismatches vs reference`);
  if (row.notes !== undefined) parts.push(row.notes);
  return parts.join('; ');
}

/** The cells of one row of the markdown table, in {@link TABLE_HEADERS} order. */
export function rowCells(row: BenchRow): string[] {
  const latency =
    row.latency === undefined
      ? ''
      : `${formatNumber(row.latency.p50)} / ${formatNumber(row.latency.p99)} ${row.latency.unit}`;
  const baselineLatency =
    row.baseline.latency === undefined
      ? ''
      : ` (p50 ${formatNumber(row.baseline.latency.p50)} ${row.baseline.latency.unit})`;
  return [
    row.id,
    row.title,
    value(row.median, row.unit),
    row.samples > 1 ? `${formatNumber(row.p25)}–${formatNumber(row.p75)}` : `(1 sample)`,
    latency,
    `${row.baseline.name}: ${value(row.baseline.median, row.unit)}${baselineLatency}`,
    formatRatio(row.ratio),
    targetCell(row),
    notesCell(row),
  ];
}

/** The markdown table of `rows`. */
export function rowsTable(rows: readonly BenchRow[]): string {
  return markdownTable(TABLE_HEADERS, rows.map(rowCells), [
    'left',
    'left',
    'right',
    'right',
    'right',
    'left',
    'right',
    'left',
    'left',
  ]);
}

/** The whole report as markdown: provenance, machine and load, the table, and skipped suites. */
export function renderMarkdown(report: BenchReport): string {
  const lines = [
    `# Gleaner bench — ${report.startedAt}${report.quick ? ' (quick smoke run: numbers not meaningful)' : ''}`,
    '',
    `- Command: \`${report.command}\``,
    `- Machine before: ${describeMachine(report.machine.before)}`,
    `- Machine after: load average ${report.machine.after.loadAverage.join(' / ')}`,
    `- Wall time: ${Math.round(report.seconds)} s; suites: ${report.suites.join(', ')}`,
    '',
    report.rows.length > 0 ? rowsTable(report.rows) : '(no rows)',
  ];
  if (report.skipped.length > 0) {
    lines.push('', 'Skipped:');
    for (const s of report.skipped) lines.push(`- ${s.suite}: ${s.reason}`);
  }
  for (const [suite, text] of Object.entries(report.appendix)) {
    lines.push('', `Output of ${suite}:`, '', '```', ...text, '```');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * File stem for a report started at `startedAt`: `YYYY-MM-DD`, then `-<label>` for a partial run (e.g. the
 * suites of `--only`) and `-quick` for smoke runs, so neither overwrites the day's full results.
 */
export function reportStem(startedAt: Date, quick: boolean, label = ''): string {
  const safe = label.replace(/[^A-Za-z0-9_.+-]+/g, '_');
  return `${startedAt.toISOString().slice(0, 10)}${safe === '' ? '' : `-${safe}`}${quick ? '-quick' : ''}`;
}

/** Writes `<dir>/<stem>.json` and `<dir>/<stem>.md`; returns both paths. */
export async function writeReport(
  report: BenchReport,
  dir: string,
  stem: string,
): Promise<{
  /** Path of the JSON report. */
  readonly json: string;
  /** Path of the markdown table. */
  readonly markdown: string;
}> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, `${stem}.json`);
  const markdown = join(dir, `${stem}.md`);
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdown, renderMarkdown(report));
  return { json, markdown };
}
