import { createScenario, formatScenarioIssue, loadAggregateTrace, type MemberSample, runScenario } from '@gleaner/sim';
import { dailySwings, type SwingSummary } from './dailySwing.js';
import { TRACE_FILES } from './sharedTraces.js';

/** Options of {@link validateOnlineReplay}. */
export interface OnlineReplayOptions {
  /** Simulated days (default 7: the trace's complete days). */
  readonly days?: number;
  /** Nodes of each simulated member (default 8 × 96 cores, the v2018 machine shape). */
  readonly nodes?: number;
}

/** The numbers of validation (a): the trace's own statistics and the simulator's, side by side. */
export interface OnlineReplayResult {
  /** Mean and hourly-mean daily swings of the trace rows over the same days. */
  readonly trace: SwingSummary;
  /** The same statistics of the simulated online CPU utilisation of a member replaying the trace. */
  readonly replayed: SwingSummary;
  /**
   * The same statistics of a member with the synthetic curve the load model documents for this trace
   * (`diurnal: { mean: 0.40, amplitude: 0.15 }` plus 3 % noise): does the synthetic model reproduce it?
   */
  readonly synthetic: SwingSummary;
  /** Simulated days and nodes per member. */
  readonly days: number;
  readonly nodes: number;
}

const SAMPLES_PER_HOUR = 12; // 300 s samples

function memberSeries(samples: readonly MemberSample[], member: string, endMs: number): number[] {
  return samples
    .filter((s) => s.member === member && s.tMs < endMs)
    .sort((a, b) => a.tMs - b.tMs)
    .map((s) => s.onlineCpu / s.capacityCpu);
}

/**
 * Validation (a): replays the Alibaba 2018 cluster-average CPU series (research/simulators-traces.md §3.1:
 * mean 40.2 %, hourly-mean daily swing 27–36 points, median 30.8) as the online load of a small member
 * (each node: the aggregate plus seeded 2 % jitter, as `cluster-aggregate-300s` replay does), samples the
 * simulated online CPU utilisation every 5 minutes, and computes the same statistics. A second member runs
 * the synthetic diurnal curve instead.
 *
 * @param tracesDir - the shared trace folder (see `sharedTracesDir`).
 * @throws Error when the trace cannot be read or the scenario is invalid (a bug, not user input).
 */
export async function validateOnlineReplay(
  tracesDir: string,
  options: OnlineReplayOptions = {},
): Promise<OnlineReplayResult> {
  const days = options.days ?? 7;
  const nodes = options.nodes ?? 8;
  const file = TRACE_FILES.alibaba2018Aggregate;
  const pool = (cpu: object, memory: object) => ({
    name: 'm96',
    count: nodes,
    capacity: { cpu: '96', memory: '512Gi', pods: 256 },
    online: { podsPerNode: 4, requests: { cpu: '48', memory: '256Gi' }, cpu, memory },
  });
  const made = createScenario(
    {
      name: 'validation-alibaba2018-online',
      seed: 2018,
      duration: `${days}d`,
      sampleInterval: '5m',
      loadTick: '60s',
      fleet: {
        members: [
          {
            name: 'replayed',
            kubernetesVersion: '1.28',
            nodePools: [
              pool(
                { trace: { file, format: 'cluster-aggregate-300s', column: 'cpu_util_percent' } },
                { trace: { file, format: 'cluster-aggregate-300s', column: 'mem_util_percent' } },
              ),
            ],
          },
          {
            name: 'synthetic',
            kubernetesVersion: '1.28',
            nodePools: [
              pool(
                { diurnal: { mean: 0.4, amplitude: 0.15, peakAt: '14h' }, noise: { stddev: 0.03, correlation: '10m' } },
                { constant: 0.88 },
              ),
            ],
          },
        ],
      },
    },
    { baseDir: tracesDir },
  );
  if (!made.ok) throw new Error(made.issues.map(formatScenarioIssue).join('; '));
  const { result } = await runScenario(made.scenario);
  const endMs = days * 86_400_000;

  const trace = await loadAggregateTrace(`${tracesDir}/${file}`, { column: 'cpu_util_percent' });
  if (!trace.ok) throw new Error(`${file}: cannot read the trace`);
  // Rows are 300 s apart from the trace start (the file has no timestamps); take the simulated days.
  const rows = trace.value.values.slice(0, days * 24 * SAMPLES_PER_HOUR);
  return {
    trace: dailySwings(rows, SAMPLES_PER_HOUR),
    replayed: dailySwings(memberSeries(result.samples, 'replayed', endMs), SAMPLES_PER_HOUR),
    synthetic: dailySwings(memberSeries(result.samples, 'synthetic', endMs), SAMPLES_PER_HOUR),
    days,
    nodes,
  };
}
