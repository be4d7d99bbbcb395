import type { LoadCurve } from './LoadCurve.js';

/** Point-wise sum of `curves` (0 for none). */
export function sumCurves(...curves: readonly LoadCurve[]): LoadCurve {
  const list = [...curves];
  return (t) => {
    let sum = 0;
    for (const c of list) sum += c(t);
    return sum;
  };
}

/** Point-wise product of `curves` (1 for none): a level times a weekly shape, say. */
export function productCurves(...curves: readonly LoadCurve[]): LoadCurve {
  const list = [...curves];
  return (t) => {
    let product = 1;
    for (const c of list) product *= c(t);
    return product;
  };
}

/** `curve` limited to `[min, max]` (default [0, 1], a valid utilisation); NaN becomes `min`. */
export function clampCurve(curve: LoadCurve, min = 0, max = 1): LoadCurve {
  return (t) => {
    const v = curve(t);
    return v > min ? Math.min(v, max) : min;
  };
}

/** `curve` multiplied by `factor`. */
export function scaleCurve(curve: LoadCurve, factor: number): LoadCurve {
  return (t) => factor * curve(t);
}

/** `curve` read `offsetMs` later: `shiftCurve(c, d)(t) = c(t + d)` (e.g. start a trace mid-way). */
export function shiftCurve(curve: LoadCurve, offsetMs: number): LoadCurve {
  return (t) => curve(t + offsetMs);
}
