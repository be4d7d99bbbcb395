import { parse as parseVega, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { JobRecord, MemberSample, TimelineEvent } from '../metrics/SimulationResult.js';

// Charts are Vega-Lite specs rendered to static SVG in Node (no canvas, no browser, no script in the
// report). Time runs on a quantitative "hours since start" axis rather than a temporal one, so nothing
// depends on the local time zone and the SVG is the same on every machine.

const HOUR_MS = 3_600_000;
const WIDTH = 720;
const MAX_POINTS_PER_SERIES = 1_500;

/** Series names of the per-member CPU chart, as they appear in its legend. */
export const CPU_SERIES = {
  /** Online (LS) CPU usage. */
  online: 'online usage',
  /** Best-effort (Spark) CPU usage. */
  be: 'BE usage',
  /** Published `kubernetes.io/batch-cpu` allocatable. */
  batchAllocatable: 'batch allocatable',
  /** CPU capacity of the regular nodes. */
  capacity: 'capacity',
} as const;

/** Series names of the job-time distribution chart. */
export const JOB_TIME_SERIES = {
  /** Submission to driver running. */
  wait: 'wait (submit → driver running)',
  /** Submission to completion. */
  completion: 'completion (submit → finished)',
} as const;

/** Event types drawn on the timeline chart, in legend order. */
export const TIMELINE_TYPES: readonly TimelineEvent['type'][] = ['reschedule', 'eviction', 'preemption', 'failed'];

const CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  view: { stroke: '#ddd' },
  axis: { labelColor: '#333', titleColor: '#333', gridColor: '#eee' },
  legend: { orient: 'top', labelLimit: 260, titleFontWeight: 'normal' },
  title: { anchor: 'start', fontSize: 14, fontWeight: 600 },
} as const;

/**
 * The per-member CPU chart, in cores over hours since the start: online usage and best-effort usage as
 * shaded areas from zero (so BE usage reads directly against the batch allocatable line above it), the
 * published batch allocatable as a line, and the capacity as a dashed line.
 *
 * @param title - chart title (usually the member's name; rendered as escaped SVG text).
 * @param samples - the member's samples in time order (several members' samples are summed per time).
 */
export function cpuChartSpec(title: string, samples: readonly MemberSample[]): TopLevelSpec {
  const byTime = new Map<number, { online: number; be: number; alloc: number; capacity: number }>();
  for (const s of samples) {
    const row = byTime.get(s.tMs) ?? { online: 0, be: 0, alloc: 0, capacity: 0 };
    row.online += s.onlineCpu;
    row.be += s.beCpu;
    row.alloc += s.batchAllocatableCpu;
    row.capacity += s.capacityCpu;
    byTime.set(s.tMs, row);
  }
  const times = thin([...byTime.keys()].sort((a, b) => a - b));
  const values: { h: number; cores: number; series: string; order: number }[] = [];
  for (const t of times) {
    const row = byTime.get(t)!;
    const h = t / HOUR_MS;
    values.push({ h, cores: row.online / 1000, series: CPU_SERIES.online, order: 0 });
    values.push({ h, cores: row.be / 1000, series: CPU_SERIES.be, order: 1 });
    values.push({ h, cores: row.alloc / 1000, series: CPU_SERIES.batchAllocatable, order: 2 });
    values.push({ h, cores: row.capacity / 1000, series: CPU_SERIES.capacity, order: 3 });
  }
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: {
      domain: [CPU_SERIES.online, CPU_SERIES.be, CPU_SERIES.batchAllocatable, CPU_SERIES.capacity],
      range: ['#4c78a8', '#f58518', '#2ca02c', '#7f7f7f'],
    },
  } as const;
  const x = { field: 'h', type: 'quantitative', title: 'hours since start', scale: { nice: false } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    title,
    width: WIDTH,
    height: 180,
    data: { values },
    layer: [
      {
        transform: [{ filter: 'datum.order < 2' }],
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.35 },
        encoding: { x, y: { field: 'cores', type: 'quantitative', stack: null, title: 'CPU (cores)' }, color },
      },
      {
        transform: [{ filter: 'datum.order < 3' }],
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.5 },
        encoding: { x, y: { field: 'cores', type: 'quantitative', stack: null }, color },
      },
      {
        transform: [{ filter: 'datum.order === 3' }],
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1, strokeDash: [4, 3] },
        encoding: { x, y: { field: 'cores', type: 'quantitative', stack: null }, color },
      },
    ],
  };
}

