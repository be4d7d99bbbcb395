import type { LoadCurveParams } from './buildLoadCurve.js';

// Exact text of a number: String() round-trips every double; -0 and NaN get their own spelling so that no
// two different values share a key.
function num(v: number | undefined): string {
  if (v === undefined) return 'u';
  return Object.is(v, -0) ? '-0' : String(v);
}

/**
 * The part of `params` that does not depend on the node, as text: the constant, the diurnal cycle, the
 * weekly factors, the steps and the spikes, every number spelled exactly. Two params with the same key give
 * the same node-independent terms (at the same time-zone offset), whatever their trace, bursts and noise.
 * Used by {@link LoadBank} to evaluate those terms once per group of nodes.
 */
export function sharedLoadTermsKey(params: LoadCurveParams): string {
  const parts = [`c${num(params.constant ?? 0)}`];
  const d = params.diurnal;
  if (d !== undefined) parts.push(`d${num(d.mean)},${num(d.amplitude)},${num(d.periodMs)},${num(d.peakAtMs)}`);
  if (params.weekly !== undefined) parts.push(`w${params.weekly.map(num).join(',')}`);
  if (params.steps !== undefined && params.steps.length > 0) {
    parts.push(`s${params.steps.map((s) => `${num(s.atMs)}:${num(s.delta)}:${num(s.untilMs)}`).join(',')}`);
  }
  if (params.spikes !== undefined && params.spikes.length > 0) {
    parts.push(`p${params.spikes.map((s) => `${num(s.atMs)}:${num(s.durationMs)}:${num(s.height)}`).join(',')}`);
  }
  return parts.join(';');
}
