import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchMeans, iqr, mean, median, quantile, quantileSorted, spread, standardError } from '../src/stats.js';

describe('quantiles', () => {
  it('interpolates linearly between ranks (type 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([10], 0.99)).toBe(10);
    expect(quantile([4, 1, 3, 2], 0)).toBe(1);
    expect(quantile([4, 1, 3, 2], 1)).toBe(4);
  });

  it('median of odd and even counts, NaN when empty', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('IQR and spread', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(iqr(xs)).toBe(4);
    expect(spread(xs)).toEqual({ n: 9, min: 1, p25: 3, median: 5, p75: 7, max: 9, iqr: 4 });
    expect(spread([]).n).toBe(0);
  });

  it('rejects q outside [0, 1]', () => {
    expect(() => quantileSorted([1], 1.5)).toThrow(RangeError);
    expect(() => quantileSorted([1], Number.NaN)).toThrow(RangeError);
  });

  it('quantiles are monotone in q and bounded by min and max', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const s = spread(xs);
          const qa = quantile(xs, lo);
          const qb = quantile(xs, hi);
          expect(qa).toBeLessThanOrEqual(qb + 1e-9);
          expect(qa).toBeGreaterThanOrEqual(s.min - 1e-9);
          expect(qb).toBeLessThanOrEqual(s.max + 1e-9);
        },
      ),
    );
  });
});

describe('batch means and standard error', () => {
  it('splits into consecutive batches, the remainder joining the last', () => {
    expect(batchMeans([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([1.5, 3.5, 6]);
    expect(batchMeans([2, 2], 1)).toEqual([2]);
    expect(() => batchMeans([1], 2)).toThrow(RangeError);
  });

  it('the mean of equal-size batch means is the overall mean', () => {
    const xs = Array.from({ length: 100 }, (_, i) => (i * 37) % 11);
    expect(mean(batchMeans(xs, 10))).toBeCloseTo(mean(xs), 12);
  });

  it('standard error = sd / √n', () => {
    expect(standardError([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3) / 2, 12);
    expect(standardError([1])).toBeNaN();
  });
});
