import type { SparkRestartPolicy } from '@gleaner/core';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { REGULAR_NODE_STARTUP } from '../../src/virtual/index.js';
import { min, scenarioOf, simulate, sparkApp } from './helpers.js';

// A driver loss and the Spark Operator's restart policy. A one-minute online-memory spike at 20m pushes the
// only node past koordlet's 70% eviction line; the driver (8 GiB heap) is the BE pod with the largest
// usage, so it is the one evicted. `Never` ends the application FAILED; `OnFailure` with a retry reruns it
// (on the same member) once the operator's retry backoff allows and it completes on its second attempt.

const input: ScenarioInput = {
  name: 'driver-loss',
  seed: 8,
  duration: '2h',
  sampleInterval: '1m',
  fleet: {
    members: [
      {
        name: 'cluster-a',
        kubernetesVersion: '1.28',
        nodePools: [
          {
            name: 'pool',
            count: 1,
            capacity: { cpu: '16', memory: '64Gi', pods: 110 },
            online: {
              podsPerNode: 2,
              requests: { cpu: '4', memory: '16Gi' },
              cpu: { constant: 0.2 },
              memory: { constant: 0.3, spikes: [{ at: '20m', duration: '1m', height: 0.36 }] },
            },
          },
        ],
      },
    ],
  },
  workloads: [{ name: 'etl', application: 'etl', arrival: { type: 'fixed', at: ['1m'] }, workCoreSeconds: 1800 }],
};

async function runWith(restartPolicy: SparkRestartPolicy) {
  const app = sparkApp('etl', { executors: 1, driverMemory: '8g', executorMemory: '512m', restartPolicy });
  return simulate(scenarioOf(input, { etl: app }));
}

describe('restart policy on a driver loss', async () => {
  const never = await runWith({ type: 'Never' });
  const onFailure = await runWith({
    type: 'OnFailure',
    onFailureRetries: 1,
    onFailureRetryInterval: 5,
    onSubmissionFailureRetryInterval: 5,
  });

  it('loses the driver to memory eviction at the spike', () => {
    for (const r of [never, onFailure]) {
      const evicted = r.events.filter((e) => e.type === 'eviction');
      expect(evicted.map((e) => [e.tMs, e.detail.split(':')[0]])).toEqual([[min(20), 'etl-0-driver']]);
    }
  });

  it('Never: the application fails with its driver, after one attempt', () => {
    const job = never.jobs[0]!;
    expect(job).toMatchObject({ state: 'FAILED', attempts: 1, finishMs: min(20) });
    expect(never.events.filter((e) => e.type === 'failed').map((e) => e.job)).toEqual(['etl-0']);
    expect(never.summary).toMatchObject({ jobsFailed: 1, jobsCompleted: 0 });
  });

  it('OnFailure with a retry: the application is rerun and completes on its second attempt', () => {
    const job = onFailure.jobs[0]!;
    expect(job).toMatchObject({ state: 'COMPLETED', attempts: 2 });
    // The operator's backoff counts from the last submission (at 1m): interval × attempts = 5 s has long
    // passed, so the rerun is submitted at once and its driver starts after a regular pod start-up.
    expect(REGULAR_NODE_STARTUP.kind).toBe('constant');
    const startup = REGULAR_NODE_STARTUP.kind === 'constant' ? REGULAR_NODE_STARTUP.ms : Number.NaN;
    expect(job.startMs).toBe(min(20) + startup);
    expect(job.finishMs!).toBeGreaterThan(job.startMs!);
    expect(onFailure.events.filter((e) => e.type === 'failed')).toEqual([]);
    expect(onFailure.summary).toMatchObject({ jobsFailed: 0, jobsCompleted: 1 });
  });
});
