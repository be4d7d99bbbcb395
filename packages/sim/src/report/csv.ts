import { stringify } from 'csv-stringify/sync';
import type { JobRecord, MemberSample, SimulationResult, TimelineEvent } from '../metrics/SimulationResult.js';

/** Columns of `jobs.csv`, in order: every {@link JobRecord} field (times in ms since the start). */
export const JOB_COLUMNS = [
  'name',
  'namespace',
  'workload',
  'state',
  'member',
  'submitMs',
  'dispatchMs',
  'startMs',
  'finishMs',
  'waitMs',
  'runMs',
  'executors',
  'workCoreMs',
  'attempts',
  'reschedules',
  'evictions',
] as const satisfies readonly (keyof JobRecord)[];

/** Columns of `timeseries.csv`, in order: every {@link MemberSample} field (CPU in millicores, memory in bytes). */
export const SAMPLE_COLUMNS = [
  'tMs',
  'member',
  'capacityCpu',
  'onlineCpu',
  'beCpu',
  'batchAllocatableCpu',
  'idleCpu',
  'onlineMemory',
  'beMemory',
  'batchAllocatableMemory',
  'runningPods',
  'pendingPods',
] as const satisfies readonly (keyof MemberSample)[];

/** Columns of `events.csv`, in order: every {@link TimelineEvent} field. */
export const EVENT_COLUMNS = [
  'tMs',
  'type',
  'member',
  'job',
  'detail',
] as const satisfies readonly (keyof TimelineEvent)[];

function toCsv(records: readonly object[], columns: readonly string[]): string {
  return stringify(records as object[], {
    header: true,
    columns: columns as string[],
    record_delimiter: 'unix',
    cast: { number: (n) => (Number.isFinite(n) ? String(n) : '') },
  });
}

/** `jobs.csv`: one row per SparkApplication, with a header; empty cells for `null`. */
export function jobsCsv(result: SimulationResult): string {
  return toCsv(result.jobs, JOB_COLUMNS);
}

/** `timeseries.csv`: one row per member and sample time, with a header. */
export function timeseriesCsv(result: SimulationResult): string {
  return toCsv(result.samples, SAMPLE_COLUMNS);
}

/** `events.csv`: the timeline (dispatches, reschedules, evictions, completions…), with a header. */
export function eventsCsv(result: SimulationResult): string {
  return toCsv(result.events, EVENT_COLUMNS);
}
