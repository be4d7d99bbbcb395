import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseDuration } from '@gleaner/sim';
import { fitPowerLaw } from '../fit.js';
import type { BenchRow } from '../row.js';
import { below, makeRow } from '../row.js';
import { median } from '../stats.js';
import type { Suite, SuiteContext, SuiteResult } from '../suite.js';
import { formatNumber } from '../table.js';
import type { RungSpec } from './ladderScenario.js';
import type { RungResult } from './rung.js';
import { runRung } from './rung.js';
import { RUNG_RESULT_PREFIX, WARMUP_RUNG } from './rungChild.js';

/**
 * The macro benchmark: the whole simulator (`runScenario`) on ladders of fleet sizes, each rung in a child
 * process of its own (`node --expose-gc dist/macro/rungChild.js`, JIT warmed on a small throwaway run first)
 * so its peak RSS is its own:
 * - the nodes-and-jobs ladder: 1,250 → 20,000 nodes, doubling, with applications in proportion (the week
 *   target's density), a simulated day each — how wall time grows as nodes and jobs double together;
 * - the jobs ladder: 2,500 nodes with 1×, 4× and 16× that density — how it grows with jobs alone;
 * - the week target: 10 members × 1,000 nodes, 60-s load ticks, 20,000 applications over a simulated week,
 *   against the < 30 s and < 2 GiB targets.
 * Reports simulated seconds per wall second, events per second and peak RSS per rung, each rung against the
 * smallest one scaled linearly, and the scaling exponents of wall time fitted by least squares on log–log axes.
 * @module
 */

/** Applications per node-hour of the week target: 20,000 applications on 10,000 nodes over 168 hours. */
export const TARGET_APPS_PER_NODE_HOUR = 20_000 / (10_000 * 168);

/** A rung of 10 members at the week target's application density times `density`. */
export function targetRung(nodes: number, duration: string, density = 1): RungSpec {
  return { nodes, members: 10, duration, seed: 1, arrivalsPerHour: nodes * TARGET_APPS_PER_NODE_HOUR * density };
}

/** The nodes-and-jobs ladder: nodes and applications double together, a simulated day per rung. */
export const FULL_LADDER: readonly RungSpec[] = [1250, 2500, 5000, 10_000, 20_000].map((n) => targetRung(n, '24h'));

/** The jobs ladder: 2,500 nodes for a day with 1×, 4× and 16× the target's application density. */
export const JOBS_LADDER: readonly RungSpec[] = [1, 4, 16].map((d) => targetRung(2500, '24h', d));

/** The week target: 10 members × 1,000 nodes, 20,000 applications, a simulated week. */
export const WEEK_TARGET: RungSpec = targetRung(10_000, '168h');

/** Rungs of the `--quick` smoke ladder (8× apart, so even a noisy run fits a positive exponent). */
export const QUICK_LADDER: readonly RungSpec[] = [
  { nodes: 100, members: 10, duration: '1h', seed: 1 },
  { nodes: 800, members: 10, duration: '1h', seed: 1 },
];

/** Whether this module runs compiled (then rungs can run in child processes on `dist/`). */
function compiled(): boolean {
  return import.meta.url.endsWith('.js');
}

/** Runs one rung in a child process and returns its result. */
export function spawnRung(spec: RungSpec): Promise<RungResult> {
  const child = fileURLToPath(new URL('./rungChild.js', import.meta.url));
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', child, JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RUNG_RESULT_PREFIX));
      if (code !== 0 || line === undefined) {
        reject(
          new Error(`rung ${spec.nodes} nodes: child exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`),
        );
        return;
      }
      resolve(JSON.parse(line.slice(RUNG_RESULT_PREFIX.length)) as RungResult);
    });
  });
}

function label(nodes: number): string {
  return nodes >= 1000 ? `${nodes / 1000}k` : String(nodes);
}

/** Wall-clock seconds of the simulation loop per simulated hour. */
export function wallPerSimHour(r: RungResult): number {
  return r.runWallMs / 1000 / (r.simulatedMs / 3_600_000);
}

function rungNotes(runs: readonly RungResult[]): string {
  const r = runs[runs.length - 1]!;
  return (
    `${formatNumber(median(runs.map((x) => x.eventsPerSecond)))} events/s; ` +
    `peak RSS ${formatNumber(median(runs.map((x) => x.peakRssMiB)))} MiB${r.isolated ? '' : ' (in-process: whole bench process)'}; ` +
    `loop ${formatNumber(r.runWallMs / 1000)} s wall + setup ${formatNumber(r.setupWallMs / 1000)} s, ${formatNumber(r.cpuSeconds)} CPU-s; ` +
    `${r.jobsSubmitted.toLocaleString('en-US')} apps submitted, ${r.jobsCompleted.toLocaleString('en-US')} completed; ${r.events.toLocaleString('en-US')} events`
  );
}

