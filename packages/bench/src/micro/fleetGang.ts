import type { ScenarioResult } from '../fleet/fleetBench.js';
import { main as fleetBenchMain } from '../fleet/fleetBench.js';
import { below, makeRow } from '../row.js';
import { median } from '../stats.js';
import type { Suite, SuiteContext, SuiteResult } from '../suite.js';

/**
 * One fleet Gang decision (`scheduleOnFleet`): a SparkApplication of 1 driver + 100 executors across 10
 * members × 1,000 nodes with node-level fit, as the fleet engineer's `fleet/fleetBench.ts` measures it. This
 * suite drives that bench's `main()` for several rounds and reads its `gang/warm` scenario (the same synced
 * snapshot between decisions) against its `gang/cold` one (node indexes rebuilt, the first decision after a
 * member sync), measured in the same call.
 * @module
 */

function find(results: readonly ScenarioResult[], name: string): ScenarioResult {
  const r = results.find((x) => x.name === name);
  if (r === undefined) throw new Error(`fleetGang: fleetBench returned no "${name}" scenario`);
  return r;
}

async function run(context: SuiteContext): Promise<SuiteResult> {
  const rounds = context.quick ? 1 : 3;
  const samples = context.quick ? 40 : 600;
  const all: ScenarioResult[][] = [];
  for (let round = 0; round < rounds; round++) {
    context.log(`fleet/gang-decision: fleetBench round ${round + 1}/${rounds}, ${samples} samples`);
    all.push(fleetBenchMain({ quiet: true, samples }));
  }
  const warm = all.map((rs) => find(rs, 'gang/warm'));
  const cold = all.map((rs) => find(rs, 'gang/cold'));
  const noFit = all.map((rs) => find(rs, 'gang/no-fit'));
  const p50 = warm.map((w) => w.p50Ms);
  return {
    rows: [
      makeRow({
        id: 'fleet/gang-decision',
        title: 'scheduleOnFleet Gang: 1 driver + 100 executors, 10 members × 1,000 nodes, node-level fit',
        unit: 'ms',
        higherIsBetter: false,
        samples: p50,
        latency: { unit: 'ms', p50: median(p50), p99: median(warm.map((w) => w.p99Ms)), count: samples * rounds },
        baseline: {
          name: 'same decision right after a member sync (indexes rebuilt)',
          samples: cold.map((c) => c.p50Ms),
          latency: {
            unit: 'ms',
            p50: median(cold.map((c) => c.p50Ms)),
            p99: median(cold.map((c) => c.p99Ms)),
            count: cold[0]!.samples * rounds,
          },
        },
        target: below(median(p50), 1, 'p50 < 1 ms'),
        notes:
          `from fleet/fleetBench.ts main(), ${rounds} round(s) of ${samples} decisions; median and p25–p75 of the per-round p50; ` +
          `worst case (every node scanned, job waits) p50 ${median(noFit.map((n) => n.p50Ms)).toFixed(3)} ms`,
      }),
    ],
    details: { fleetBench: all },
  };
}

/** The fleet Gang decision suite. */
export const fleetGangSuite: Suite = {
  name: 'fleet',
  description: 'fleet Gang decision (fleetBench main(), warm vs cold snapshot)',
  byDefault: true,
  rowIds: ['fleet/gang-decision'],
  run,
};
