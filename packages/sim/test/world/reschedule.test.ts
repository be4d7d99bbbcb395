import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { min, scenarioOf, simulate, sparkApp } from './helpers.js';

// Timeout reschedule: the fleet decides on its view of each member as of the last sync. Here the view is
// refreshed only every 5 minutes; member `big` loses all its batch capacity to an online surge right after
// a sync, so on paper it is still the roomiest member when the application arrives. Its driver cannot start
// there; after `rescheduleTimeout` the fleet reclaims the application and sends it to `small`, excluding
// the member that failed it.

const TIMEOUT_MS = 60_000;
const ARRIVAL_MS = min(9) + 30_000;
const node = (count: number, cpu: object) => ({
  name: 'pool',
  count,
  capacity: { cpu: '16', memory: '64Gi', pods: 110 },
  online: { podsPerNode: 2, requests: { cpu: '4', memory: '16Gi' }, cpu, memory: { constant: 0.3 } },
});
const input: ScenarioInput = {
  name: 'timeout-reschedule',
  seed: 2,
  duration: '40m',
  sampleInterval: '1m',
  fleet: {
    members: [
      // 10% online, then 95% from 5m30s: batch-cpu published as 0 from the next reports on.
      {
        name: 'big',
        kubernetesVersion: '1.28',
        nodePools: [node(4, { constant: 0.1, steps: [{ at: '330s', delta: 0.85 }] })],
      },
      { name: 'small', kubernetesVersion: '1.28', nodePools: [node(1, { constant: 0.1 })] },
    ],
  },
  workloads: [
    { name: 'etl', application: 'etl', arrival: { type: 'fixed', at: [`${ARRIVAL_MS}ms`] }, workCoreSeconds: 300 },
  ],
  fleetScheduler: { syncPeriod: '5m', rescheduleTimeout: `${TIMEOUT_MS}ms` },
};

describe('timeout reschedule', async () => {
  const result = await simulate(scenarioOf(input, { etl: sparkApp('etl', { executors: 2 }) }));
  const job = result.jobs[0]!;

  it('dispatches first to the member that only has room on paper', () => {
    const dispatches = result.events.filter((e) => e.type === 'dispatch');
    expect(dispatches[0]).toMatchObject({ tMs: ARRIVAL_MS, member: 'big', job: 'etl-0' });
    const big = result.samples.filter((s) => s.member === 'big' && s.tMs >= min(9) && s.tMs <= ARRIVAL_MS);
    expect(big.length).toBeGreaterThan(0);
    expect(big.every((s) => s.batchAllocatableCpu === 0)).toBe(true);
  });

  it('reclaims the application once its driver has not started within the timeout', () => {
    const reschedule = result.events.find((e) => e.type === 'reschedule');
    expect(reschedule).toMatchObject({ tMs: ARRIVAL_MS + TIMEOUT_MS, member: 'big', job: 'etl-0' });
    expect(job.reschedules).toBeGreaterThanOrEqual(1);
  });

  it('reschedules it to the other member, where it runs to completion', () => {
    const second = result.events.filter((e) => e.type === 'dispatch')[1];
    expect(second).toMatchObject({ member: 'small', job: 'etl-0' });
    expect(second!.tMs).toBeGreaterThanOrEqual(ARRIVAL_MS + TIMEOUT_MS);
    expect(job).toMatchObject({ state: 'COMPLETED', member: 'small', dispatchMs: ARRIVAL_MS });
    expect(job.startMs!).toBeGreaterThan(ARRIVAL_MS + TIMEOUT_MS);
    expect(result.summary.reschedules).toBe(job.reschedules);
  });
});
