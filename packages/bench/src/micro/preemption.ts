import type { ClusterDecision, ClusterInput, Pod } from '@gleaner/core';
import { MutableClusterState, podKey, referenceScheduleInCluster, scheduleInCluster } from '@gleaner/core';
import type { TimedSequence } from '../measure.js';
import { timeSequence } from '../measure.js';
import { latencyFigure, makeRow } from '../row.js';
import { median } from '../stats.js';
import type { Suite, SuiteContext, SuiteResult } from '../suite.js';
import { formatNumber } from '../table.js';
import { basePod, fillingPods, sameDecision, uniformNodes } from './clusterFixtures.js';

/**
 * Preemption-heavy placement: 5,000 identical 4-core nodes, each full with four 1-core low-priority pods
 * (20,000 pods); high-priority 1-core pods arrive one after another and each must preempt (kube-scheduler's
 * DefaultPreemption: minimal victims, node by fewest PDB violations, lowest top victim, …). Each decision's
 * victims are removed and the preemptor bound before the next one. The reference scheduler makes the first
 * preemptions of the same stream on the same state; every victim set must match.
 * @module
 */

const NODES = 5000;
/** kube-scheduler CI minimum, PreemptionAsync at 5,000 nodes (scheduler_perf performance-config.yaml). */
const KUBE_SCHEDULER_PREEMPTION = 570;

interface Outcome {
  readonly run: TimedSequence;
  readonly decisions: ClusterDecision[];
}

/** Removes the victims of a preemption and binds the preemptor to its nominated node. */
function complete(state: MutableClusterState, d: ClusterDecision): void {
  if (d.kind === 'preempt' && d.scope === 'pod') {
    for (const v of d.victims) state.remove(podKey(v));
    state.bind(d.pod, d.nodeName);
  } else {
    state.apply(d);
  }
}

function preemptAll(
  nodeCount: number,
  pods: readonly Pod[],
  decide: (state: MutableClusterState, input: () => ClusterInput, pod: Pod) => ClusterDecision,
  keep: number,
  reference: boolean,
): Outcome {
  const nodes = uniformNodes(nodeCount);
  const state = new MutableClusterState({ nodes, pods: fillingPods(nodes) });
  let input: ClusterInput | undefined = reference ? state.toInput() : undefined;
  const decisions: ClusterDecision[] = [];
  const run = timeSequence(
    pods.length,
    (i) => decide(state, () => input!, pods[i]!),
    (d, i) => {
      complete(state, d);
      if (i < keep) decisions.push(d);
      if (reference) input = state.toInput();
    },
  );
  return { run, decisions };
}

async function run(context: SuiteContext): Promise<SuiteResult> {
  const q = context.quick;
  const nodeCount = q ? 1000 : NODES;
  const count = q ? 10 : 500;
  const referenceCount = q ? 2 : 8;
  const rounds = q ? 1 : 3;
  const pods = Array.from({ length: count }, (_, k) => basePod(`high-${k}`, { cpu: 1000, memory: 2 * 2 ** 30 }, 100));
  const rates: number[] = [];
  const cpuRates: number[] = [];
  const refRates: number[] = [];
  const latencies: number[] = [];
  const refLatencies: number[] = [];
  let mismatches = 0;
  let compared = 0;
  let preemptions = 0;
  for (let round = 0; round < rounds; round++) {
    context.log(`cluster/preempt: round ${round + 1}/${rounds}, ${count} preemptors + ${referenceCount} reference`);
    const fast = preemptAll(nodeCount, pods, (s, _i, p) => scheduleInCluster(s.view(), p), referenceCount, false);
    const ref = preemptAll(
      nodeCount,
      pods.slice(0, referenceCount),
      (_s, input, p) => referenceScheduleInCluster(input(), p),
      referenceCount,
      true,
    );
    rates.push(count / fast.run.seconds);
    cpuRates.push(count / fast.run.cpuSeconds);
    refRates.push(referenceCount / ref.run.seconds);
    latencies.push(...fast.run.latenciesUs);
    refLatencies.push(...ref.run.latenciesUs);
    for (let i = 0; i < ref.decisions.length; i++) {
      compared++;
      if (ref.decisions[i]!.kind === 'preempt') preemptions++;
      if (!sameDecision(fast.decisions[i]!, ref.decisions[i]!)) mismatches++;
    }
  }
  return {
    rows: [
      makeRow({
        id: 'cluster/preempt',
        title: `high-priority pods preempting on ${nodeCount.toLocaleString('en-US')} full nodes (${(nodeCount * 4).toLocaleString('en-US')} low-priority pods)`,
        unit: 'pods/s',
        samples: rates,
        latency: latencyFigure(
          latencies.map((x) => x / 1000),
          'ms',
        ),
        baseline: {
          name: `reference scheduler (first ${referenceCount} pods)`,
          samples: refRates,
          latency: latencyFigure(
            refLatencies.map((x) => x / 1000),
            'ms',
          ),
        },
        anchor: `kube-scheduler CI minimum ${KUBE_SCHEDULER_PREEMPTION} pods/s (PreemptionAsync, 5,000 nodes)`,
        mismatches,
        notes:
          `${count} preemptors per round, victims removed and preemptor bound after each; ` +
          `${formatNumber(median(cpuRates))} pods per CPU-second; ${compared} decisions compared (${preemptions} preemptions)`,
      }),
    ],
    details: { nodes: nodeCount, preemptors: count },
  };
}

/** The preemption suite. */
export const preemptionSuite: Suite = {
  name: 'preemption',
  description: 'preemption on 5,000 full nodes vs the reference scheduler (identical victims asserted)',
  byDefault: true,
  rowIds: ['cluster/preempt'],
  run,
};
