import { describe, expect, it } from 'vitest';
import type { MemberSample } from '../../src/metrics/SimulationResult.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { scenarioOf, simulate, sparkApp } from './helpers.js';

// The seeds' setup: two members (cluster-a on 1.28, cluster-b on 1.26 eight hours ahead), each running
// online services with a daily cycle, and a stream of colocated Spark applications (BE pods on batch
// resources). Nodes are identical and noise-free so koordlet's per-node ceiling can be computed from a
// member's totals.

const NODES = 4;
const CORES = 32;
const HOUR = 3_600_000;
const pool = {
  name: 'pool',
  count: NODES,
  capacity: { cpu: String(CORES), memory: '128Gi', pods: 110 },
  reserved: { cpu: '1', memory: '4Gi' },
  online: {
    podsPerNode: 4,
    requests: { cpu: '20', memory: '64Gi' },
    // A half-hour surge in the morning ramp (a flash sale) drops koordlet's ceiling under BE demand.
    cpu: {
      diurnal: { mean: 0.4, amplitude: 0.3, peakAt: '14h' },
      spikes: [{ at: '9h', duration: '30m', height: 0.2 }],
    },
    memory: { constant: 0.45 },
  },
};
const input: ScenarioInput = {
  name: 'seed-fleet-day',
  seed: 3,
  duration: '24h',
  sampleInterval: '10m',
  fleet: {
    members: [
      { name: 'cluster-a', kubernetesVersion: '1.28', nodePools: [pool] },
      { name: 'cluster-b', kubernetesVersion: '1.26', timeZoneOffset: '8h', nodePools: [pool] },
    ],
  },
  workloads: [
    {
      name: 'pi',
      application: 'pi',
      arrival: { type: 'poisson', ratePerHour: 12 },
      executors: { uniform: [2, 8] },
      workCoreSeconds: { lognormal: { median: 2400, sigma: 0.5 } },
    },
  ],
};
const offsetHours: Record<string, number> = { 'cluster-a': 0, 'cluster-b': 8 };

/** Local hour of day of a sample in its member's clock. */
const localHour = (s: MemberSample): number => (s.tMs / HOUR + offsetHours[s.member]!) % 24;
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * koordlet's BE CPU ceiling on one node (cpuset policy, the default): capacity × 65% − online pods' usage −
 * max(system usage, kubelet reservation), rounded up to whole CPUs, at least 2, at most the node's CPUs.
 */
function nodeCeiling(onlinePerNode: number): number {
  const threshold = Math.trunc((CORES * 1000 * 65) / 100);
  const reserved = 1000;
  const cpus = Math.max(Math.ceil((threshold - onlinePerNode - reserved) / 1000), 2);
  return Math.min(cpus, CORES) * 1000;
}

describe('a day of diurnal load on the seeds’ two-member fleet', async () => {
  const result = await simulate(scenarioOf(input, { pi: sparkApp('pi') }));

  for (const member of ['cluster-a', 'cluster-b']) {
    const samples = result.samples.filter((s) => s.member === member);
    const night = samples.filter((s) => localHour(s) >= 0 && localHour(s) < 6);
    const peak = samples.filter((s) => localHour(s) >= 12 && localHour(s) < 16);

    it(`${member}: Spark work flows into the night-time idle capacity`, () => {
      expect(night.length).toBeGreaterThan(0);
      expect(peak.length).toBeGreaterThan(0);
      expect(mean(night.map((s) => s.idleCpu))).toBeGreaterThan(mean(peak.map((s) => s.idleCpu)));
      expect(mean(night.map((s) => s.beCpu))).toBeGreaterThan(mean(peak.map((s) => s.beCpu)));
    });

    it(`${member}: batch allocatable falls as online usage rises`, () => {
      const byOnline = [...samples].sort((a, b) => a.onlineCpu - b.onlineCpu);
      const quarter = Math.floor(byOnline.length / 4);
      const low = byOnline.slice(0, quarter);
      const high = byOnline.slice(-quarter);
      expect(mean(high.map((s) => s.batchAllocatableCpu))).toBeLessThan(mean(low.map((s) => s.batchAllocatableCpu)));
      // At the daily peak (70% of capacity online, above the 60% reclaim line) nothing is left to publish.
      expect(Math.min(...peak.map((s) => s.batchAllocatableCpu))).toBe(0);
    });

    it(`${member}: BE CPU never exceeds koordlet's ceiling at a load tick`, () => {
      for (const s of samples) {
        // Samples are taken after the load tick of their millisecond, when koordlet has just enforced.
        expect(s.tMs % 60_000).toBe(0);
        expect(s.beCpu).toBeLessThanOrEqual(NODES * nodeCeiling(s.onlineCpu / NODES));
      }
    });
  }

  it('throttles BE when online usage surges, and keeps harvesting over the day', () => {
    // The surge lowers koordlet's ceiling (to its 2-CPU floor) under BE demand admitted before it.
    expect(result.summary.throttledNodeMs).toBeGreaterThan(0);
    expect(result.summary.maxThrottleDepthCpu).toBeGreaterThan(0);
    expect(result.summary.jobsCompleted).toBeGreaterThan(100);
  });
});
