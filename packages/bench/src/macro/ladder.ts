import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseDuration } from '@gleaner/sim';
import { fitPowerLaw } from '../fit.js';
import type { BenchRow } from '../row.js';
import { makeRow } from '../row.js';
import { median } from '../stats.js';
import type { Suite, SuiteContext, SuiteResult } from '../suite.js';
import { formatNumber } from '../table.js';
import type { RungSpec } from './ladderScenario.js';
import type { RungResult } from './rung.js';
import { runRung } from './rung.js';
import { RUNG_RESULT_PREFIX } from './rungChild.js';

/**
 * The macro benchmark: the whole simulator (`runScenario`) on a ladder of fleet sizes, each rung in a child
 * process of its own (`node --expose-gc dist/macro/rungChild.js`, JIT warmed on a small throwaway run
 * first) so its peak RSS is its own. Reports
 * simulated seconds per wall second, events per second and peak RSS per rung, each rung against the
 * smallest one scaled linearly, and the scaling exponent of wall time per simulated hour against nodes,
 * fitted by least squares on log–log axes.
 * @module
 */

/**
 * Rungs of the full ladder: 10 members each, two simulated hours each (shrunk from a day to keep `pnpm bench`
 * under 10 minutes on 2 cores; equal durations keep the exponent fit clean).
 */
export const FULL_LADDER: readonly RungSpec[] = [
  { nodes: 1000, members: 10, duration: '2h', seed: 1 },
  { nodes: 10_000, members: 10, duration: '2h', seed: 1 },
  { nodes: 50_000, members: 10, duration: '2h', seed: 1 },
];

/** The full simulated day, run for the smallest rung only (the larger ones would not fit the time budget). */
export const DAY_RUN: RungSpec = { nodes: 1000, members: 10, duration: '24h', seed: 1 };

/** Rungs of the `--quick` smoke ladder. */
export const QUICK_LADDER: readonly RungSpec[] = [
  { nodes: 100, members: 10, duration: '20m', seed: 1 },
  { nodes: 300, members: 10, duration: '20m', seed: 1 },
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

/**
 * Rows of a finished ladder: one per rung (against the first rung scaled linearly), the scaling exponent,
 * and the full-day run when there is one (against the first rung's speed).
 */
export function ladderRows(results: readonly (readonly RungResult[])[], day?: RungResult): BenchRow[] {
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
    const nodes = results.map((runs) => runs[0]!.spec.nodes);
    const fit = fitPowerLaw(
      nodes,
      results.map((runs) => median(runs.map(wallPerSimHour))),
    );
    const cpuFit = fitPowerLaw(
      nodes,
      results.map((runs) => median(runs.map(cpuPerSimHour))),
    );
    rows.push(
      makeRow({
        id: 'sim/scaling-exponent',
        title: 'exponent b of loop wall time per simulated hour ∝ nodes^b (least squares on log–log)',
        unit: '',
        higherIsBetter: false,
        samples: [fit.exponent],
        baseline: { name: 'linear scaling', samples: [1] },
        notes:
          `${fit.points} rungs (${nodes.map(label).join(', ')} nodes), r² ${fit.r2.toFixed(3)}; ` +
          `on CPU time of the whole rung (setup included) b = ${cpuFit.exponent.toFixed(2)}`,
      }),
    );
  }
  if (day !== undefined) {
    rows.push(
      makeRow({
        id: `sim/day-${label(day.spec.nodes)}`,
        title: rungTitle(day.spec),
        unit: 'sim-s/wall-s',
        samples: [day.simSecondsPerWallSecond],
        baseline: { name: `${label(firstNodes)} rung (first ${first[0]!.spec.duration})`, samples: [firstRate] },
        notes: rungNotes([day]),
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
  const results: RungResult[][] = [];
  for (const spec of ladder) {
    // The smallest rung is cheap: repeat it for a spread.
    const repeats = spec === ladder[0] && !context.quick ? 3 : 1;
    const runs: RungResult[] = [];
    for (let k = 0; k < repeats; k++) runs.push(await runOne(context, spec, isolate, `${k + 1}/${repeats}`));
    results.push(runs);
  }
  // The full-day run only for the default ladder.
  const custom = override !== undefined || context.ladderNodes !== undefined;
  const day = context.quick || custom ? undefined : await runOne(context, DAY_RUN, isolate, '(full day)');
  return { rows: ladderRows(results, day), details: { rungs: results, day } };
}

/** The fleet-size ladder suite. */
export const ladderSuite: Suite = {
  name: 'ladder',
  description: 'runScenario on a ladder of fleet sizes (child processes): sim-s/wall-s, events/s, peak RSS, exponent',
  byDefault: true,
  rowIds: ['sim/ladder-', 'sim/scaling-exponent'],
  run,
};
