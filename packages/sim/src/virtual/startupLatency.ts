import type { RandomSource } from '../engine/index.js';
import { sampleLognormal } from '../engine/index.js';
import { normalCdf, normalQuantile } from './normal.js';

/**
 * A distribution of pod start-up latency (creation → running), in milliseconds:
 *
 * - `constant`: always `ms`;
 * - `shiftedLognormal`: `shiftMs + LogNormal(ln medianExcessMs, sigma)` — a floor (image cached, sandbox
 *   created) plus a right-skewed remainder;
 * - `empirical`: a piecewise-linear CDF through `points` (`ms` increasing, `p` non-decreasing, the first
 *   `p` 0 and the last 1).
 */
export type StartupLatencyDistribution =
  | {
      /** Always the same latency. */
      readonly kind: 'constant';
      /** The latency, ms. */
      readonly ms: number;
    }
  | {
      /** A floor plus a log-normal remainder. */
      readonly kind: 'shiftedLognormal';
      /** The floor, ms. */
      readonly shiftMs: number;
      /** Median of the part above the floor, ms. */
      readonly medianExcessMs: number;
      /** Standard deviation of the log of the part above the floor. */
      readonly sigma: number;
    }
  | {
      /** A piecewise-linear CDF. */
      readonly kind: 'empirical';
      /** Its points, `ms` increasing. */
      readonly points: readonly {
        /** Latency, ms. */
        readonly ms: number;
        /** P(latency ≤ ms). */
        readonly p: number;
      }[];
    };

/** A quantile a fitted distribution must hit: P(latency ≤ ms) = p. */
export interface LatencyQuantile {
  /** Latency, ms. */
  readonly ms: number;
  /** Probability that the latency is at most `ms`. */
  readonly p: number;
}

/**
 * The shifted lognormal with floor `shiftMs` through two quantiles: with z = Φ⁻¹(p),
 * `σ = ln((q₂ − shift) / (q₁ − shift)) / (z₂ − z₁)` and `ln median = ln(q₁ − shift) − z₁ σ`.
 *
 * @throws RangeError unless `shiftMs < q1.ms < q2.ms` and `0 < q1.p < q2.p < 1`.
 */
export function fitShiftedLognormal(
  shiftMs: number,
  q1: LatencyQuantile,
  q2: LatencyQuantile,
): Extract<StartupLatencyDistribution, { kind: 'shiftedLognormal' }> {
  if (!(shiftMs < q1.ms && q1.ms < q2.ms && q1.p < q2.p)) {
    throw new RangeError('fitShiftedLognormal: need shift < q1.ms < q2.ms and q1.p < q2.p');
  }
  const z1 = normalQuantile(q1.p);
  const z2 = normalQuantile(q2.p);
  const sigma = Math.log((q2.ms - shiftMs) / (q1.ms - shiftMs)) / (z2 - z1);
  const medianExcessMs = Math.exp(Math.log(q1.ms - shiftMs) - z1 * sigma);
  return { kind: 'shiftedLognormal', shiftMs, medianExcessMs, sigma };
}

/**
 * ECI executor start-up on a virtual node, fitted to the seed (spark-on-ack-serverless-eci.txt: of 100
 * executors with a cached 500 MB image, 93 were running within 20 s and all within 30 s): a 5 s floor
 * (assumed) plus a lognormal with P(≤ 20 s) = 0.93 and P(≤ 30 s) = 0.999 — σ ≈ 0.316, median ≈ 14.4 s.
 */
export const ECI_EXECUTOR_STARTUP = fitShiftedLognormal(5_000, { ms: 20_000, p: 0.93 }, { ms: 30_000, p: 0.999 });

/**
 * ECI driver start-up on a virtual node: the seed reports "about 20 seconds" to get the driver onto ECI,
 * taken as the median (5 s floor + 15 s), with the executors' spread σ (an assumption).
 */
export const ECI_DRIVER_STARTUP: StartupLatencyDistribution = {
  kind: 'shiftedLognormal',
  shiftMs: 5_000,
  medianExcessMs: 15_000,
  sigma: ECI_EXECUTOR_STARTUP.sigma,
};

