import { describe, expect, it } from 'vitest';
import { empiricalSampler } from '../../src/engine/empiricalSampler.js';
import type { RandomSource } from '../../src/engine/RandomSource.js';
import { RandomStream } from '../../src/engine/RandomStream.js';
import { sampleExponential } from '../../src/engine/sampleExponential.js';
import { sampleLognormal } from '../../src/engine/sampleLognormal.js';
import { sampleNormal } from '../../src/engine/sampleNormal.js';
import { sampleUniform } from '../../src/engine/sampleUniform.js';

/** A source that replays fixed numbers, for hand-computed cases. */
function fixed(...values: number[]): RandomSource {
  let i = 0;
  return () => {
    if (i >= values.length) throw new Error('fixed source exhausted');
    return values[i++]!;
  };
}

function stats(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

const N = 40_000;
const many = (f: (source: RandomSource) => number, seed: string): number[] => {
  const s = new RandomStream(seed);
  return Array.from({ length: N }, () => f(s.next));
};

describe('sampleUniform', () => {
  it('maps u to lo + (hi − lo)·u', () => {
    expect(sampleUniform(fixed(0), 10, 20)).toBe(10);
    expect(sampleUniform(fixed(0.25), 10, 20)).toBe(12.5);
    expect(sampleUniform(fixed(0.5), -1, 1)).toBe(0);
    expect(sampleUniform(fixed(0.7), 3, 3)).toBe(3);
  });

  it('stays in [lo, hi) with the right mean', () => {
    const xs = many((s) => sampleUniform(s, 100, 200), 'uniform');
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...xs)).toBeLessThan(200);
    expect(stats(xs).mean).toBeCloseTo(150, 0);
  });

  it('rejects bad bounds', () => {
    expect(() => sampleUniform(fixed(0.5), 2, 1)).toThrow(RangeError);
    expect(() => sampleUniform(fixed(0.5), 0, Number.NaN)).toThrow(RangeError);
  });
});

describe('sampleExponential', () => {
  it('inverts the CDF: u = 1 − e^(−rate·x)', () => {
    expect(sampleExponential(fixed(0), 2)).toBe(0);
    expect(sampleExponential(fixed(0.5), 2)).toBeCloseTo(Math.LN2 / 2, 12);
    expect(sampleExponential(fixed(1 - Math.exp(-3)), 1)).toBeCloseTo(3, 10);
  });

  it('stays finite at the top of the unit interval', () => {
    expect(Number.isFinite(sampleExponential(fixed(1 - 2 ** -53), 1))).toBe(true);
  });

  it('has mean and standard deviation 1/rate', () => {
    // e.g. one Spark job every 30 s: rate 1/30000 per ms.
    const { mean, sd } = stats(many((s) => sampleExponential(s, 1 / 30_000), 'exp'));
    expect(Math.abs(mean - 30_000) / 30_000).toBeLessThan(0.03);
    expect(Math.abs(sd - 30_000) / 30_000).toBeLessThan(0.05);
  });

  it('rejects a rate that is not positive and finite', () => {
    for (const rate of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => sampleExponential(fixed(0.5), rate)).toThrow(RangeError);
    }
  });
});

describe('sampleNormal', () => {
  it('follows Box–Muller on its two draws', () => {
    expect(sampleNormal(fixed(0, 0))).toBe(0); // u1 = 1: radius 0
    // u1 = e^−2 gives radius 2; u2 = 0 gives cos 0 = 1.
    expect(sampleNormal(fixed(1 - Math.exp(-2), 0), 10, 3)).toBeCloseTo(16, 6);
    expect(sampleNormal(fixed(1 - Math.exp(-2), 0.5), 10, 3)).toBeCloseTo(4, 6);
  });

  it('takes exactly two draws per sample and keeps no spare between calls', () => {
    let calls = 0;
    const counting: RandomSource = () => {
      calls++;
      return 0.3;
    };
    sampleNormal(counting);
    sampleNormal(counting);
    expect(calls).toBe(4);
  });

  it('has the requested mean and standard deviation', () => {
    const { mean, sd } = stats(many((s) => sampleNormal(s, 50, 5), 'normal'));
    expect(Math.abs(mean - 50)).toBeLessThan(0.1);
    expect(Math.abs(sd - 5)).toBeLessThan(0.1);
  });

  it('is constant when sd is 0, and rejects negative or non-finite parameters', () => {
    expect(sampleNormal(fixed(0.3, 0.6), 7, 0)).toBe(7);
    expect(() => sampleNormal(fixed(0.3, 0.6), 0, -1)).toThrow(RangeError);
    expect(() => sampleNormal(fixed(0.3, 0.6), Number.NaN, 1)).toThrow(RangeError);
  });
});

