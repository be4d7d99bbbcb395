import type { ClusterDecision, ClusterInput, Node, Pod } from '@gleaner/core';
import { MutableClusterState, referenceScheduleInCluster, scheduleInCluster } from '@gleaner/core';
import type { TimedSequence } from '../measure.js';
import { timeSequence } from '../measure.js';
import type { BenchRow } from '../row.js';
import { atLeast, latencyFigure, makeRow } from '../row.js';
import { mean, median } from '../stats.js';
import type { Suite, SuiteContext, SuiteResult } from '../suite.js';
import { formatNumber } from '../table.js';
import { makeNodes, makePods, sameDecision } from './clusterFixtures.js';

/**
 * Single-pod placement on a 5,000-node member cluster: pods placed one after another with every feasible
 * node scored (`percentageOfNodesToScore` 100, kube-scheduler's LeastAllocated + BalancedAllocation +
 * TaintToleration + NodeAffinity), each binding applied to a `MutableClusterState` before the next decision.
 * Two streams: pods from a handful of templates (as Deployments and Spark executors produce), and every pod
 * a distinct size (no reuse of per-node scores). The reference scheduler (`referenceScheduleInCluster`,
 * scan-all over plain objects) decides the first pods of the same stream on the same state, interleaved
 * round by round; every decision must match.
 * @module
 */

const NODES = 5000;
/** kube-scheduler CI minimum, SchedulingBasic 5,000 nodes / 10,000 pods (scheduler_perf performance-config.yaml). */
const KUBE_SCHEDULER_BASIC = 680;
const TARGET = 13_600;

interface PlaceOutcome {
  readonly run: TimedSequence;
  readonly decisions: ClusterDecision[];
}

/** Places `pods` with the fast path on a fresh state; keeps the first `keep` decisions. */
function placeFast(nodes: readonly Node[], pods: readonly Pod[], keep: number): PlaceOutcome {
  const state = new MutableClusterState({ nodes, pods: [] });
  const view = state.view();
  const decisions: ClusterDecision[] = [];
  const run = timeSequence(
    pods.length,
    (i) => scheduleInCluster(view, pods[i]!),
    (d, i) => {
      state.apply(d);
      if (i < keep) decisions.push(d);
    },
  );
  return { run, decisions };
}

/** Places `pods` with the reference scheduler on a fresh state (its input rebuilt between decisions, untimed). */
function placeReference(nodes: readonly Node[], pods: readonly Pod[]): PlaceOutcome {
  const state = new MutableClusterState({ nodes, pods: [] });
  let input: ClusterInput = state.toInput();
  const decisions: ClusterDecision[] = [];
  const run = timeSequence(
    pods.length,
    (i) => referenceScheduleInCluster(input, pods[i]!),
    (d) => {
      state.apply(d);
      decisions.push(d);
      input = state.toInput();
    },
  );
  return { run, decisions };
}

interface StreamOptions {
  readonly id: string;
  readonly title: string;
  readonly distinct: boolean;
  readonly pods: number;
  readonly referencePods: number;
  readonly rounds: number;
}

function measureStream(context: SuiteContext, o: StreamOptions): BenchRow {
  const nodes = makeNodes(NODES, 1);
  const pods = makePods(o.pods, 2, o.distinct);
  const rates: number[] = [];
  const cpuRates: number[] = [];
  const refRates: number[] = [];
  const latencies: number[] = [];
  const refLatencies: number[] = [];
  const sameFirstFast: number[] = [];
  let mismatches = 0;
  let compared = 0;
  for (let round = 0; round < o.rounds; round++) {
    context.log(`${o.id}: round ${round + 1}/${o.rounds}, ${o.pods} pods + ${o.referencePods} reference`);
    const runFast = (): PlaceOutcome => placeFast(nodes, pods, o.referencePods);
    const runRef = (): PlaceOutcome => placeReference(nodes, pods.slice(0, o.referencePods));
    // Interleave: alternate which of the two goes first.
    let fast: PlaceOutcome;
    let ref: PlaceOutcome;
    if (round % 2 === 0) {
      fast = runFast();
      ref = runRef();
    } else {
      ref = runRef();
      fast = runFast();
    }
    rates.push(o.pods / fast.run.seconds);
    cpuRates.push(o.pods / fast.run.cpuSeconds);
    refRates.push(o.referencePods / ref.run.seconds);
    latencies.push(...fast.run.latenciesUs);
    refLatencies.push(...ref.run.latenciesUs);
    sameFirstFast.push(mean(fast.run.latenciesUs.subarray(0, o.referencePods)));
    for (let i = 0; i < ref.decisions.length; i++) {
      compared++;
      if (!sameDecision(fast.decisions[i]!, ref.decisions[i]!)) mismatches++;
    }
  }
  const value = median(rates);
  const samePodsRatio = mean(refLatencies) / mean(sameFirstFast);
  return makeRow({
    id: o.id,
    title: o.title,
    unit: 'pods/s',
    samples: rates,
    latency: latencyFigure(latencies, 'µs'),
    baseline: {
      name: `reference scan-all scheduler (first ${o.referencePods} pods)`,
      samples: refRates,
      latency: latencyFigure(refLatencies, 'µs'),
    },
    target: atLeast(value, TARGET, '≥ 13,600 pods/s'),
    anchor: `kube-scheduler CI minimum ${KUBE_SCHEDULER_BASIC} pods/s (SchedulingBasic, 5,000 nodes)`,
    mismatches,
    notes:
      `${o.pods.toLocaleString('en-US')} pods per round incl. applying each binding; ` +
      `${formatNumber(median(cpuRates))} pods per CPU-second; ` +
      `on the same first ${o.referencePods} pods the fast path is ${Math.round(samePodsRatio)}× the reference; ` +
      `${compared} decisions compared`,
  });
}

async function run(context: SuiteContext): Promise<SuiteResult> {
  const q = context.quick;
  const rows = [
    measureStream(context, {
      id: 'cluster/place-templates',
      title: 'one pod at a time on 5,000 nodes, pods from 12 templates, every feasible node scored',
      distinct: false,
      pods: q ? 2000 : 20_000,
      referencePods: q ? 5 : 60,
      rounds: q ? 1 : 5,
    }),
    measureStream(context, {
      id: 'cluster/place-distinct',
      title: 'one pod at a time on 5,000 nodes, every pod a distinct size',
      distinct: true,
      pods: q ? 150 : 3000,
      referencePods: q ? 5 : 40,
      rounds: q ? 1 : 5,
    }),
  ];
  return { rows, details: { nodes: NODES } };
}

/** The single-pod placement suite. */
export const placementSuite: Suite = {
  name: 'placement',
  description: 'single-pod placement on 5,000 nodes vs the reference scheduler (identical decisions asserted)',
  byDefault: true,
  rowIds: ['cluster/place-templates', 'cluster/place-distinct'],
  run,
};
