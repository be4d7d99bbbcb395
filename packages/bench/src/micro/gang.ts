import type { ClusterDecision, Gang } from '@gleaner/core';
import {
  BATCH_CPU,
  BATCH_MEMORY,
  MutableClusterState,
  referenceScheduleInCluster,
  scheduleInCluster,
} from '@gleaner/core';
import { timeSequence } from '../measure.js';
import { latencyFigure, makeRow } from '../row.js';
import type { Suite, SuiteContext, SuiteResult } from '../suite.js';
import { basePod, makeNodes, makePods, sameDecision } from './clusterFixtures.js';

/**
 * Gang placement: a Spark application as one PodGroup (driver + 100 executors on batch resources, minMember
 * 101) onto 5,000 nodes already holding 25,000 pods: one all-or-nothing decision, repeated on the same
 * state (not applied). The reference scheduler decides the same gang on the same state; bindings must match.
 * @module
 */

const NODES = 5000;
const Gi = 2 ** 30;

function sparkGang(): Gang {
  const driver = basePod('spark-driver', { cpu: 1000, memory: 4 * Gi }, 1000);
  const executors = Array.from({ length: 100 }, (_, k) =>
    basePod(`spark-exec-${k}`, { [BATCH_CPU]: 4000, [BATCH_MEMORY]: 16 * Gi }, -1000),
  );
  return { podGroup: { name: 'spark-pi', namespace: 'bench', minMember: 101 }, members: [driver, ...executors] };
}

async function run(context: SuiteContext): Promise<SuiteResult> {
  const q = context.quick;
  // The reference takes tens of seconds for one gang on 5,000 nodes: a smoke run uses a small cluster.
  const nodeCount = q ? 300 : NODES;
  const nodes = makeNodes(nodeCount, 3);
  const state = new MutableClusterState({ nodes, pods: [] });
  for (const p of makePods(nodeCount * 5, 4, false)) state.apply(scheduleInCluster(state.view(), p));
  const gang = sparkGang();
  const input = state.toInput();
  const rounds = q ? 1 : 3;
  const perRound = q ? 3 : 15;
  // One reference decision in all (it is slow), in the first round.
  const latencies: number[] = [];
  const refLatencies: number[] = [];
  let mismatches = 0;
  let compared = 0;
  let outcome = '';
  for (let round = 0; round < rounds; round++) {
    context.log(`cluster/gang-101: round ${round + 1}/${rounds}`);
    let fastDecision: ClusterDecision | undefined;
    const fast = timeSequence(
      perRound,
      () => scheduleInCluster(state.view(), gang),
      (d) => {
        fastDecision = d;
      },
    );
    const ref = timeSequence(
      round === 0 ? 1 : 0,
      () => referenceScheduleInCluster(input, gang),
      (d) => {
        compared++;
        if (fastDecision === undefined || !sameDecision(fastDecision, d)) mismatches++;
      },
    );
    latencies.push(...Array.from(fast.latenciesUs, (x) => x / 1000));
    refLatencies.push(...Array.from(ref.latenciesUs, (x) => x / 1000));
    if (fastDecision !== undefined) {
      outcome =
        fastDecision.kind === 'bind' && fastDecision.scope === 'gang'
          ? `bind (${fastDecision.bindings.length} pods)`
          : fastDecision.kind;
    }
  }
  return {
    rows: [
      makeRow({
        id: 'cluster/gang-101',
        title: `101-pod gang (driver + 100 executors) onto ${nodeCount.toLocaleString('en-US')} nodes holding ${state.podCount.toLocaleString('en-US')} pods`,
        unit: 'ms',
        higherIsBetter: false,
        samples: latencies,
        latency: latencyFigure(latencies, 'ms'),
        baseline: { name: 'reference scheduler, same gang', samples: refLatencies },
        mismatches,
        notes: `${latencies.length} decisions (not applied) → ${outcome}; median and p25–p75 over single decisions; ${compared} compared`,
      }),
    ],
    details: { nodes: nodeCount, runningPods: state.podCount },
  };
}

/** The gang suite. */
export const gangSuite: Suite = {
  name: 'gang',
  description: '101-pod gang decision on 5,000 nodes vs the reference scheduler',
  byDefault: true,
  rowIds: ['cluster/gang-101'],
  run,
};
