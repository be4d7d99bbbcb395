import type { DivisionCandidate, ReplicaSchedulingStrategy } from '@gleaner/core';
import { divideReplicas } from '@gleaner/core';
import { runInterleaved, samplesOf } from '../measure.js';
import { mulberry32 } from '../rng.js';
import { latencyFigure, makeRow } from '../row.js';
import type { Suite, SuiteContext, SuiteResult } from '../suite.js';

/**
 * Replica division over a large fleet: `divideReplicas` of 1,000 replicas over 100 members by dynamic weight
 * (each member's available replicas), with Karmada ≥ 1.16's Webster dispenser, against the legacy dispenser
 * of Karmada 1.8–1.15 (floor + remainder to the heaviest) on the same input.
 * @module
 */

const MEMBERS = 100;
const REPLICAS = 1000;

async function run(context: SuiteContext): Promise<SuiteResult> {
  const r = mulberry32(3);
  const clusters: DivisionCandidate[] = Array.from({ length: MEMBERS }, (_, i) => ({
    name: `member-${String(i).padStart(3, '0')}`,
    labels: { tier: i % 3 === 0 ? 'gold' : 'silver' },
    availableReplicas: Math.floor(r() * 200),
  }));
  const dynamic: ReplicaSchedulingStrategy = {
    replicaSchedulingType: 'Divided',
    replicaDivisionPreference: 'Weighted',
    weightPreference: { dynamicWeight: 'AvailableReplicas' },
  };
  const uid = '4858ca61-3ff8-4095-8267-f3d059d8074c';
  const webster = (): unknown => divideReplicas({ replicas: REPLICAS, clusters, replicaScheduling: dynamic, uid });
  const legacy = (): unknown =>
    divideReplicas({ replicas: REPLICAS, clusters, replicaScheduling: dynamic, uid, dispenser: 'legacy' });
  context.log('fleet/divide-100: Webster vs legacy dispenser');
  const samples = runInterleaved(
    [
      { name: 'webster', fn: webster },
      { name: 'legacy', fn: legacy },
    ],
    { rounds: context.quick ? 2 : 7, iterations: context.quick ? 50 : 1000 },
  );
  const w = samplesOf(samples, 'webster');
  const l = samplesOf(samples, 'legacy');
  return {
    rows: [
      makeRow({
        id: 'fleet/divide-100',
        title: `divideReplicas: ${REPLICAS.toLocaleString('en-US')} replicas over ${MEMBERS} members, dynamic weight (Webster)`,
        unit: 'divisions/s',
        samples: w.roundRates,
        latency: latencyFigure(
          w.latenciesMs.map((x) => x * 1000),
          'µs',
        ),
        baseline: { name: 'legacy dispenser (Karmada 1.8–1.15), same input', samples: l.roundRates },
        notes: 'the two dispensers may split differently (different algorithms); ratio < 1 = Webster costs more',
      }),
    ],
    details: { members: MEMBERS, replicas: REPLICAS },
  };
}

/** The replica-division suite. */
export const divideReplicasSuite: Suite = {
  name: 'divide',
  description: 'divideReplicas over 100 members: Webster vs the legacy dispenser',
  byDefault: true,
  rowIds: ['fleet/divide-100'],
  run,
};
