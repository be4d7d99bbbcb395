import { VIRTUAL_KUBELET_LABEL, VIRTUAL_KUBELET_TAINT } from '@gleaner/core';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { ECI_EXECUTOR_STARTUP, REGULAR_NODE_STARTUP } from '../../src/virtual/index.js';
import { scenarioOf, simulate, sparkApp } from './helpers.js';

// Serverless capacity: a member with one regular node and a virtual-kubelet (ECI) node. The seeds'
// wordcount-on-virtual-node pins its executors there with `nodeSelector: {type: virtual-kubelet}` and a
// toleration of the virtual-kubelet taint; the driver stays on the regular node. ECI pods start in 5–30 s
// (the seed: 93 of 100 executors within 20 s) instead of ~2 s, and every vCPU-second is billed.

const EXECUTORS = 5;
const WORK_CORE_SECONDS = 3000; // 600 s of work for each of the 5 one-core executors
const PRICE = 0.01;
const input: ScenarioInput = {
  name: 'serverless',
  seed: 6,
  duration: '1h',
  fleet: {
    members: [
      {
        name: 'cluster-a',
        kubernetesVersion: '1.28',
        nodePools: [
          {
            name: 'pool',
            count: 1,
            capacity: { cpu: '8', memory: '32Gi', pods: 110 },
            online: {
              podsPerNode: 1,
              requests: { cpu: '2', memory: '8Gi' },
              cpu: { constant: 0.2 },
              memory: { constant: 0.3 },
            },
          },
        ],
        virtualNode: { pricePerVcpuSecond: PRICE },
      },
    ],
  },
  workloads: [
    {
      name: 'wordcount',
      application: 'wordcount',
      arrival: { type: 'fixed', at: ['1m'] },
      workCoreSeconds: WORK_CORE_SECONDS,
    },
  ],
};

async function run(onVirtualNode: boolean) {
  const app = sparkApp('wordcount', {
    executors: EXECUTORS,
    colocation: false,
    ...(onVirtualNode
      ? {
          executorNodeSelector: { [VIRTUAL_KUBELET_LABEL.key]: VIRTUAL_KUBELET_LABEL.value },
          executorTolerations: [{ key: VIRTUAL_KUBELET_TAINT, operator: 'Exists' as const }],
        }
      : {}),
  });
  return simulate(scenarioOf(input, { wordcount: app }));
}

describe('executors on a virtual-kubelet node', async () => {
  const virtual = await run(true);
  const regular = await run(false);
  const idealRunMs = (WORK_CORE_SECONDS / EXECUTORS) * 1000;
  const floorMs = ECI_EXECUTOR_STARTUP.shiftMs;

  it('completes the application either way', () => {
    expect(virtual.jobs[0]!.state).toBe('COMPLETED');
    expect(regular.jobs[0]!.state).toBe('COMPLETED');
  });

  it('starts executors with ECI latency: the run is late by their mean start-up, 5–30 s', () => {
    // Work accrues at 1 core per running executor, so the run ends the mean executor start-up after the
    // ideal (work ÷ executors) — exactly the regular start-up on a regular node.
    expect(REGULAR_NODE_STARTUP.kind).toBe('constant');
    const regularStartup = REGULAR_NODE_STARTUP.kind === 'constant' ? REGULAR_NODE_STARTUP.ms : Number.NaN;
    expect(regular.jobs[0]!.runMs! - idealRunMs).toBeGreaterThanOrEqual(regularStartup);
    expect(regular.jobs[0]!.runMs! - idealRunMs).toBeLessThanOrEqual(regularStartup + 1);
    const late = virtual.jobs[0]!.runMs! - idealRunMs;
    expect(late).toBeGreaterThanOrEqual(floorMs);
    expect(late).toBeLessThanOrEqual(30_000);
  });

  it('bills the executors’ vCPU-seconds on the virtual node, and nothing on regular nodes', () => {
    // Every executor-second on ECI is one vCPU-second of work: the bill is the application's work.
    expect(Math.abs(virtual.summary.virtualVcpuSeconds - WORK_CORE_SECONDS)).toBeLessThanOrEqual(1);
    expect(virtual.summary.virtualCost).toBe(Math.round(virtual.summary.virtualVcpuSeconds * PRICE * 100) / 100);
    expect(virtual.summary.virtualCost).toBeGreaterThan(0);
    expect(regular.summary.virtualVcpuSeconds).toBe(0);
    expect(regular.summary.virtualCost).toBe(0);
  });
});