function rungTitle(spec: RungSpec): string {
  return `runScenario, ${spec.nodes.toLocaleString('en-US')} nodes (${spec.members} members × ${formatNumber(spec.nodes / spec.members)}), ${spec.duration} simulated, 60-s load ticks`;
}

/** CPU seconds of the whole rung per simulated hour. */
export function cpuPerSimHour(r: RungResult): number {
  return r.cpuSeconds / (r.simulatedMs / 3_600_000);
}

function exponentRow(
  id: string,
  title: string,
  results: readonly (readonly RungResult[])[],
  x: (spec: RungSpec) => number,
  xName: string,
): BenchRow {
  const xs = results.map((runs) => x(runs[0]!.spec));
  const fit = fitPowerLaw(
    xs,
    results.map((runs) => median(runs.map(wallPerSimHour))),
  );
  const cpuFit = fitPowerLaw(
    xs,
    results.map((runs) => median(runs.map(cpuPerSimHour))),
  );
  return makeRow({
    id,
    title,
    unit: '',
    higherIsBetter: false,
    samples: [fit.exponent],
    baseline: { name: 'linear scaling', samples: [1] },
    notes:
      `${fit.points} rungs (${xs.map((v) => formatNumber(v)).join(', ')} ${xName}), r² ${fit.r2.toFixed(3)}; ` +
      `on CPU time of the whole rung (setup included) b = ${cpuFit.exponent.toFixed(2)}`,
  });
}

/**
 * Rows of a finished ladder: one per rung (against the first rung scaled linearly) and the scaling exponent
 * over nodes (applications in proportion); the jobs ladder's rows and exponent when it ran; the week target
 * (against seven times the same fleet's day rung, with the 30-s and 2-GiB targets) when it ran.
 */
export function ladderRows(
  results: readonly (readonly RungResult[])[],
  jobs?: readonly (readonly RungResult[])[],
  week?: RungResult,
): BenchRow[] {
  const first = results[0]!;
  const firstRate = median(first.map((r) => r.simSecondsPerWallSecond));
  const firstNodes = first[0]!.spec.nodes;
  const rows: BenchRow[] = results.map((runs) => {
    const spec = runs[0]!.spec;
    return makeRow({
      id: `sim/ladder-${label(spec.nodes)}`,
      title: rungTitle(spec),
      unit: 'sim-s/wall-s',
      samples: runs.map((x) => x.simSecondsPerWallSecond),
      baseline: { name: `${label(firstNodes)} rung scaled linearly`, samples: [(firstRate * firstNodes) / spec.nodes] },
      notes: rungNotes(runs),
    });
  });
  if (results.length >= 2) {
    rows.push(
      exponentRow(
        'sim/scaling-exponent',
        'exponent b of loop wall time per simulated hour ∝ nodes^b, applications in proportion (log–log least squares)',
        results,
        (s) => s.nodes,
        'nodes',
      ),
    );
  }
  if (jobs !== undefined && jobs.length >= 2) {
    const base = jobs[0]!;
    const baseRate = median(base.map((r) => r.simSecondsPerWallSecond));
    const arrivals = (s: RungSpec) => s.arrivalsPerHour ?? 0;
    for (const runs of jobs) {
      const spec = runs[0]!.spec;
      const times = arrivals(spec) / arrivals(base[0]!.spec);
      rows.push(
        makeRow({
          id: `sim/jobs-${label(spec.nodes)}-x${formatNumber(times)}`,
          title: `${rungTitle(spec)}, ${formatNumber(arrivals(spec))} applications per hour`,
          unit: 'sim-s/wall-s',
          samples: runs.map((x) => x.simSecondsPerWallSecond),
          baseline: { name: '1× rung scaled linearly in applications', samples: [baseRate / times] },
          notes: rungNotes(runs),
        }),
      );
    }
    rows.push(
      exponentRow(
        'sim/jobs-exponent',
        'exponent b of loop wall time per simulated hour ∝ applications^b at fixed nodes (log–log least squares)',
        jobs,
        arrivals,
        'applications/h',
      ),
    );
  }
  if (week !== undefined) {
    const sameFleet = results.find((runs) => runs[0]!.spec.nodes === week.spec.nodes);
    const dayWall = sameFleet === undefined ? undefined : median(sameFleet.map((r) => r.runWallMs / 1000));
    const days = (parseDuration(week.spec.duration) ?? 0) / 86_400_000;
    const weekWall = week.runWallMs / 1000;
    rows.push(
      makeRow({
        id: `sim/week-${label(week.spec.nodes)}`,
        title: `${rungTitle(week.spec)}, ${week.jobsSubmitted.toLocaleString('en-US')} applications: loop wall time`,
        unit: 's',
        higherIsBetter: false,
        samples: [weekWall],
        baseline:
          dayWall === undefined
            ? { name: 'the run itself', samples: [weekWall] }
            : {
                name: `${formatNumber(days)} × the ${label(week.spec.nodes)}-node day rung`,
                samples: [dayWall * days],
              },
        target: below(weekWall, 30, '< 30 s on one core'),
        notes: rungNotes([week]),
      }),
      makeRow({
        id: `sim/week-${label(week.spec.nodes)}-rss`,
        title: `${rungTitle(week.spec)}: peak resident memory of the whole process`,
        unit: 'MiB',
        higherIsBetter: false,
        samples: [week.peakRssMiB],
        baseline: {
          name: `the ${label(week.spec.nodes)}-node day rung`,
          samples: [sameFleet === undefined ? week.peakRssMiB : median(sameFleet.map((r) => r.peakRssMiB))],
        },
        target: below(week.peakRssMiB, 2048, '< 2 GiB'),
        notes: `setup ${formatNumber(week.setupWallMs / 1000)} s; ${week.fleetDecisions.toLocaleString('en-US')} fleet decisions`,
      }),
    );
  }
  return rows;
}

