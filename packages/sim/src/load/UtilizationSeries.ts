import type { LoadCurve } from './LoadCurve.js';

/** A sampled utilisation time series (one machine, or a cluster aggregate). */
export interface UtilizationSeries {
  /** Where the series comes from (`m_1932`, the aggregate file's column name). */
  readonly id: string;
  /** Sample times in trace milliseconds, strictly increasing. */
  readonly timesMs: readonly number[];
  /** Utilisation at each sample, as a fraction of capacity in [0, 1]. */
  readonly values: readonly number[];
}

/** Options of {@link seriesCurve}. */
export interface SeriesCurveOptions {
  /**
   * `step` (default): a sample holds until the next one, as a monitoring average over the interval that
   * starts at its timestamp does. `linear`: straight lines between samples.
   */
  readonly interpolation?: 'step' | 'linear';
  /** Trace time at simulation time 0, in milliseconds (default: the first sample's time). */
  readonly timeOffsetMs?: number;
  /**
   * Replay the trace again and again (default true): the loop lasts from the first sample to the last
   * plus one sampling gap. Without looping, the first and last values extend forever.
   */
  readonly loop?: boolean;
}

// Index of the last sample at or before `t` (−1 when `t` is before the first sample).
function floorIndex(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  if (hi < 0 || t < times[0]!) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (times[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Replays `series` as a {@link LoadCurve} of simulation time: trace time = simulation time +
 * `timeOffsetMs`, wrapped into the trace's span when looping, then read with step or linear
 * interpolation (across the wrap-around gap the last value holds). An empty series is 0 everywhere.
 */
export function seriesCurve(series: UtilizationSeries, options: SeriesCurveOptions = {}): LoadCurve {
  const times = series.timesMs;
  const values = series.values;
  const n = times.length;
  if (n === 0) return () => 0;
  const first = times[0]!;
  const last = times[n - 1]!;
  const gap = n > 1 ? last - times[n - 2]! : 1;
  const span = last - first + gap;
  const offset = options.timeOffsetMs ?? first;
  const loop = options.loop ?? true;
  const linear = options.interpolation === 'linear';
  return (t) => {
    let x = t + offset;
    if (loop) x = first + ((((x - first) % span) + span) % span);
    const i = floorIndex(times, x);
    if (i < 0) return values[0]!;
    if (!linear || i === n - 1) return values[i]!;
    const t0 = times[i]!;
    const t1 = times[i + 1]!;
    return values[i]! + ((values[i + 1]! - values[i]!) * (x - t0)) / (t1 - t0);
  };
}
