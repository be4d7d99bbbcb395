import type { LoadCurve } from './LoadCurve.js';
import { DAY_MS, HOUR_MS } from './LoadCurve.js';

/** Parameters of {@link diurnalCurve}. */
export interface DiurnalParams {
  /** Average utilisation over a period, as a fraction of capacity. */
  readonly mean: number;
  /** Half the peak-to-trough swing, as a fraction of capacity. */
  readonly amplitude: number;
  /** Length of one cycle, in milliseconds (default 24 h). */
  readonly periodMs?: number;
  /** Local time of day of the peak, in milliseconds after local midnight (default 14 h). */
  readonly peakAtMs?: number;
  /**
   * Offset of the member's local clock from simulation time, in milliseconds (e.g. `8 × HOUR_MS` for a
   * cluster eight hours ahead): local time = simulation time + offset. Default 0.
   */
  readonly timeZoneOffsetMs?: number;
}

/** Default time of day of the diurnal peak (14:00 local), in milliseconds after midnight. */
export const DEFAULT_DIURNAL_PEAK_AT_MS = 14 * HOUR_MS;

/**
 * A daily cycle: `mean + amplitude × cos(2π (local − peakAt) / period)`, highest at `peakAtMs` local time
 * and lowest half a period later. Not clamped (compose with {@link clampCurve}). The Alibaba 2018 cluster
 * averages about 40 % CPU with a ~30-point daily swing (research/simulators-traces.md §3.1), i.e.
 * `mean 0.40, amplitude 0.15`.
 */
export function diurnalCurve(params: DiurnalParams): LoadCurve {
  const period = params.periodMs ?? DAY_MS;
  const phase = (params.timeZoneOffsetMs ?? 0) - (params.peakAtMs ?? DEFAULT_DIURNAL_PEAK_AT_MS);
  const { mean, amplitude } = params;
  return (t) => mean + amplitude * Math.cos((2 * Math.PI * (((t + phase) % period) + period)) / period);
}