async function runOne(context: SuiteContext, spec: RungSpec, isolate: boolean, note: string): Promise<RungResult> {
  context.log(
    `sim/ladder: ${spec.nodes} nodes × ${spec.duration} (${isolate ? 'child process' : 'in-process'}) ${note}`,
  );
  const r = isolate ? await spawnRung(spec) : await runRung(spec, false);
  context.log(
    `  loop ${(r.runWallMs / 1000).toFixed(1)} s (${r.cpuSeconds.toFixed(1)} CPU-s in all), ${Math.round(r.simSecondsPerWallSecond)} sim-s/wall-s, ` +
      `${Math.round(r.eventsPerSecond)} events/s, peak RSS ${r.peakRssMiB} MiB`,
  );
  return r;
}

async function runLadder(
  context: SuiteContext,
  ladder: readonly RungSpec[],
  isolate: boolean,
  repeatFirst: boolean,
): Promise<RungResult[][]> {
  const results: RungResult[][] = [];
  for (const spec of ladder) {
    // The smallest rung is cheap: repeat it for a spread.
    const repeats = repeatFirst && spec === ladder[0] ? 3 : 1;
    const runs: RungResult[] = [];
    for (let k = 0; k < repeats; k++) runs.push(await runOne(context, spec, isolate, `${k + 1}/${repeats}`));
    results.push(runs);
  }
  return results;
}

async function run(context: SuiteContext): Promise<SuiteResult> {
  const base = context.quick ? QUICK_LADDER : FULL_LADDER;
  const override = context.ladderDuration;
  if (override !== undefined && parseDuration(override) === undefined) {
    throw new Error(`--ladder-duration ${override}: not a duration such as "24h" or "30m"`);
  }
  const sized =
    context.ladderNodes === undefined
      ? base
      : context.ladderNodes.map((nodes) => ({ ...base[0]!, nodes, members: Math.min(10, nodes) }));
  const ladder = override === undefined ? sized : sized.map((r) => ({ ...r, duration: override }));
  const isolate = compiled();
  // A child process warms its own JIT; in-process (from source, under the smoke test) warm it here.
  if (!isolate) await runRung(WARMUP_RUNG, false);
  const results = await runLadder(context, ladder, isolate, !context.quick);
  // The jobs ladder and the week target only for the default ladder.
  const custom = override !== undefined || context.ladderNodes !== undefined;
  if (context.quick || custom) return { rows: ladderRows(results), details: { rungs: results } };
  const jobs = await runLadder(context, JOBS_LADDER, isolate, false);
  const week = await runOne(context, WEEK_TARGET, isolate, '(the week target)');
  return { rows: ladderRows(results, jobs, week), details: { rungs: results, jobs, week } };
}

/** The fleet-size ladder suite. */
export const ladderSuite: Suite = {
  name: 'ladder',
  description: 'runScenario on a ladder of fleet sizes (child processes): sim-s/wall-s, events/s, peak RSS, exponent',
  byDefault: true,
  rowIds: ['sim/ladder-', 'sim/scaling-exponent'],
  fullRunRowIds: ['sim/jobs-', 'sim/jobs-exponent', 'sim/week-'],
  run,
};
