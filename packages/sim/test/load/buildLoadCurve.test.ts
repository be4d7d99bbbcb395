import { describe, expect, it } from 'vitest';
import { buildLoadCurve } from '../../src/load/buildLoadCurve.js';
import { DAY_MS, HOUR_MS } from '../../src/load/LoadCurve.js';
import { noiseCurve } from '../../src/load/noise.js';

describe('buildLoadCurve', () => {
  it('is (constant + diurnal + trace) × weekly + steps + spikes, clamped — worked by hand', () => {
    const curve = buildLoadCurve(
      {
        constant: 0.1,
        diurnal: { mean: 0.3, amplitude: 0.1 },
        weekly: [1, 1, 1, 1, 1, 0.5, 0.5],
        steps: [{ atMs: 5 * DAY_MS, delta: 0.05 }],
        spikes: [{ atMs: 5 * DAY_MS + 14 * HOUR_MS, durationMs: HOUR_MS, height: 0.2 }],
        trace: () => 0.02,
      },
      { seed: 1, key: 'n1' },
    );
    // day 0, 14:00: (0.1 + 0.4 + 0.02) × 1
    expect(curve(14 * HOUR_MS)).toBeCloseTo(0.52, 12);
    // day 5 (weekend), 02:00: (0.1 + 0.2 + 0.02) × 0.5 + 0.05
    expect(curve(5 * DAY_MS + 2 * HOUR_MS)).toBeCloseTo(0.21, 12);
    // day 5, 14:00 with the spike: (0.52) × 0.5 + 0.05 + 0.2
    expect(curve(5 * DAY_MS + 14 * HOUR_MS)).toBeCloseTo(0.51, 12);
  });

  it('clamps to [0, 1] and shifts the daily cycle with the time zone', () => {
    const hot = buildLoadCurve({ constant: 0.9, steps: [{ atMs: 0, delta: 0.5 }] }, { seed: 1, key: 'n' });
    expect(hot(0)).toBe(1);
    const curve = buildLoadCurve(
      { diurnal: { mean: 0.4, amplitude: 0.2 } },
      { seed: 1, key: 'n', timeZoneOffsetMs: 8 * HOUR_MS },
    );
    expect(curve(6 * HOUR_MS)).toBeCloseTo(0.6, 12);
  });

  it('adds the seeded noise of its own key', () => {
    const params = { constant: 0.5, noise: { stddev: 0.05, correlationMs: 60_000 } };
    const a = buildLoadCurve(params, { seed: 3, key: 'node-a' });
    const noise = noiseCurve({ seed: 3, key: 'node-a', stddev: 0.05, correlationMs: 60_000 });
    for (const t of [0, 12_345, 7 * HOUR_MS]) expect(a(t)).toBeCloseTo(0.5 + noise(t), 12);
    expect(buildLoadCurve(params, { seed: 3, key: 'node-b' })(12_345)).not.toBe(a(12_345));
  });
});
