import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitPowerLaw } from '../src/fit.js';

describe('fitPowerLaw', () => {
  it('recovers the exponent and coefficient of an exact power law', () => {
    const xs = [1000, 10_000, 50_000];
    const fit = fitPowerLaw(
      xs,
      xs.map((x) => 0.003 * x ** 1.25),
    );
    expect(fit.exponent).toBeCloseTo(1.25, 10);
    expect(fit.coefficient).toBeCloseTo(0.003, 10);
    expect(fit.r2).toBeCloseTo(1, 12);
    expect(fit.points).toBe(3);
  });

  it('is the least-squares slope on log–log axes for noisy points', () => {
    // ln y = 0, 1, 3 at ln x = 0, 1, 2: slope 1.5, intercept −1/6.
    const fit = fitPowerLaw([1, Math.E, Math.E ** 2], [1, Math.E, Math.E ** 3]);
    expect(fit.exponent).toBeCloseTo(1.5, 12);
    expect(Math.log(fit.coefficient)).toBeCloseTo(-1 / 6, 12);
    expect(fit.r2).toBeLessThan(1);
  });

  it('any exact power law is recovered', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (b, a) => {
          const xs = [2, 20, 200, 2000];
          expect(
            fitPowerLaw(
              xs,
              xs.map((x) => a * x ** b),
            ).exponent,
          ).toBeCloseTo(b, 8);
        },
      ),
    );
  });

  it('rejects too few points, mismatched lengths, non-positive values and a single x', () => {
    expect(() => fitPowerLaw([1], [1])).toThrow(RangeError);
    expect(() => fitPowerLaw([1, 2], [1])).toThrow(RangeError);
    expect(() => fitPowerLaw([1, 2], [1, 0])).toThrow(RangeError);
    expect(() => fitPowerLaw([1, -2], [1, 2])).toThrow(RangeError);
    expect(() => fitPowerLaw([3, 3], [1, 2])).toThrow(/every x is the same/);
  });
});
