import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { min, scenarioOf, simulate, sparkApp } from './helpers.js';

// koordlet's BE memory eviction: when a node's memory usage (online + BE + system) reaches 70% of capacity,
// BE pods are evicted — lowest priority first, then largest usage — until usage is back at 68%. One 64 GiB
// node; online memory steps from 30% to 66% at 20m and back at 30m. The driver (default priority 0)
// outranks its executors (low-priority, −1000), so the executors go and the driver survives; the
// application gets new executors once batch memory is published again, and finishes.

const GIB = 1024 ** 3;
const input: ScenarioInput = {
  name: 'memory-eviction',
  seed: 4,
  duration: '3h',
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
              memory: {
                constant: 0.3,
                steps: [
                  { at: '20m', delta: 0.36 },
                  { at: '30m', delta: -0.36 },
                ],
              },
            },
          },
        ],
      },
    ],
  },
  workloads: [{ name: 'etl', application: 'etl', arrival: { type: 'fixed', at: ['1m'] }, workCoreSeconds: 4 * 3600 }],
};

describe('BE memory eviction', async () => {
  const app = sparkApp('etl', { executors: 4, driverPriorityClass: null });
  const result = await simulate(scenarioOf(input, { etl: app }));
  const evictions = result.events.filter((e) => e.type === 'eviction');
  const job = result.jobs[0]!;

  it('evicts BE executors when online memory pushes the node past 70%', () => {
    expect(evictions.length).toBeGreaterThan(0);
    expect(evictions[0]!.tMs).toBe(min(20)); // the load tick at which online memory stepped up
    for (const e of evictions) {
      // Only while online memory is up; replacement executors placed on the batch memory still published
      // (a 5-minute average lags the step) are evicted again at the next ticks.
      expect(e.tMs).toBeGreaterThanOrEqual(min(20));
      expect(e.tMs).toBeLessThan(min(30));
      expect(e.tMs % 60_000).toBe(0);
      expect(e.job).toBe('etl-0');
      expect(e.detail).toMatch(/^etl-0-exec-\d+: BEMemoryEvict/);
    }
    // Before the step the node was under the threshold; after each round of evictions it is under it again.
    const usage = (t: number) => {
      const s = result.samples.find((x) => x.tMs === t)!;
      return (s.onlineMemory + s.beMemory) / (64 * GIB);
    };
    expect(usage(min(19))).toBeLessThan(0.7);
    expect(usage(min(19))).toBeGreaterThan(0.3); // BE memory was on the node
    for (const t of new Set(evictions.map((e) => e.tMs))) expect(usage(t)).toBeLessThan(0.7);
    expect(job.evictions).toBe(evictions.length);
  });

  it('still completes the application later, with replacement executors', () => {
    expect(job.state).toBe('COMPLETED');
    expect(job.finishMs!).toBeGreaterThan(min(30));
    expect(result.summary.evictions).toBe(evictions.length);
    expect(result.summary.jobsCompleted).toBe(1);
  });
});