/**
 * The same executor fit as an empirical CDF through (5 s, 0), (20 s, 0.93), (30 s, 1): linear between the
 * seed's two observations, for users who prefer no tail beyond 30 s.
 */
export const ECI_EXECUTOR_STARTUP_EMPIRICAL: StartupLatencyDistribution = {
  kind: 'empirical',
  points: [
    { ms: 5_000, p: 0 },
    { ms: 20_000, p: 0.93 },
    { ms: 30_000, p: 1 },
  ],
};

/** Pod start-up on a regular (ECS) node: the seed's driver "took only 2 seconds", taken as a constant. */
export const REGULAR_NODE_STARTUP: StartupLatencyDistribution = { kind: 'constant', ms: 2_000 };

/** P(latency ≤ ms) under `latency`. */
export function startupLatencyCdf(latency: StartupLatencyDistribution, ms: number): number {
  switch (latency.kind) {
    case 'constant':
      return ms >= latency.ms ? 1 : 0;
    case 'shiftedLognormal': {
      const excess = ms - latency.shiftMs;
      if (excess <= 0) return 0;
      if (latency.sigma === 0) return excess >= latency.medianExcessMs ? 1 : 0;
      return normalCdf((Math.log(excess) - Math.log(latency.medianExcessMs)) / latency.sigma);
    }
    case 'empirical': {
      const pts = latency.points;
      if (ms < pts[0]!.ms) return 0;
      for (let i = 1; i < pts.length; i++) {
        const a = pts[i - 1]!;
        const b = pts[i]!;
        if (ms < b.ms) return a.p + ((b.p - a.p) * (ms - a.ms)) / (b.ms - a.ms);
      }
      return 1;
    }
  }
}

/** One start-up latency drawn from `latency` with `source`, in whole milliseconds (≥ 0). */
export function sampleStartupLatencyMs(latency: StartupLatencyDistribution, source: RandomSource): number {
  switch (latency.kind) {
    case 'constant':
      return Math.max(0, Math.round(latency.ms));
    case 'shiftedLognormal':
      return Math.max(
        0,
        Math.round(latency.shiftMs + sampleLognormal(source, Math.log(latency.medianExcessMs), latency.sigma)),
      );
    case 'empirical': {
      // inverse of the piecewise-linear CDF
      const u = source();
      const pts = latency.points;
      for (let i = 1; i < pts.length; i++) {
        const a = pts[i - 1]!;
        const b = pts[i]!;
        if (u < b.p) return Math.round(a.ms + (b.p > a.p ? ((b.ms - a.ms) * (u - a.p)) / (b.p - a.p) : 0));
      }
      return Math.round(pts[pts.length - 1]!.ms);
    }
  }
}

/** Start-up latencies by where a pod runs and what it is. */
export interface StartupLatencyProfile {
  /** A driver on a virtual (ECI) node. */
  readonly virtualDriver: StartupLatencyDistribution;
  /** An executor on a virtual (ECI) node. */
  readonly virtualExecutor: StartupLatencyDistribution;
  /** Any pod on a regular node. */
  readonly regular: StartupLatencyDistribution;
}

/** The seed-calibrated profile: {@link ECI_DRIVER_STARTUP}, {@link ECI_EXECUTOR_STARTUP}, {@link REGULAR_NODE_STARTUP}. */
export const DEFAULT_STARTUP_LATENCY_PROFILE: StartupLatencyProfile = {
  virtualDriver: ECI_DRIVER_STARTUP,
  virtualExecutor: ECI_EXECUTOR_STARTUP,
  regular: REGULAR_NODE_STARTUP,
};

/** The latency distribution of a `role` pod on a virtual or regular node under `profile`. */
export function startupLatencyFor(
  role: 'driver' | 'executor',
  virtual: boolean,
  profile: StartupLatencyProfile = DEFAULT_STARTUP_LATENCY_PROFILE,
): StartupLatencyDistribution {
  if (!virtual) return profile.regular;
  return role === 'driver' ? profile.virtualDriver : profile.virtualExecutor;
}
