/**
 * Least-squares fit of a power law `y = a · x^b` on log–log axes: the scaling exponent of run time against
 * fleet size.
 * @module
 */

/** A fitted power law `y ≈ coefficient · x^exponent`. */
export interface PowerLawFit {
  /** The exponent `b`: 1 means linear scaling, 2 quadratic. */
  readonly exponent: number;
  /** The coefficient `a` (`y` at `x = 1`). */
  readonly coefficient: number;
  /** Coefficient of determination of the log–log regression (1 for points exactly on a power law). */
  readonly r2: number;
  /** Number of points fitted. */
  readonly points: number;
}

/**
 * Fits `y = a · x^b` by ordinary least squares on `(ln x, ln y)`. With the bench's fleet-size ladder, `x`
 * is nodes and `y` wall-clock seconds per simulated hour, so `exponent` is how run time grows with the fleet.
 *
 * @throws RangeError when fewer than two points are given, the arrays differ in length, a value is not a
 * finite positive number, or every `x` is the same.
 */
export function fitPowerLaw(xs: readonly number[], ys: readonly number[]): PowerLawFit {
  if (xs.length !== ys.length) throw new RangeError(`fitPowerLaw: ${xs.length} x values but ${ys.length} y values`);
  const n = xs.length;
  if (n < 2) throw new RangeError(`fitPowerLaw: needs at least two points, got ${n}`);
  const lx: number[] = [];
  const ly: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (!(Number.isFinite(x) && x > 0 && Number.isFinite(y) && y > 0)) {
      throw new RangeError(`fitPowerLaw: point ${i} (${x}, ${y}) is not a pair of finite positive numbers`);
    }
    lx.push(Math.log(x));
    ly.push(Math.log(y));
  }
  const mx = lx.reduce((s, v) => s + v, 0) / n;
  const my = ly.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = lx[i]! - mx;
    const dy = ly[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw new RangeError('fitPowerLaw: every x is the same; the exponent is undefined');
  const exponent = sxy / sxx;
  const intercept = my - exponent * mx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { exponent, coefficient: Math.exp(intercept), r2, points: n };
}
