import { parseNumericField } from './parseField.js';
import { ioErrorMessage, readLines } from './readLines.js';
import type { TraceIssue, TraceLoadResult } from './traceIssue.js';
import { DEFAULT_MAX_TRACE_ISSUES } from './traceIssue.js';
import type { UtilizationSeries } from './UtilizationSeries.js';

/** Sampling interval of the DataCenter-Traces-Datasets aggregates: 300 s, in milliseconds. */
export const AGGREGATE_INTERVAL_MS = 300_000;

/** Options of {@link loadAggregateTrace}. */
export interface AggregateTraceOptions {
  /** Column to replay (default `cpu_util_percent`; e.g. `mem_util_percent`, `avg_cpu`, `cpu_usage`). */
  readonly column?: string;
  /**
   * How values become fractions: `percent` (÷ 100), `fraction` (as is), `peak` (÷ the column's maximum,
   * for sums such as Azure's `cpu_usage`). Default: `percent` when the column name ends in `percent`,
   * else `fraction`.
   */
  readonly unit?: 'percent' | 'fraction' | 'peak';
  /** Time between rows when the file has no `timestamp` column, in milliseconds (default 300 s). */
  readonly intervalMs?: number;
  /** Stop collecting after this many problems (default 20). */
  readonly maxIssues?: number;
}

/**
 * Loads a cluster-aggregate CSV of the DataCenter-Traces-Datasets format (header row required; see
 * shared/traces/datacenter-traces-aggregates/SOURCE.md) as one {@link UtilizationSeries}. Times come
 * from a `timestamp` column (seconds) when there is one, else from the row number × `intervalMs`: the
 * Alibaba 2018 file has no timestamps and some buckets are missing, so its rows are taken as
 * contiguous. An empty value is skipped (its time slot stays, the previous value holds). A missing
 * column, a short row, a non-number, a value outside [0, 1] after scaling or a timestamp that does not
 * increase is an issue with file, line and column name.
 */
export async function loadAggregateTrace(
  path: string,
  options: AggregateTraceOptions = {},
): Promise<TraceLoadResult<UtilizationSeries>> {
  const column = options.column ?? 'cpu_util_percent';
  const unit = options.unit ?? (column.endsWith('percent') ? 'percent' : 'fraction');
  const intervalMs = options.intervalMs ?? AGGREGATE_INTERVAL_MS;
  const maxIssues = options.maxIssues ?? DEFAULT_MAX_TRACE_ISSUES;
  const issues: TraceIssue[] = [];
  const times: number[] = [];
  const values: number[] = [];
  let header: string[] | undefined;
  let valueIndex = -1;
  let timeIndex = -1;
  let rows = 0;
  let skippedRows = 0;
  try {
    for await (const { text, line } of readLines(path)) {
      if (issues.length >= maxIssues) break;
      if (text.trim() === '') continue;
      const fields = text.split(',').map((f) => f.trim());
      if (header === undefined) {
        header = fields;
        valueIndex = header.indexOf(column);
        timeIndex = header.indexOf('timestamp');
        if (valueIndex < 0) {
          issues.push({ file: path, line, column, message: `no such column; the header has ${header.join(', ')}` });
          break;
        }
        continue;
      }
      if (fields.length !== header.length) {
        issues.push({ file: path, line, message: `expected ${header.length} fields, found ${fields.length}` });
        continue;
      }
      let t = rows * intervalMs;
      if (timeIndex >= 0) {
        const seconds = parseNumericField(fields[timeIndex]);
        if (seconds === undefined || Number.isNaN(seconds) || seconds < 0) {
          issues.push({
            file: path,
            line,
            column: 'timestamp',
            message: `"${fields[timeIndex]}" is not a time in seconds`,
          });
          continue;
        }
        t = Math.round(seconds * 1000);
        if (times.length > 0 && t <= times[times.length - 1]!) {
          issues.push({ file: path, line, column: 'timestamp', message: 'does not increase' });
          continue;
        }
      }
      rows++;
      const raw = parseNumericField(fields[valueIndex]);
      if (raw === undefined) {
        skippedRows++;
        continue;
      }
      const v = unit === 'percent' ? raw / 100 : raw;
      if (Number.isNaN(v)) {
        issues.push({ file: path, line, column, message: `"${fields[valueIndex]}" is not a number` });
      } else if (v < 0 || (unit !== 'peak' && v > 1)) {
        issues.push({ file: path, line, column, message: `${raw} is outside ${unit === 'percent' ? '0–100' : '0–1'}` });
      } else {
        times.push(t);
        values.push(v);
      }
    }
  } catch (error) {
    return { ok: false, issues: [{ file: path, line: 0, message: ioErrorMessage(error) }] };
  }
  if (issues.length > 0) return { ok: false, issues };
  if (values.length === 0) return { ok: false, issues: [{ file: path, line: 0, message: 'no usable rows' }] };
  const peak = Math.max(...values);
  const scaled = unit === 'peak' ? values.map((v) => (peak > 0 ? v / peak : 0)) : values;
  return { ok: true, value: { id: column, timesMs: times, values: scaled }, rows, skippedRows };
}
