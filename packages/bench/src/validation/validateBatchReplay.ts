import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScenario, formatScenarioIssue, runScenario } from '@gleaner/sim';
import { TRACE_FILES } from './sharedTraces.js';

/** Machines of the v2017 cluster (Cheng et al., APSys'18: 1,313 machines × 64 cores). */
export const V2017_MACHINES = 1_313;

/** Cores per v2017 machine. */
export const V2017_CORES = 64;

const colocated = { annotations: { 'sparkoperator.k8s.io/koordinator-colocation': 'true' } };

/**
 * The pod settings of every replayed task (the trace gives each task's executor count, CPU and memory): a
 * low-priority, Koordinator-colocated (BE) Spark application with Spark's default 1-core / 1 GiB driver.
 */
const V2017_TEMPLATE = {
  apiVersion: 'sparkoperator.k8s.io/v1beta2',
  kind: 'SparkApplication',
  metadata: { name: 'v2017-task', namespace: 'batch' },
  spec: {
    type: 'Scala',
    mode: 'cluster',
    mainApplicationFile: 'local:///opt/spark/jars/task.jar',
    sparkVersion: '3.5.4',
    restartPolicy: { type: 'Never' },
    driver: { cores: 1, memory: '1g', priorityClassName: 'low-priority', template: { metadata: colocated } },
    executor: {
      instances: 1,
      cores: 1,
      memory: '1g',
      priorityClassName: 'low-priority',
      template: { metadata: colocated },
    },
  },
};

/** Options of {@link validateBatchReplay}. */
export interface BatchReplayOptions {
  /**
   * Fraction of the 2017 cluster simulated (default 0.01): `round(1,313 × scale)` machines and every
   * `round(1 / scale)`-th row of batch_task, so demand per machine stays that of the trace.
   */
  readonly scale?: number;
  /** Online (LS) CPU utilisation of every machine, as a fraction (default 0.10: Alibaba's online-only figure). */
  readonly onlineCpu?: number;
  /**
   * Online (LS) memory utilisation of every machine (default 0.40, an assumption: the trace publishes
   * only normalised memory). With Koordinator's 65 % memory reclaim it leaves 25 % of a machine to BE pods.
   */
  readonly onlineMemory?: number;
  /** Simulated time (default `24h`, for a daily mean; the trace's tasks are created within ~17 h). */
  readonly duration?: string;
}

/** The numbers of validation (b). */
export interface BatchReplayResult {
  readonly scale: number;
  /** Online memory utilisation assumed (fraction). */
  readonly onlineMemory: number;
  readonly machines: number;
  /** batch_task rows replayed (the systematic sample) and, of them, jobs submitted and completed. */
  readonly sampledRows: number;
  readonly jobsSubmitted: number;
  readonly jobsCompleted: number;
  /** Executor cap per job: 10,000 × scale (a 2017 task could use about the whole cluster). */
  readonly maxExecutors: number;
  /** Simulated online CPU utilisation, mean over the run (set by the scenario: ≈ `onlineCpu`). */
  readonly onlineUtilisation: number;
  /** Simulated total (online + BE) CPU utilisation, mean over the run: the "daily mean" to compare. */
  readonly totalUtilisation: number;
  /** Total CPU utilisation in each hour of the run (fractions). */
  readonly hourlyTotal: readonly number[];
  /** Mean total utilisation over the first four hours (Cheng et al. report 40–50 % there). */
  readonly firstFourHours: number;
  /** BE CPU used / idle CPU. */
  readonly harvestRatio: number;
  /**
   * The sample's requested work (instances × plan_cpu × (end − create), Terminated rows) as a fraction of
   * the simulated machines' CPU over the run: what the replay asks of the cluster.
   */
  readonly demandFraction: number;
  /** Simulated time in hours. */
  readonly hours: number;
}

/**
 * Validation (b): replays the Alibaba v2017 `batch_task` table as colocated BE Spark work (each task one
 * application: `min(instances, maxExecutors)` executors of `plan_cpu` each, work = instances × plan_cpu ×
 * duration) on a cluster sized like the 2017 one and scaled by `scale` (machines and a systematic sample of
 * task rows), with online services at `onlineCpu` and Koordinator's defaults (reclaim 60 %), and reports
 * the resulting CPU utilisation — to set against Alibaba's published figures (online-only ~10 %; with
 * colocation ~40–45 % daily mean). The sample is written to a temporary file, deleted afterwards.
 *
 * @throws Error when the trace cannot be read or the scenario is invalid (a bug, not user input).
 */
