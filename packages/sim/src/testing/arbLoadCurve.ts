import fc from 'fast-check';
import { percent, withoutUndefined } from './arbHelpers.js';
import type { LoadCurveInput } from './inputTypes.js';

/** Options of {@link arbLoadCurve}. */
export interface LoadCurveOptions {
  /** Highest average level a generated curve aims at, as a fraction of capacity (default 0.6). */
  readonly maxMean?: number;
  /** Whether curves may carry spikes and steps (default true). */
  readonly bursts?: boolean;
}

/**
 * Online-load curves in the scenario's curve shape (`constant`, `diurnal`, `noise`, `spikes`, `steps`;
 * never a trace, so no file is needed): a flat level or a daily cycle, optionally noisy, with an
 * occasional spike or level shift. Levels are whole percents; shrinking drops the optional terms first and
 * lowers the levels towards 0, so a failing curve shrinks to the simplest one that still fails.
 */
export function arbLoadCurve(options: LoadCurveOptions = {}): fc.Arbitrary<LoadCurveInput> {
  const maxMean = Math.min(1, Math.max(0.05, options.maxMean ?? 0.6));
  const bursts = options.bursts ?? true;
  const diurnal = percent(0.05, maxMean).chain((mean) =>
    fc.record({
      mean: fc.constant(mean),
      amplitude: percent(0, Math.min(mean, 1 - mean, 0.4)),
      peakAt: fc.constantFrom('14h', '10h', '20h'),
    }),
  );
  const spike = fc.record({
    at: fc.integer({ min: 0, max: 12 * 60 }).map((m) => `${m}m`),
    duration: fc.integer({ min: 5, max: 60 }).map((m) => `${m}m`),
    height: percent(-0.3, 0.4),
  });
  const step = fc.record({ at: fc.integer({ min: 0, max: 12 * 60 }).map((m) => `${m}m`), delta: percent(-0.2, 0.3) });
  return fc
    .record({
      level: fc.oneof(
        { weight: 2, arbitrary: diurnal.map((d) => ({ diurnal: d })) },
        { weight: 1, arbitrary: percent(0, maxMean).map((c) => ({ constant: c })) },
      ),
      noise: fc.option(fc.record({ stddev: percent(0.01, 0.05) }), { nil: undefined }),
      spikes: bursts
        ? fc.option(fc.array(spike, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 4 })
        : fc.constant(undefined),
      steps: bursts
        ? fc.option(fc.array(step, { minLength: 1, maxLength: 1 }), { nil: undefined, freq: 6 })
        : fc.constant(undefined),
    })
    .map(({ level, noise, spikes, steps }) => withoutUndefined({ ...level, noise, spikes, steps }));
}
