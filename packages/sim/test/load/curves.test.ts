import { describe, expect, it } from 'vitest';
import { capacityUsageCurve, usageAt } from '../../src/load/capacityUsage.js';
import { clampCurve, productCurves, scaleCurve, shiftCurve, sumCurves } from '../../src/load/compose.js';
import { diurnalCurve } from '../../src/load/diurnal.js';
import { constantCurve, DAY_MS, HOUR_MS } from '../../src/load/LoadCurve.js';
import { spikesCurve } from '../../src/load/spikes.js';
import { stepsCurve } from '../../src/load/steps.js';
import { weeklyCurve } from '../../src/load/weekly.js';

describe('diurnalCurve', () => {
  const curve = diurnalCurve({ mean: 0.4, amplitude: 0.15 });

  it('peaks at 14:00 and bottoms out at 02:00 by default', () => {
    expect(curve(14 * HOUR_MS)).toBeCloseTo(0.55, 12);
    expect(curve(2 * HOUR_MS)).toBeCloseTo(0.25, 12);
    expect(curve(8 * HOUR_MS)).toBeCloseTo(0.4, 12);
    expect(curve(14 * HOUR_MS + 3 * DAY_MS)).toBeCloseTo(0.55, 12);
  });

  it('moves the peak with the member’s time zone: 8 h ahead peaks at 06:00 simulation time', () => {
    const east = diurnalCurve({ mean: 0.4, amplitude: 0.15, timeZoneOffsetMs: 8 * HOUR_MS });
    expect(east(6 * HOUR_MS)).toBeCloseTo(0.55, 12);
    expect(east(-18 * HOUR_MS)).toBeCloseTo(0.55, 12);
  });

  it('honours a custom period and peak', () => {
    const c = diurnalCurve({ mean: 0.5, amplitude: 0.5, periodMs: 1_000, peakAtMs: 250 });
    expect(c(250)).toBeCloseTo(1, 12);
    expect(c(750)).toBeCloseTo(0, 12);
  });
});

describe('weeklyCurve', () => {
  const factors = [1, 1, 1, 1, 1, 0.7, 0.6];

  it('steps through the seven factors at local midnight and wraps', () => {
    const w = weeklyCurve({ factors });
    expect(w(0)).toBe(1);
    expect(w(5 * DAY_MS)).toBe(0.7);
    expect(w(6 * DAY_MS + DAY_MS - 1)).toBe(0.6);
    expect(w(7 * DAY_MS)).toBe(1);
    expect(w(-1)).toBe(0.6);
  });

  it('changes day at the member’s midnight', () => {
    const w = weeklyCurve({ factors, timeZoneOffsetMs: 2 * HOUR_MS });
    expect(w(5 * DAY_MS - 2 * HOUR_MS)).toBe(0.7);
  });

  it('rejects anything but seven factors', () => {
    expect(() => weeklyCurve({ factors: [1, 2] })).toThrow(RangeError);
  });
});

describe('steps and spikes', () => {
  it('adds a sale-day step over its window and a spike over its duration', () => {
    const steps = stepsCurve([
      { atMs: 100, delta: 0.2, untilMs: 200 },
      { atMs: 150, delta: -0.05 },
    ]);
    expect([steps(99), steps(100), steps(150), steps(200)].map((v) => Math.round(v * 100))).toEqual([0, 20, 15, -5]);
    const spikes = spikesCurve([{ atMs: 10, durationMs: 5, height: 0.3 }]);
    expect([spikes(9), spikes(10), spikes(14), spikes(15)]).toEqual([0, 0.3, 0.3, 0]);
  });
});

describe('composition', () => {
  it('sums, multiplies, scales, shifts and clamps', () => {
    const a = constantCurve(0.6);
    const b = (t: number) => t / 1_000;
    expect(sumCurves(a, b)(200)).toBeCloseTo(0.8, 12);
    expect(productCurves(a, b)(500)).toBeCloseTo(0.3, 12);
    expect(scaleCurve(b, 2)(100)).toBeCloseTo(0.2, 12);
    expect(shiftCurve(b, 100)(0)).toBeCloseTo(0.1, 12);
    expect(sumCurves()(5)).toBe(0);
    expect(productCurves()(5)).toBe(1);
    const clamped = clampCurve(sumCurves(a, b));
    expect([clamped(-1_000), clamped(100), clamped(900)]).toEqual([0, 0.7, 1]);
    expect(clampCurve(() => Number.NaN)(0)).toBe(0);
  });
});

describe('usageAt', () => {
  it('turns a fraction into integer millicores or bytes, truncating', () => {
    expect(usageAt(constantCurve(0.4), 0, 96_000)).toBe(38_400);
    expect(usageAt(constantCurve(1 / 3), 0, 1_000)).toBe(333);
    expect(usageAt(constantCurve(1.2), 0, 1_000)).toBe(1_000);
    expect(capacityUsageCurve(constantCurve(0.5), 2 ** 37)(0)).toBe(2 ** 36);
  });
});
