import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from '../row.js';
import { makeRow } from '../row.js';
import { batchMeans, mean, median, standardError } from '../stats.js';
import type { Suite, SuiteContext, SuiteResult } from '../suite.js';
import { formatNumber } from '../table.js';
import type { MmcParams } from './erlangC.js';
import { mmcMeanWait } from './erlangC.js';
import { MMC_DEFAULTS, runHold, runMmc } from './mmc.js';

/**
 * Gleaner's engine side by side with SimPy 3 (Debian's `python3-simpy3`): the same M/M/c queue (λ = 8,
 * μ = 1, c = 10) in both, compared on throughput (customers and model events per wall second) and on the
 * model's answer — each side's mean wait must sit within {@link WAIT_SIGMAS} standard errors (method of
 * batch means, 20 batches per run) of the Erlang C formula, and the two within that many combined standard
 * errors of each other, so the two models demonstrably do the same thing — and the hold model (1,000
 * pending timeouts) on events per second. SimPy is installed by `scripts/ensure-simpy.sh` when missing; when it
 * cannot be, the suite is skipped with the script's reason.
 * @module
 */

/** Tolerance on the mean wait, in standard errors (vs Erlang C and between the two models). */
export const WAIT_SIGMAS = 3;
/** Batches per run for the batch-means standard error. */
export const BATCHES = 20;

/** The SimPy model file. */
export const SIMPY_SCRIPT: string = fileURLToPath(new URL('../../simpy/mm_c.py', import.meta.url));
/** The script that installs SimPy 3 when absent and prints the Python to use. */
export const ENSURE_SIMPY: string = fileURLToPath(new URL('../../../../scripts/ensure-simpy.sh', import.meta.url));

/** Finds (and unless `checkOnly`, installs) SimPy 3: the Python interpreter's path, or why not. */
export function ensureSimpy(checkOnly: boolean): { readonly python: string } | { readonly reason: string } {
  const run = spawnSync('sh', [ENSURE_SIMPY, ...(checkOnly ? ['--check'] : [])], { encoding: 'utf8' });
  const python = run.stdout?.trim().split('\n').pop() ?? '';
  if (run.status === 0 && python !== '') return { python };
  const why = run.stderr
    ?.trim()
    .split('\n')
    .filter((l) => l.startsWith('ensure-simpy'))
    .pop();
  return { reason: why ?? `scripts/ensure-simpy.sh failed (exit ${run.status ?? 'signal'})` };
}

interface PyResult {
  readonly meanWait?: number;
  readonly batchMeans?: readonly number[];
  readonly served?: number;
  readonly customers?: number;
  readonly events?: number;
  readonly wallSeconds: number;
  readonly python: string;
  readonly simpy: string;
}

