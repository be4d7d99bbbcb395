import { describe, expect, it } from 'vitest';
import { hashNormal, hashStream } from '../../src/load/hashStream.js';
import { DAY_MS, HOUR_MS } from '../../src/load/LoadCurve.js';
import { noiseCurve } from '../../src/load/noise.js';
import { burstsCurve } from '../../src/load/spikes.js';

function moments(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  return { mean, sd };
}

describe('hashStream', () => {
  it('is a pure function of (seed, key, index, salt) with values in [0, 1)', () => {
    const a = hashStream(42, 'node-1');
    const b = hashStream(42, 'node-1');
    const c = hashStream(42, 'node-2');
    for (const i of [0, 1, -1, 2 ** 40, -(2 ** 33)]) {
      expect(a(i)).toBe(b(i));
      expect(a(i)).toBeGreaterThanOrEqual(0);
      expect(a(i)).toBeLessThan(1);
      expect(a(i)).not.toBe(c(i));
      expect(a(i, 1)).not.toBe(a(i, 0));
    }
  });

  it('is close to uniform, and hashNormal close to standard normal', () => {
    const s = hashStream('seed', 'k');
    const u = Array.from({ length: 20_000 }, (_, i) => s(i));
    expect(moments(u).mean).toBeCloseTo(0.5, 2);
    const n = moments(Array.from({ length: 20_000 }, (_, i) => hashNormal(s, i)));
    expect(Math.abs(n.mean)).toBeLessThan(0.03);
    expect(n.sd).toBeGreaterThan(0.97);
    expect(n.sd).toBeLessThan(1.03);
  });
});

describe('noiseCurve', () => {
  const params = { seed: 7, key: 'node-a', stddev: 0.05, correlationMs: 600_000 };

  it('is deterministic for (seed, node, time) and evaluable in any order', () => {
    const n1 = noiseCurve(params);
    const n2 = noiseCurve(params);
    const times = [5 * DAY_MS, 17, 3 * HOUR_MS + 1, 17];
    expect(times.map(n1)).toEqual(times.map(n2));
    expect(noiseCurve({ ...params, key: 'node-b' })(17)).not.toBe(n1(17));
    expect(noiseCurve({ ...params, seed: 8 })(17)).not.toBe(n1(17));
  });

  it('has zero mean and the requested spread, also between lattice points', () => {
    const n = noiseCurve(params);
    const onLattice = moments(Array.from({ length: 5_000 }, (_, i) => n(i * 600_000)));
    const between = moments(Array.from({ length: 5_000 }, (_, i) => n(i * 600_000 + 300_000)));
    for (const m of [onLattice, between]) {
      expect(Math.abs(m.mean)).toBeLessThan(0.004);
      expect(m.sd).toBeGreaterThan(0.046);
      expect(m.sd).toBeLessThan(0.054);
    }
  });

  it('is continuous: a second apart differs by far less than the spread', () => {
    const n = noiseCurve(params);
    for (let t = 0; t < DAY_MS; t += 3_333_331) expect(Math.abs(n(t + 1_000) - n(t))).toBeLessThan(0.01);
  });

  it('is zero with zero spread', () => {
    expect(noiseCurve({ ...params, stddev: 0 })(123)).toBe(0);
  });
});

describe('burstsCurve', () => {
  it('bursts about durationMs / meanIntervalMs of the time, with the given height', () => {
    const b = burstsCurve({ seed: 1, key: 'n', meanIntervalMs: 6 * HOUR_MS, durationMs: 10 * 60_000, height: 0.2 });
    let on = 0;
    const samples = 200_000;
    for (let i = 0; i < samples; i++) {
      const v = b(i * 60_000);
      if (v !== 0) {
        expect(v).toBe(0.2);
        on++;
      }
    }
    expect(on / samples).toBeGreaterThan((10 / 360) * 0.85);
    expect(on / samples).toBeLessThan((10 / 360) * 1.15);
  });

  it('keeps heights within the jitter band', () => {
    const b = burstsCurve({
      seed: 2,
      key: 'n',
      meanIntervalMs: 1_000,
      durationMs: 1_000,
      height: 0.2,
      heightJitter: 0.5,
    });
    for (let t = 0; t < 100_000; t += 1_000) {
      expect(b(t)).toBeGreaterThanOrEqual(0.1);
      expect(b(t)).toBeLessThanOrEqual(0.3);
    }
  });
});
