import type { BatchReplayResult } from './validateBatchReplay.js';
import type { GpuPackingResult } from './validateGpuPacking.js';
import type { OnlineReplayResult } from './validateOnlineReplay.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const pts = (x: number): string => `${(x * 100).toFixed(1)}`;

/** Validation (a) as markdown: the trace's and the simulator's mean and daily swings, day by day. */
export function onlineReplayMarkdown(r: OnlineReplayResult): string {
  const rows = r.trace.days.map(
    (d, i) =>
      `| ${d.day + 1} | ${pct(d.mean)} | ${pct(r.replayed.days[i]!.mean)} | ${pct(r.synthetic.days[i]!.mean)} | ` +
      `${pts(d.swing)} | ${pts(r.replayed.days[i]!.swing)} | ${pts(r.synthetic.days[i]!.swing)} |`,
  );
  return [
    `(a) Alibaba 2018 cluster CPU as online load — ${r.days} days, ${r.nodes} × 96-core nodes per member`,
    '',
    '| Day | Trace mean | Replayed mean | Synthetic mean | Trace swing (pts) | Replayed swing | Synthetic swing |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    `| all | ${pct(r.trace.mean)} | ${pct(r.replayed.mean)} | ${pct(r.synthetic.mean)} | median ${pts(r.trace.medianSwing)} | median ${pts(r.replayed.medianSwing)} | median ${pts(r.synthetic.medianSwing)} |`,
    '',
  ].join('\n');
}

/**
 * Validation (b) as markdown: simulated utilisation against the published figures, one column per run
 * (the same scale, different online-memory assumptions).
 */
export function batchReplayMarkdown(runs: readonly BatchReplayResult[]): string {
  const r = runs[0]!;
  const row = (label: string, cell: (x: BatchReplayResult) => string, published: string): string =>
    `| ${label} | ${runs.map(cell).join(' | ')} | ${published} |`;
  return [
    `(b) Alibaba 2017 batch_task as colocated BE work — scale ${r.scale}: ${r.machines} × 64-core machines, ` +
      `${r.sampledRows} task rows (every ${Math.round(1 / r.scale)}th), ≤ ${r.maxExecutors} executors per job, ${r.hours} h`,
    '',
    `| Quantity | ${runs.map((x) => `online memory ${pct(x.onlineMemory)}`).join(' | ')} | Published |`,
    `| --- | ${runs.map(() => '---:').join(' | ')} | ---: |`,
    row('Online-only CPU (daily mean)', (x) => pct(x.onlineUtilisation), '~10 %'),
    row('Total CPU with colocation (daily mean)', (x) => pct(x.totalUtilisation), '40–45 %'),
    row('Total CPU, first 4 hours', (x) => pct(x.firstFourHours), '40–50 % (Cheng et al.)'),
    row('Peak hourly total CPU', (x) => pct(Math.max(...x.hourlyTotal)), '–'),
    row('Harvest ratio (BE / idle CPU)', (x) => pct(x.harvestRatio), '–'),
    row('Requested batch work / CPU of the run', (x) => pct(x.demandFraction), '–'),
    row('Jobs completed / submitted', (x) => `${x.jobsCompleted} / ${x.jobsSubmitted}`, '–'),
    '',
    ...runs.map(
      (x) =>
        `Hourly total CPU, online memory ${pct(x.onlineMemory)}: ${x.hourlyTotal.map((h) => (h * 100).toFixed(0)).join(' ')} (%)`,
    ),
    '',
  ].join('\n');
}

/** Validation (c) as markdown: share of pods scheduled and allocation ratios per policy, and the trace's. */
export function gpuPackingMarkdown(r: GpuPackingResult): string {
  return [
    `(c) gpu-v2023: ${r.pods} pods (${r.gpuPods} asking for GPUs) on ${r.nodes} nodes / ${r.gpus} GPUs; ` +
      `the list asks for ${pct(r.demand.cpu)} of the CPU, ${pct(r.demand.memory)} of the memory, ${pct(r.demand.gpu)} of the GPUs`,
    '',
    '| Scheduler | Pods scheduled | CPU alloc. | Memory alloc. | GPU alloc. | First failure (pod #, GPU alloc. then) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...r.outcomes.map(
      (o) =>
        `| ${o.policy} | ${o.scheduled} (${pct(o.scheduledFraction)}) | ${pct(o.cpuAllocation)} | ${pct(o.memoryAllocation)} | ` +
        `${pct(o.gpuAllocation)} | ${o.firstFailureIndex === null ? 'none' : `${o.firstFailureIndex + 1}, ${pct(o.gpuAllocationAtFirstFailure!)}`} |`,
    ),
    `| The trace (scheduled_time set) | ${r.scheduledInTrace} (${pct(r.scheduledInTraceFraction)}) | – | – | – | – |`,
    '| FGD simulator, openb cpu050 at 130 % demand (§3.2) | – | 84.0 % (example run) | 62.3 % | Random 91.5 %, FGD 95.3 % | – |',
    '',
  ].join('\n');
}
