import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/RandomStream.js';
import { normalCdf, normalQuantile } from '../../src/virtual/normal.js';
import { DEFAULT_ECI_PRICES, eciPodCost } from '../../src/virtual/pricing.js';
import {
  ECI_DRIVER_STARTUP,
  ECI_EXECUTOR_STARTUP,
  ECI_EXECUTOR_STARTUP_EMPIRICAL,
  fitShiftedLognormal,
  REGULAR_NODE_STARTUP,
  sampleStartupLatencyMs,
  startupLatencyCdf,
  startupLatencyFor,
} from '../../src/virtual/startupLatency.js';
import {
  DEFAULT_VIRTUAL_NODE_CAPACITY,
  isVirtualKubeletNode,
  virtualKubeletNode,
} from '../../src/virtual/virtualNode.js';

const draws = (latency: Parameters<typeof sampleStartupLatencyMs>[0], n: number, seed: string): number[] => {
  const source = new RandomStream(seed).next;
  return Array.from({ length: n }, () => sampleStartupLatencyMs(latency, source));
};
const share = (xs: readonly number[], limit: number) => xs.filter((x) => x <= limit).length / xs.length;

describe('virtualKubeletNode', () => {
  it('carries the virtual-kubelet taint and label and elastic capacity', () => {
    const node = virtualKubeletNode({ name: 'vk-a', labels: { zone: 'a' } });
    expect(node).toMatchObject({
      name: 'vk-a',
      labels: { zone: 'a', type: 'virtual-kubelet' },
      taints: [{ key: 'virtual-kubelet.io/provider', value: 'alibabacloud', effect: 'NoSchedule' }],
      allocatable: DEFAULT_VIRTUAL_NODE_CAPACITY,
      virtual: true,
    });
    expect(DEFAULT_VIRTUAL_NODE_CAPACITY).toEqual({ cpu: 10_000_000, memory: 40 * 1024 ** 4, pods: 10_000 });
    expect(isVirtualKubeletNode(node)).toBe(true);
    const plain = { virtual: false, taints: [], labels: {} };
    expect(isVirtualKubeletNode(plain)).toBe(false);
    expect(isVirtualKubeletNode({ ...plain, labels: { type: 'virtual-kubelet' } })).toBe(true);
    expect(
      isVirtualKubeletNode({
        ...plain,
        taints: [{ key: 'virtual-kubelet.io/provider', effect: 'NoExecute' as const }],
      }),
    ).toBe(true);
  });
});

describe('normal helpers', () => {
  it('Φ and Φ⁻¹ agree with tabulated values and invert each other', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalQuantile(0.93)).toBeCloseTo(1.475791, 5);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    for (const p of [0.01, 0.3, 0.7, 0.99]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('ECI start-up latency (seed: 93 of 100 executors within 20 s, all within 30 s)', () => {
  it('the fitted executor distribution hits the seed’s quantiles', () => {
    expect(startupLatencyCdf(ECI_EXECUTOR_STARTUP, 20_000)).toBeCloseTo(0.93, 5);
    expect(startupLatencyCdf(ECI_EXECUTOR_STARTUP, 30_000)).toBeCloseTo(0.999, 5);
    expect(startupLatencyCdf(ECI_EXECUTOR_STARTUP, 5_000)).toBe(0);
    expect(ECI_EXECUTOR_STARTUP.sigma).toBeCloseTo(0.3164, 3);
    expect(ECI_EXECUTOR_STARTUP.shiftMs + ECI_EXECUTOR_STARTUP.medianExcessMs).toBeCloseTo(14_404, -1);
  });

  it('10,000 seeded draws: P(≤ 20 s) ≈ 0.93, P(≤ 30 s) ≈ 1.0, reproducible', () => {
    const xs = draws(ECI_EXECUTOR_STARTUP, 10_000, 'eci');
    expect(share(xs, 20_000)).toBeGreaterThan(0.92);
    expect(share(xs, 20_000)).toBeLessThan(0.94);
    expect(share(xs, 30_000)).toBeGreaterThan(0.995);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(5_000);
    expect(xs.every(Number.isInteger)).toBe(true);
    expect(draws(ECI_EXECUTOR_STARTUP, 100, 'eci')).toEqual(xs.slice(0, 100));
  });

  it('the empirical alternative gives the same quantiles with nothing past 30 s', () => {
    const xs = draws(ECI_EXECUTOR_STARTUP_EMPIRICAL, 10_000, 'emp');
    expect(share(xs, 20_000)).toBeGreaterThan(0.92);
    expect(share(xs, 20_000)).toBeLessThan(0.94);
    expect(Math.max(...xs)).toBeLessThanOrEqual(30_000);
    expect(startupLatencyCdf(ECI_EXECUTOR_STARTUP_EMPIRICAL, 12_500)).toBeCloseTo(0.465, 12);
  });

  it('a driver takes ~20 s on ECI and 2 s on a regular node', () => {
    const xs = draws(ECI_DRIVER_STARTUP, 10_000, 'drv').sort((a, b) => a - b);
    const median = xs[5_000]!;
    expect(median).toBeGreaterThan(19_000);
    expect(median).toBeLessThan(21_000);
    expect(startupLatencyFor('driver', true)).toBe(ECI_DRIVER_STARTUP);
    expect(startupLatencyFor('executor', true)).toBe(ECI_EXECUTOR_STARTUP);
    expect(startupLatencyFor('driver', false)).toBe(REGULAR_NODE_STARTUP);
    expect(sampleStartupLatencyMs(REGULAR_NODE_STARTUP, () => 0.5)).toBe(2_000);
  });

  it('fitShiftedLognormal rejects impossible quantiles', () => {
    expect(() => fitShiftedLognormal(20_000, { ms: 10_000, p: 0.5 }, { ms: 30_000, p: 0.9 })).toThrow(RangeError);
  });
});

describe('eciPodCost', () => {
  it('bills (vCPU × price + GiB × price) per started second', () => {
    // 1 vCPU, 1 GiB for one hour: 0.1764 + 0.022068
    expect(eciPodCost({ cpuMilli: 1_000, memoryBytes: 1024 ** 3 }, 3_600_000)).toBeCloseTo(0.176_4 + 0.022_068, 9);
    // 100 executors of the seed (1 vCPU, 1 GiB) for 145 s
    expect(100 * eciPodCost({ cpuMilli: 1_000, memoryBytes: 1024 ** 3 }, 145_000)).toBeCloseTo(
      100 * 145 * 0.000_055_13,
      9,
    );
    // partial seconds round up
    expect(eciPodCost({ cpuMilli: 2_000, memoryBytes: 0 }, 1, { perVcpuSecond: 1, perGiBSecond: 0 })).toBe(2);
    expect(DEFAULT_ECI_PRICES.perVcpuSecond).toBe(0.000049);
  });
});
