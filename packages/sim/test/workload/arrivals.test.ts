import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/RandomStream.js';
import { batchPoissonArrivals, mmppArrivals } from '../../src/workload/burstyArrivals.js';
import { fixedArrivals } from '../../src/workload/fixedArrivals.js';
import { poissonArrivals } from '../../src/workload/poissonArrivals.js';

const HOUR = 3_600_000;
const source = (seed: string) => new RandomStream(seed).next;

describe('poissonArrivals', () => {
  it('averages ratePerHour arrivals per hour with exponential gaps, integer and sorted, inside the window', () => {
    const times = poissonArrivals({ ratePerHour: 30, startMs: HOUR, endMs: 201 * HOUR }, source('p'));
    expect(times.length).toBeGreaterThan(6_000 * 0.95);
    expect(times.length).toBeLessThan(6_000 * 1.05);
    expect(
      times.every((t, i) => Number.isInteger(t) && t >= HOUR && t < 201 * HOUR && (i === 0 || t >= times[i - 1]!)),
    ).toBe(true);
    // exponential gaps: coefficient of variation ≈ 1
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length);
    expect(mean).toBeGreaterThan((HOUR / 30) * 0.95);
    expect(sd / mean).toBeGreaterThan(0.93);
    expect(sd / mean).toBeLessThan(1.07);
  });

  it('is reproducible from the seed and respects maxCount', () => {
    const a = poissonArrivals({ ratePerHour: 5, endMs: 10 * HOUR }, source('s'));
    expect(poissonArrivals({ ratePerHour: 5, endMs: 10 * HOUR }, source('s'))).toEqual(a);
    expect(poissonArrivals({ ratePerHour: 5, endMs: 10 * HOUR, maxCount: 3 }, source('s'))).toEqual(a.slice(0, 3));
  });
});

describe('batchPoissonArrivals', () => {
  it('brings bursts of burstSize() jobs at the burst time', () => {
    const times = batchPoissonArrivals({ ratePerHour: 2, endMs: 100 * HOUR, burstSize: () => 4 }, source('b'));
    expect(times.length % 4).toBe(0);
    for (let i = 0; i < times.length; i += 4) expect(new Set(times.slice(i, i + 4)).size).toBe(1);
    expect(times.length / 4).toBeGreaterThan(150);
    expect(times.length / 4).toBeLessThan(250);
  });

  it('spreads a burst over spreadMs and stays sorted and in the window', () => {
    const times = batchPoissonArrivals(
      { ratePerHour: 1, endMs: 50 * HOUR, burstSize: () => 10, spreadMs: 60_000, maxCount: 200 },
      source('c'),
    );
    expect(times.length).toBeLessThanOrEqual(200);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times.every((t) => t < 50 * HOUR)).toBe(true);
  });
});

describe('mmppArrivals', () => {
  it('alternates quiet and busy periods: the long-run rate is the dwell-weighted mean, with more variance than Poisson', () => {
    const params = {
      ratesPerHour: [2, 40] as const,
      meanDwellMs: [3 * HOUR, HOUR] as const,
      endMs: 2_000 * HOUR,
    };
    const times = mmppArrivals(params, source('m'));
    const expected = ((2 * 3 + 40 * 1) / 4) * 2_000; // 11.5 per hour
    expect(times.length).toBeGreaterThan(expected * 0.85);
    expect(times.length).toBeLessThan(expected * 1.15);
    const perHour = new Array(2_000).fill(0);
    for (const t of times) perHour[Math.floor(t / HOUR)]++;
    const mean = perHour.reduce((s, c) => s + c, 0) / perHour.length;
    const variance = perHour.reduce((s, c) => s + (c - mean) ** 2, 0) / perHour.length;
    expect(variance / mean).toBeGreaterThan(3); // a Poisson process has variance/mean = 1
  });
});

describe('fixedArrivals', () => {
  it('sorts the given times and rejects bad ones', () => {
    expect(fixedArrivals([5_000, 0, 1_000])).toEqual([0, 1_000, 5_000]);
    expect(() => fixedArrivals([1.5])).toThrow(RangeError);
    expect(() => fixedArrivals([-1])).toThrow(RangeError);
  });
});
