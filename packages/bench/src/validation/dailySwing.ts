/** One day of a utilisation series: its mean and the range of its hourly means. */
export interface DaySwing {
  /** 0-based day. */
  readonly day: number;
  /** Mean of the day's samples (fraction). */
  readonly mean: number;
  /** Lowest and highest hourly mean of the day (fractions). */
  readonly hourlyMin: number;
  readonly hourlyMax: number;
  /** `hourlyMax − hourlyMin`: the daily swing (fraction; × 100 for points). */
  readonly swing: number;
}

/** Mean and daily swings of a series: the statistics research/simulators-traces.md §3.1 reports. */
export interface SwingSummary {
  /** Mean over the complete days. */
  readonly mean: number;
  readonly days: readonly DaySwing[];
  /** Median of the daily swings. */
  readonly medianSwing: number;
}

/** Median of a non-empty list (mean of the two middle values for an even length). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The hourly-mean daily swing of an evenly sampled series, computed as §3.1 does for the Alibaba 2018
 * aggregate: samples grouped into hours (`samplesPerHour` each) and days of 24 hours from the first
 * sample; per complete day the max − min of its hourly means. Incomplete trailing days are ignored.
 */
export function dailySwings(values: readonly number[], samplesPerHour: number): SwingSummary {
  const perDay = samplesPerHour * 24;
  const days: DaySwing[] = [];
  let total = 0;
  let count = 0;
  for (let d = 0; (d + 1) * perDay <= values.length; d++) {
    const hourly: number[] = [];
    let daySum = 0;
    for (let h = 0; h < 24; h++) {
      let sum = 0;
      for (let k = 0; k < samplesPerHour; k++) sum += values[d * perDay + h * samplesPerHour + k]!;
      hourly.push(sum / samplesPerHour);
      daySum += sum;
    }
    total += daySum;
    count += perDay;
    const hourlyMin = Math.min(...hourly);
    const hourlyMax = Math.max(...hourly);
    days.push({ day: d, mean: daySum / perDay, hourlyMin, hourlyMax, swing: hourlyMax - hourlyMin });
  }
  if (days.length === 0) throw new RangeError(`dailySwings: fewer than ${perDay} samples (one day)`);
  return { mean: total / count, days, medianSwing: median(days.map((d) => d.swing)) };
}
