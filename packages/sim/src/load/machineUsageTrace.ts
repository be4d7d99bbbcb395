import { parseNumericField } from './parseField.js';
import { ioErrorMessage, readLines } from './readLines.js';
import type { TraceIssue, TraceLoadResult } from './traceIssue.js';
import { DEFAULT_MAX_TRACE_ISSUES } from './traceIssue.js';
import type { UtilizationSeries } from './UtilizationSeries.js';

/**
 * Columns of Alibaba cluster-trace-v2018 `machine_usage.csv`, in file order (no header row in the
 * original; schema from alibaba/clusterdata `cluster-trace-v2018/schema.txt`, see
 * shared/traces/alibaba-cluster-trace-v2018-excerpt/SOURCE.md). Only the first four are read.
 */
export const MACHINE_USAGE_COLUMNS = Object.freeze([
  'machine_id',
  'time_stamp',
  'cpu_util_percent',
  'mem_util_percent',
  'mem_gps',
  'mkpi',
  'net_in',
  'net_out',
  'disk_io_percent',
] as const);

/** CPU and memory utilisation of one machine of the trace. */
export interface MachineUsage {
  /** `machine_id` (`m_1932`). */
  readonly machineId: string;
  /** `cpu_util_percent / 100` over time (trace milliseconds). */
  readonly cpu: UtilizationSeries;
  /** `mem_util_percent / 100` over time (trace milliseconds). */
  readonly memory: UtilizationSeries;
}

/** A loaded v2018 `machine_usage` file: one entry per machine, in order of first appearance. */
export interface MachineUsageTrace {
  /** One entry per machine, in order of first appearance. */
  readonly machines: readonly MachineUsage[];
}

/** Options of {@link loadMachineUsageTrace}. */
export interface MachineUsageLoadOptions {
  /** Keep only these machines. */
  readonly machineIds?: readonly string[];
  /** Stop collecting after this many problems (default 20). */
  readonly maxIssues?: number;
}

// time → value, per machine and metric, before sorting
type Points = Map<number, number>;

function toSeries(id: string, points: Points): UtilizationSeries {
  const times = [...points.keys()].sort((a, b) => a - b);
  return { id, timesMs: times, values: times.map((t) => points.get(t)!) };
}

/**
 * Loads an Alibaba v2018 `machine_usage` CSV (header-less, as published; a header row is skipped if
 * present). `time_stamp` is in seconds from the trace start and becomes milliseconds; `cpu_util_percent`
 * and `mem_util_percent` become fractions. Per the trace's conventions an empty field, −1 or 101 marks an
 * invalid sample: that value is skipped (the row's other metric is kept) and the row counted in
 * `skippedRows`. Rows are sorted by time per machine; a repeated timestamp keeps the later row. Anything
 * else malformed (too few fields, a non-number, a value outside 0–100, a negative time) is an issue with
 * file, line and column name, and the load fails.
 */
export async function loadMachineUsageTrace(
  path: string,
  options: MachineUsageLoadOptions = {},
): Promise<TraceLoadResult<MachineUsageTrace>> {
  const maxIssues = options.maxIssues ?? DEFAULT_MAX_TRACE_ISSUES;
  const only = options.machineIds === undefined ? undefined : new Set(options.machineIds);
  const issues: TraceIssue[] = [];
  const cpu = new Map<string, Points>();
  const memory = new Map<string, Points>();
  let rows = 0;
  let skippedRows = 0;
  const issue = (line: number, column: string | undefined, message: string): void => {
    issues.push(column === undefined ? { file: path, line, message } : { file: path, line, column, message });
  };
  // Returns the fraction, null for the trace's invalid markers, undefined after recording an issue.
  const percent = (text: string | undefined, line: number, column: string): number | null | undefined => {
    const v = parseNumericField(text);
    if (v === undefined || v === -1 || v === 101) return null;
    if (Number.isNaN(v)) issue(line, column, `"${text?.trim()}" is not a number`);
    else if (v < 0 || v > 100) issue(line, column, `${v} is outside 0–100`);
    else return v / 100;
    return undefined;
  };
  try {
    for await (const { text, line } of readLines(path)) {
      if (issues.length >= maxIssues) break;
      if (text.trim() === '') continue;
      const fields = text.split(',');
      if (line === 1 && fields.length > 1 && Number.isNaN(parseNumericField(fields[1]) ?? Number.NaN)) continue;
      if (fields.length < 4) {
        issue(
          line,
          undefined,
          `expected ${MACHINE_USAGE_COLUMNS.length} comma-separated fields, found ${fields.length}`,
        );
        continue;
      }
      const machineId = fields[0]!.trim();
      if (machineId === '') {
        issue(line, 'machine_id', 'is empty');
        continue;
      }
      const seconds = parseNumericField(fields[1]);
      if (seconds === undefined || Number.isNaN(seconds) || seconds < 0) {
        issue(line, 'time_stamp', `"${fields[1]!.trim()}" is not a time in seconds ≥ 0`);
        continue;
      }
      const c = percent(fields[2], line, 'cpu_util_percent');
      const m = percent(fields[3], line, 'mem_util_percent');
      if (c === undefined || m === undefined) continue;
      if (only !== undefined && !only.has(machineId)) continue;
      rows++;
      if (c === null || m === null) skippedRows++;
      const t = Math.round(seconds * 1000);
      if (!cpu.has(machineId)) {
        cpu.set(machineId, new Map());
        memory.set(machineId, new Map());
      }
      if (c !== null) cpu.get(machineId)!.set(t, c);
      if (m !== null) memory.get(machineId)!.set(t, m);
    }
  } catch (error) {
    return { ok: false, issues: [{ file: path, line: 0, message: ioErrorMessage(error) }] };
  }
  if (issues.length > 0) return { ok: false, issues };
  if (cpu.size === 0) return { ok: false, issues: [{ file: path, line: 0, message: 'no usable rows' }] };
  const machines = [...cpu.keys()].map((machineId) => ({
    machineId,
    cpu: toSeries(machineId, cpu.get(machineId)!),
    memory: toSeries(machineId, memory.get(machineId)!),
  }));
  return { ok: true, value: { machines }, rows, skippedRows };
}

/** The per-machine series of one metric, in machine order. */
export function machineUsageSeries(trace: MachineUsageTrace, metric: 'cpu' | 'memory'): readonly UtilizationSeries[] {
  return trace.machines.map((m) => m[metric]);
}
