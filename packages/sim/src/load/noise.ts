import { hashNormal, hashStream } from './hashStream.js';
import type { LoadCurve } from './LoadCurve.js';

/** Parameters of {@link noiseCurve}. */
export interface NoiseParams {
  /** Seed of the run (scenario seed or a stream name). */
  readonly seed: number | string;
  /** What the noise belongs to (node name, pool name): different keys give independent noise. */
  readonly key: number | string;
  /** Standard deviation of the noise, as a fraction of capacity. */
  readonly stddev: number;
  /** Time over which noise values are correlated, in milliseconds (default 10 min). */
  readonly correlationMs?: number;
}

/** Default correlation time of {@link noiseCurve}: 10 minutes, in milliseconds. */
export const DEFAULT_NOISE_CORRELATION_MS = 600_000;

/**
 * Seeded value noise with zero mean: independent normal values at multiples of `correlationMs`, blended
 * between neighbours with a smoothstep weight and renormalised (`(w0·a + w1·b) / √(w0² + w1²)`), so the
 * value has standard deviation `stddev` at every time, is continuous, and is uncorrelated beyond two
 * correlation times. Deterministic for (seed, key, time) and evaluable at any time without state.
 */
export function noiseCurve(params: NoiseParams): LoadCurve {
  const stream = hashStream(params.seed, params.key);
  const corr = Math.max(1, params.correlationMs ?? DEFAULT_NOISE_CORRELATION_MS);
  const { stddev } = params;
  if (stddev === 0) return () => 0;
  return (t) => {
    const x = t / corr;
    const i = Math.floor(x);
    const f = x - i;
    const w1 = f * f * (3 - 2 * f);
    const w0 = 1 - w1;
    const v = (w0 * hashNormal(stream, i) + w1 * hashNormal(stream, i + 1)) / Math.sqrt(w0 * w0 + w1 * w1);
    return stddev * v;
  };
}