function runPython(python: string, args: readonly string[]): PyResult {
  const run = spawnSync(python, [SIMPY_SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) {
    throw new Error(`SimPy model failed (exit ${run.status}): ${run.stderr.trim().split('\n').pop() ?? ''}`);
  }
  return JSON.parse(run.stdout) as PyResult;
}

async function run(context: SuiteContext): Promise<SuiteResult> {
  const found = ensureSimpy(context.quick);
  if ('reason' in found) return { rows: [], skipped: `SimPy line skipped: ${found.reason}` };
  const params: MmcParams = { ...MMC_DEFAULTS, customers: context.quick ? 20_000 : 200_000 };
  const holdEvents = context.quick ? 50_000 : 300_000;
  const pending = 1000;
  const repeats = context.quick ? 1 : 3;
  const pyArgs = [
    '--arrival-rate',
    String(params.arrivalRate),
    '--service-rate',
    String(params.serviceRate),
    '--servers',
    String(params.servers),
    '--customers',
    String(params.customers),
  ];
  const ts = { rate: [] as number[], wait: [] as number[], batches: [] as number[], hold: [] as number[] };
  const py = { rate: [] as number[], wait: [] as number[], batches: [] as number[], hold: [] as number[] };
  let versions = '';
  for (let r = 0; r < repeats; r++) {
    context.log(`simpy: M/M/c ${params.customers} customers and hold ${holdEvents} events, round ${r + 1}/${repeats}`);
    const both = (order: number): void => {
      if (order === 0) {
        const m = runMmc(params, `mmc-${r}`);
        ts.rate.push(m.served / m.wallSeconds);
        ts.wait.push(m.meanWait);
        ts.batches.push(...batchMeans(m.waits, BATCHES));
        const h = runHold(pending, holdEvents, `hold-${r}`);
        ts.hold.push(h.events / h.wallSeconds);
      } else {
        const m = runPython(found.python, [...pyArgs, '--seed', String(r), '--batches', String(BATCHES)]);
        py.rate.push((m.served ?? 0) / m.wallSeconds);
        py.wait.push(m.meanWait ?? Number.NaN);
        py.batches.push(...(m.batchMeans ?? []));
        const h = runPython(found.python, [
          '--model',
          'hold',
          '--pending',
          String(pending),
          '--events',
          String(holdEvents),
          '--seed',
          String(r),
        ]);
        py.hold.push((h.events ?? 0) / h.wallSeconds);
        versions = `SimPy ${m.simpy} on CPython ${m.python}`;
      }
    };
    // Alternate which side goes first, so drifting machine load hits both alike.
    both(r % 2);
    both(1 - (r % 2));
  }
  const formula = mmcMeanWait(params);
  // Every run has the same size, so the pooled estimate is the mean of the batch means.
  const tsWait = mean(ts.batches);
  const pyWait = mean(py.batches);
  const tsSe = standardError(ts.batches);
  const pySe = standardError(py.batches);
  const tsZ = (tsWait - formula) / tsSe;
  const pyZ = (pyWait - formula) / pySe;
  const betweenZ = (tsWait - pyWait) / Math.hypot(tsSe, pySe);
  const agree = Math.abs(tsZ) <= WAIT_SIGMAS && Math.abs(pyZ) <= WAIT_SIGMAS && Math.abs(betweenZ) <= WAIT_SIGMAS;
  const rows: BenchRow[] = [
    makeRow({
      id: 'simpy/mmc-throughput',
      title: `M/M/c (λ=${params.arrivalRate}, μ=${params.serviceRate}, c=${params.servers}), ${params.customers.toLocaleString('en-US')} customers: Engine vs SimPy`,
      unit: 'customers/s',
      samples: ts.rate,
      baseline: { name: versions, samples: py.rate },
      notes: `model events/s (arrival + departure per customer): Engine ${formatNumber(2 * median(ts.rate))}, SimPy ${formatNumber(2 * median(py.rate))}; SimPy uses a process per customer and a Resource, the Engine two event handlers`,
    }),
    makeRow({
      id: 'simpy/mmc-wait',
      title: 'M/M/c mean wait in queue (Engine model) vs the Erlang C formula',
      unit: 'time units',
      samples: ts.wait,
      baseline: { name: 'Erlang C formula', samples: [formula] },
      notes:
        `pooled over ${repeats} run(s): Engine ${tsWait.toFixed(4)} ± ${tsSe.toFixed(4)} (z ${tsZ.toFixed(2)}), ` +
        `SimPy ${pyWait.toFixed(4)} ± ${pySe.toFixed(4)} (${(pyWait / formula).toFixed(3)}× formula, z ${pyZ.toFixed(2)}), ` +
        `Engine − SimPy z ${betweenZ.toFixed(2)}; all within ${WAIT_SIGMAS} standard errors (batch means): ${agree ? 'yes' : 'NO'}`,
    }),
    makeRow({
      id: 'simpy/hold',
      title: `hold model, ${pending} pending timeouts, Exp(1) drawn per event: Engine vs SimPy`,
      unit: 'events/s',
      samples: ts.hold,
      baseline: { name: versions, samples: py.hold },
      notes: `${holdEvents.toLocaleString('en-US')} events per run; SimPy: ${pending} processes looping on env.timeout`,
    }),
  ];
  return {
    rows,
    details: {
      params,
      holdEvents,
      erlangCMeanWait: formula,
      pooled: { engine: { mean: tsWait, se: tsSe, z: tsZ }, simpy: { mean: pyWait, se: pySe, z: pyZ }, betweenZ },
      engine: ts,
      simpy: py,
      waitsAgree: agree,
      versions,
    },
  };
}

/** The SimPy side-by-side suite. */
export const simpySuite: Suite = {
  name: 'simpy',
  description: 'M/M/c and hold model: Gleaner Engine vs SimPy 3, throughput and mean wait vs Erlang C',
  byDefault: true,
  rowIds: ['simpy/mmc-throughput', 'simpy/mmc-wait', 'simpy/hold'],
  run,
};