/**
 * Empirical distribution (CDF) of job wait times and completion times, in minutes: the share of jobs that
 * waited (or finished) within a given time. Only jobs that started (wait) or finished (completion) count.
 */
export function jobTimesChartSpec(jobs: readonly JobRecord[]): TopLevelSpec {
  const waits: number[] = [];
  const completions: number[] = [];
  for (const j of jobs) {
    if (j.waitMs !== null) waits.push(j.waitMs);
    if (j.finishMs !== null) completions.push(j.finishMs - j.submitMs);
  }
  const values = [...ecdf(waits, JOB_TIME_SERIES.wait), ...ecdf(completions, JOB_TIME_SERIES.completion)];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    title: 'Job wait and completion times (cumulative share of jobs)',
    width: WIDTH,
    height: 200,
    data: { values },
    mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
    encoding: {
      x: { field: 'minutes', type: 'quantitative', title: 'minutes' },
      y: {
        field: 'share',
        type: 'quantitative',
        title: 'share of jobs',
        axis: { format: '.0%' },
        scale: { domain: [0, 1] },
      },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: [JOB_TIME_SERIES.wait, JOB_TIME_SERIES.completion], range: ['#4c78a8', '#e45756'] },
      },
    },
  };
}

/** Reschedules, evictions, preemptions and failures as marks on a time line, one row per member. */
export function timelineChartSpec(
  events: readonly TimelineEvent[],
  members: readonly string[],
  durationMs: number,
): TopLevelSpec {
  const shown = new Set<string>(TIMELINE_TYPES);
  const values = events
    .filter((e) => shown.has(e.type))
    .map((e) => ({ h: e.tMs / HOUR_MS, member: e.member ?? '(fleet)', type: e.type }));
  const rows = [...members];
  if (values.some((v) => v.member === '(fleet)')) rows.push('(fleet)');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    title: 'Reschedules and evictions over time',
    width: WIDTH,
    height: Math.max(60, 28 * rows.length),
    data: { values },
    mark: { type: 'point', filled: true, size: 60, opacity: 0.8 },
    encoding: {
      x: {
        field: 'h',
        type: 'quantitative',
        title: 'hours since start',
        scale: { domain: [0, durationMs / HOUR_MS], nice: false },
      },
      y: { field: 'member', type: 'nominal', title: null, scale: { domain: rows }, axis: { labelLimit: 320 } },
      color: {
        field: 'type',
        type: 'nominal',
        title: null,
        scale: { domain: [...TIMELINE_TYPES], range: ['#f58518', '#e45756', '#b279a2', '#7f7f7f'] },
      },
      shape: {
        field: 'type',
        type: 'nominal',
        title: null,
        scale: { domain: [...TIMELINE_TYPES], range: ['diamond', 'triangle-down', 'square', 'cross'] },
      },
    },
  };
}

/**
 * Renders a Vega-Lite spec to a standalone SVG string, headlessly (Vega's `none` renderer: no canvas, no
 * DOM). Text in the SVG is escaped by Vega's SVG writer.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parseVega(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function ecdf(samples: number[], series: string): { minutes: number; share: number; series: string }[] {
  if (samples.length === 0) return [];
  const sorted = samples.sort((a, b) => a - b);
  const n = sorted.length;
  const points: { minutes: number; share: number; series: string }[] = [{ minutes: 0, share: 0, series }];
  const step = Math.max(1, Math.ceil(n / MAX_POINTS_PER_SERIES));
  for (let i = 0; i < n; i++) {
    const last = i === n - 1 || sorted[i + 1] !== sorted[i];
    if (last && (i % step === 0 || i === n - 1 || step === 1)) {
      points.push({ minutes: sorted[i]! / 60_000, share: (i + 1) / n, series });
    }
  }
  return points;
}

function thin(times: number[]): number[] {
  if (times.length <= MAX_POINTS_PER_SERIES) return times;
  const step = Math.ceil(times.length / MAX_POINTS_PER_SERIES);
  return times.filter((_, i) => i % step === 0 || i === times.length - 1);
}
