import { describe, expect, it } from 'vitest';
import { meanConfidenceInterval } from '../../src/sweep/confidenceInterval.js';

describe('meanConfidenceInterval', () => {
  it('uses the Student t quantile with n − 1 degrees of freedom', () => {
    // mean 3, s = √2.5; t(0.975, 4) = 2.7764451
    const ci = meanConfidenceInterval([1, 2, 3, 4, 5])!;
    expect(ci.n).toBe(5);
    expect(ci.mean).toBe(3);
    expect(ci.halfWidth).toBeCloseTo(2.7764451 * Math.sqrt(2.5 / 5), 6);
    expect(ci.low).toBeCloseTo(3 - ci.halfWidth!, 12);
    expect(ci.high).toBeCloseTo(3 + ci.halfWidth!, 12);
  });

  it.each([
    [2, 12.7062047],
    [3, 4.3026527],
    [11, 2.2281389],
    [31, 2.0422725],
  ])('matches t tables for n = %i', (n, t) => {
    const values: number[] = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0 : 1));
    const ci = meanConfidenceInterval(values)!;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    expect(ci.halfWidth! / (sd / Math.sqrt(n))).toBeCloseTo(t, 5);
  });

  it('has no interval for one value, zero width for equal values, nothing for none', () => {
    expect(meanConfidenceInterval([7])).toEqual({ n: 1, mean: 7, low: 7, high: 7, halfWidth: null });
    expect(meanConfidenceInterval([2, 2, 2])!.halfWidth).toBe(0);
    expect(meanConfidenceInterval([])).toBeNull();
  });

  it('supports other levels and rejects nonsense', () => {
    const wide = meanConfidenceInterval([1, 2, 3, 4], 0.99)!;
    const narrow = meanConfidenceInterval([1, 2, 3, 4], 0.9)!;
    expect(wide.halfWidth!).toBeGreaterThan(narrow.halfWidth!);
    expect(() => meanConfidenceInterval([1, 2], 1)).toThrow('level must be in (0, 1)');
  });
});
