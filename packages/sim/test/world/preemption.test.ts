import type { PriorityClass } from '@gleaner/core';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { LOW_PRIORITY_CLASS } from '../../src/testing/index.js';
import { scenarioOf, simulate, sparkApp } from './helpers.js';

// kube-scheduler preemption inside a member: a pod may evict strictly lower-priority pods, the fewest and
// lowest first. One 8-core node; `batch` (driver low-priority −1000, 7 executors at priority 0) and
// `urgent` (priority 1000, driver + 2 executors) are dispatched to it a second apart, one pod more than
// it holds. A batch executor waits in the scheduler's queue behind urgent's executors, which preempt
// the one pod they need — batch's driver, the lowest. Without its driver the batch application fails
// (restart policy Never) and all of its pods go, including the executor queued behind the preemptor in
// the same scheduling cycle (it must not be bound); urgent runs to completion on the freed node.

const HIGH: PriorityClass = {
  name: 'high-priority',
  value: 1000,
  globalDefault: false,
  preemptionPolicy: 'PreemptLowerPriority',
};
const input: ScenarioInput = {
  name: 'preemption',
  seed: 9,
  duration: '1h',
  sampleInterval: '1m',
  fleet: {
    members: [
      {
        name: 'cluster-a',
        // No preoccupation before 1.28: the fleet's view (synced every 10 s) still shows the node empty
        // when urgent arrives a second after batch, so both are dispatched to it.
        kubernetesVersion: '1.26',
        nodePools: [{ name: 'pool', count: 1, capacity: { cpu: '8', memory: '64Gi', pods: 110 } }],
      },
    ],
  },
  workloads: [
    { name: 'batch', application: 'batch', arrival: { type: 'fixed', at: ['60s'] }, workCoreSeconds: 36_000 },
    { name: 'urgent', application: 'urgent', arrival: { type: 'fixed', at: ['61s'] }, workCoreSeconds: 600 },
  ],
};

describe('preemption of a driver by higher-priority pods', async () => {
  const batch = sparkApp('batch', { colocation: false, executors: 7, executorPriorityClass: null });
  const urgent = sparkApp('urgent', {
    colocation: false,
    executors: 2,
    driverPriorityClass: HIGH.name,
    executorPriorityClass: HIGH.name,
  });
  const result = await simulate(scenarioOf(input, { batch, urgent }, { priorityClasses: [LOW_PRIORITY_CLASS, HIGH] }));
  const job = (name: string) => result.jobs.find((j) => j.workload === name)!;

  it('evicts only the lowest-priority pod, the batch driver, for urgent’s executors', () => {
    const evictions = result.events.filter((e) => e.type === 'eviction');
    expect(evictions).toHaveLength(1);
    expect(evictions[0]!.detail).toMatch(/^batch-0-driver: preempted by urgent-0-exec-\d+$/);
  });

  it('fails the batch application and removes all its pods, pending ones included', () => {
    const b = job('batch');
    expect(b.state).toBe('FAILED');
    // Once it failed nothing of it waits in the member's queue; the samples after it show no pending pod
    // beyond the urgent application's own start-up.
    const after = result.samples.filter((s) => s.tMs > b.finishMs! + 60_000);
    expect(after.length).toBeGreaterThan(0);
    for (const s of after) expect(s.pendingPods).toBe(0);
  });

  it('runs the urgent application to completion', () => {
    expect(job('urgent').state).toBe('COMPLETED');
  });
});
