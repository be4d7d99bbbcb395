import type { LoadCurve, LoadCurveParams, NodeLoadSpec } from '@gleaner/sim';
import { buildLoadCurve, HOUR_MS, LoadBank } from '@gleaner/sim';
import { runInterleaved, samplesOf } from '../measure.js';
import { latencyFigure, makeRow } from '../row.js';
import type { Suite, SuiteContext, SuiteResult } from '../suite.js';

/**
 * Online load of a whole fleet at one load tick: `LoadBank.evaluate` over 10,000 nodes in 10 pools (each
 * pool one params object: a diurnal cycle plus seeded noise, σ 0.03, 10-min correlation; pools in five time
 * zones), one 60-s tick per call, against calling the 10,000 closures of `buildLoadCurve`, what the simulator
 * did before. Both must give the same numbers, bit for bit.
 * @module
 */

const NODES = 10_000;
const POOLS = 10;
const TICK_MS = 60_000;

/** The fleet's node specs: `POOLS` pools of `NODES / POOLS` nodes, cpu curves. */
export function fleetLoadSpecs(): NodeLoadSpec[] {
  const specs: NodeLoadSpec[] = [];
  for (let p = 0; p < POOLS; p++) {
    const params: LoadCurveParams = {
      diurnal: { mean: 0.3 + 0.02 * p, amplitude: 0.1 + 0.01 * p },
      noise: { stddev: 0.03, correlationMs: 600_000 },
    };
    const timeZoneOffsetMs = (p % 5) * 3 * HOUR_MS;
    for (let i = 0; i < NODES / POOLS; i++) {
      specs.push({ params, context: { seed: 'bench', key: `pool-${p}-node-${i}/cpu`, timeZoneOffsetMs } });
    }
  }
  return specs;
}

// Node-ticks over `ticks` ticks where the bank and the closures disagree (Object.is).
function countMismatches(bank: LoadBank, curves: readonly LoadCurve[], ticks: number): number {
  const out = new Float64Array(bank.size);
  let mismatches = 0;
  for (let k = 0; k < ticks; k++) {
    const t = k * TICK_MS;
    bank.evaluate(t, out);
    for (let i = 0; i < curves.length; i++) if (!Object.is(out[i], curves[i]!(t))) mismatches++;
  }
  return mismatches;
}

async function run(context: SuiteContext): Promise<SuiteResult> {
  const specs = fleetLoadSpecs();
  const curves = specs.map((s) => buildLoadCurve(s.params, s.context));
  const bank = new LoadBank(specs);
  const checkTicks = context.quick ? 30 : 600;
  const mismatches = countMismatches(new LoadBank(specs), curves, checkTicks);
  context.log(`load: ${NODES} nodes, ${bank.groupCount} groups, one ${TICK_MS / 1000}-s tick per call`);

  // Each task walks its own clock forward one tick per call, so the noise knots change every 10th call.
  const bankOut = new Float64Array(NODES);
  let bankTick = 0;
  const evaluateBank = (): number => {
    bank.evaluate(bankTick++ * TICK_MS, bankOut);
    return bankOut[NODES - 1]!;
  };
  const closureOut = new Float64Array(NODES);
  let closureTick = 0;
  const evaluateClosures = (): number => {
    const t = closureTick++ * TICK_MS;
    for (let i = 0; i < NODES; i++) closureOut[i] = curves[i]!(t);
    return closureOut[NODES - 1]!;
  };
  const samples = runInterleaved(
    [
      { name: 'bank', fn: evaluateBank, opsPerCall: NODES },
      { name: 'closures', fn: evaluateClosures, opsPerCall: NODES },
    ],
    { rounds: context.quick ? 2 : 7, iterations: context.quick ? 20 : 500 },
  );
  const b = samplesOf(samples, 'bank');
  const c = samplesOf(samples, 'closures');
  const perTickUs = (ms: readonly number[]): number[] => ms.map((x) => x * 1000);
  return {
    rows: [
      makeRow({
        id: 'load/bank-tick',
        title: `LoadBank.evaluate: ${NODES.toLocaleString('en-US')} nodes in ${POOLS} pools, diurnal + noise, one tick`,
        unit: 'node-evaluations/s',
        samples: b.roundRates,
        latency: latencyFigure(perTickUs(b.latenciesMs), 'µs'),
        baseline: {
          name: `${NODES.toLocaleString('en-US')} buildLoadCurve closures`,
          samples: c.roundRates,
          latency: latencyFigure(perTickUs(c.latenciesMs), 'µs'),
        },
        mismatches,
        notes: `latency per tick (all nodes); ${bank.groupCount} groups; values compared with Object.is over ${checkTicks} ticks × ${NODES.toLocaleString('en-US')} nodes`,
      }),
    ],
    details: { nodes: NODES, pools: POOLS, groups: bank.groupCount, tickMs: TICK_MS, checkTicks, mismatches },
  };
}

/** The load-curve evaluation suite. */
export const loadBankSuite: Suite = {
  name: 'load',
  description: 'one load tick of 10,000 nodes: LoadBank vs 10,000 buildLoadCurve closures',
  byDefault: true,
  rowIds: ['load/bank-tick'],
  run,
};