describe('sampleLognormal', () => {
  it('is e to the normal draw', () => {
    expect(sampleLognormal(fixed(0, 0), Math.log(120), 1)).toBeCloseTo(120, 9);
    expect(sampleLognormal(fixed(1 - Math.exp(-2), 0), 0, 0.5)).toBeCloseTo(Math.E, 9);
  });

  it('has median e^mu and mean e^(mu + sigma²/2)', () => {
    const mu = Math.log(60_000); // a one-minute median task
    const sigma = 0.5;
    const xs = many((s) => sampleLognormal(s, mu, sigma), 'lognormal').sort((a, b) => a - b);
    expect(Math.abs(xs[N / 2]! - 60_000) / 60_000).toBeLessThan(0.03);
    expect(Math.abs(stats(xs).mean - Math.exp(mu + sigma ** 2 / 2)) / 60_000).toBeLessThan(0.03);
    expect(xs[0]!).toBeGreaterThan(0);
  });

  it('rejects a negative sigma', () => {
    expect(() => sampleLognormal(fixed(0.3, 0.6), 0, -0.1)).toThrow(RangeError);
  });
});

describe('empiricalSampler', () => {
  it('picks by cumulative weight', () => {
    const pick = empiricalSampler(['small', 'medium', 'large'], [1, 2, 1]);
    expect(pick(fixed(0))).toBe('small');
    expect(pick(fixed(0.2499))).toBe('small');
    expect(pick(fixed(0.25))).toBe('medium');
    expect(pick(fixed(0.7499))).toBe('medium');
    expect(pick(fixed(0.75))).toBe('large');
    expect(pick(fixed(1 - 2 ** -53))).toBe('large');
  });

  it('weighs observations equally without weights (resampling a trace)', () => {
    const pick = empiricalSampler([30, 60, 90, 120]);
    expect([0, 0.3, 0.6, 0.9].map((u) => pick(fixed(u)))).toEqual([30, 60, 90, 120]);
  });

  it('never draws a zero weight, even at the ends of the unit interval', () => {
    const pick = empiricalSampler(['never', 'a', 'never-either', 'b', 'nope'], [0, 1, 0, 1, 0]);
    const s = new RandomStream('empirical-zero');
    for (let i = 0; i < 5_000; i++) expect(['a', 'b']).toContain(pick(s.next));
    expect(pick(fixed(0))).toBe('a');
    expect(pick(fixed(0.5))).toBe('b');
    // A source returning 1 (outside [0, 1)) still lands on a drawable value.
    expect(pick(() => 1)).toBe('b');
  });

  it('matches the weights in frequency', () => {
    const pick = empiricalSampler([1, 2, 3], [0.2, 0.5, 0.3]);
    const s = new RandomStream('empirical-freq');
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) counts[pick(s.next)]!++;
    expect(counts[1]! / N).toBeCloseTo(0.2, 1);
    expect(counts[2]! / N).toBeCloseTo(0.5, 1);
    expect(counts[3]! / N).toBeCloseTo(0.3, 1);
  });

  it('copies its inputs, so later edits do not change the distribution', () => {
    const values = ['x', 'y'];
    const pick = empiricalSampler(values, [1, 1]);
    values[0] = 'mutated';
    expect(pick(fixed(0))).toBe('x');
  });

  it('rejects empty or inconsistent tables', () => {
    expect(() => empiricalSampler([])).toThrow(RangeError);
    expect(() => empiricalSampler([1, 2], [1])).toThrow(RangeError);
    expect(() => empiricalSampler([1, 2], [1, -1])).toThrow(RangeError);
    expect(() => empiricalSampler([1, 2], [0, 0])).toThrow(RangeError);
    expect(() => empiricalSampler([1], [Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});