export async function validateBatchReplay(
  tracesDir: string,
  options: BatchReplayOptions = {},
): Promise<BatchReplayResult> {
  const scale = options.scale ?? 0.01;
  if (!(scale > 0 && scale <= 1)) throw new RangeError(`scale must be in (0, 1], got ${scale}`);
  const machines = Math.max(1, Math.round(V2017_MACHINES * scale));
  const step = Math.max(1, Math.round(1 / scale));
  const maxExecutors = Math.max(1, Math.round(10_000 * scale));
  const onlineCpu = options.onlineCpu ?? 0.1;
  const onlineMemory = options.onlineMemory ?? 0.4;
  const duration = options.duration ?? '24h';

  const text = await readFile(join(tracesDir, TRACE_FILES.alibaba2017BatchTask), 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = lines[0]!;
  const body = lines.slice(1);
  const sample = body.filter((_, i) => i % step === 0);
  let demandCoreSeconds = 0;
  for (const row of sample) {
    const f = row.split(',');
    if (f[5]?.trim() !== 'Terminated' || Number(f[0]) < 0) continue;
    const cpu = f[6]?.trim() === '' ? 100 : Number(f[6]);
    demandCoreSeconds += Math.max(1, Number(f[1]) - Number(f[0])) * Number(f[4]) * (cpu / 100);
  }

  const dir = await mkdtemp(join(tmpdir(), 'gleaner-v2017-'));
  try {
    const sampleFile = join(dir, 'batch_task_sample.csv');
    await writeFile(sampleFile, `${[header, ...sample].join('\n')}\n`, 'utf8');
    const made = createScenario(
      {
        name: 'validation-alibaba2017-batch',
        seed: 2017,
        duration,
        sampleInterval: '10m',
        loadTick: '60s',
        fleet: {
          members: [
            {
              name: 'alibaba-2017',
              kubernetesVersion: '1.28',
              nodePools: [
                {
                  name: 'm64',
                  count: machines,
                  capacity: { cpu: String(V2017_CORES), memory: '256Gi', pods: 256 },
                  reserved: { cpu: '500m', memory: '2Gi' },
                  systemUsage: { cpu: '300m', memory: '2Gi' },
                  online: {
                    podsPerNode: 4,
                    requests: { cpu: '16', memory: '128Gi' },
                    cpu: { constant: onlineCpu, noise: { stddev: 0.02, correlation: '10m' } },
                    memory: { constant: onlineMemory },
                  },
                },
              ],
            },
          ],
        },
        // A long queue of waiting applications is retried every minute instead of every 10 s: it changes
        // start times by under a minute and keeps the validation fast.
        fleetScheduler: { retryInterval: '60s' },
        workloads: [
          {
            name: 'v2017',
            trace: { file: sampleFile, format: 'alibaba-v2017-batch-task', maxExecutors },
          },
        ],
      },
      {
        baseDir: dir,
        applications: { v2017: V2017_TEMPLATE },
        priorityClasses: [
          {
            apiVersion: 'scheduling.k8s.io/v1',
            kind: 'PriorityClass',
            metadata: { name: 'low-priority' },
            value: -1000,
          },
        ],
        policies: [
          {
            apiVersion: 'policy.one.alibabacloud.com/v1alpha1',
            kind: 'PropagationPolicy',
            metadata: { name: 'batch', namespace: 'batch' },
            spec: {
              placement: { replicaScheduling: { replicaSchedulingType: 'Divided', customSchedulingType: 'Gang' } },
              resourceSelectors: [{ apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication' }],
            },
          },
        ],
        sloConfig: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'ack-slo-config', namespace: 'kube-system' },
          data: {
            'colocation-config': '{ "enable": true }',
            'resource-threshold-config': '{ "clusterStrategy": { "enable": true } }',
          },
        },
      },
    );
    if (!made.ok) throw new Error(made.issues.map(formatScenarioIssue).join('; '));
    const { result } = await runScenario(made.scenario);
    const s = result.summary;
    const hourly = new Map<number, { used: number; capacity: number }>();
    for (const sample of result.samples) {
      const h = Math.floor(sample.tMs / 3_600_000);
      const e = hourly.get(h) ?? { used: 0, capacity: 0 };
      e.used += sample.onlineCpu + sample.beCpu;
      e.capacity += sample.capacityCpu;
      hourly.set(h, e);
    }
    const hours = result.scenario.durationMs / 3_600_000;
    const hourlyTotal = [...hourly.entries()]
      .filter(([h]) => h < hours)
      .sort((a, b) => a[0] - b[0])
      .map(([, e]) => e.used / e.capacity);
    const first = hourlyTotal.slice(0, 4);
    return {
      scale,
      onlineMemory,
      machines,
      sampledRows: sample.length,
      jobsSubmitted: s.jobsSubmitted,
      jobsCompleted: s.jobsCompleted,
      maxExecutors,
      onlineUtilisation: s.onlineUtilisation,
      totalUtilisation: s.totalUtilisation,
      hourlyTotal,
      firstFourHours: first.reduce((a, b) => a + b, 0) / first.length,
      harvestRatio: s.harvestRatio,
      demandFraction: demandCoreSeconds / (machines * V2017_CORES * hours * 3600),
      hours,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
