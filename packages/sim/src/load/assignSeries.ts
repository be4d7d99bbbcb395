import { clampCurve, sumCurves } from './compose.js';
import type { LoadCurve } from './LoadCurve.js';
import { DEFAULT_NOISE_CORRELATION_MS, noiseCurve } from './noise.js';
import type { SeriesCurveOptions, UtilizationSeries } from './UtilizationSeries.js';
import { seriesCurve } from './UtilizationSeries.js';

/**
 * How per-machine trace series are dealt to simulated nodes: `round-robin` (node i gets series
 * i mod n) or `shuffle` (series permuted by a seeded Fisher–Yates shuffle first, then dealt round-robin).
 */
export type SeriesAssignment =
  | {
      /** Series in order, node by node. */
      readonly mode: 'round-robin';
    }
  | {
      /** Series in a shuffled order. */
      readonly mode: 'shuffle';
      /** Uniform [0, 1) source (a seeded RNG stream). */
      readonly random: () => number;
    };

/**
 * Maps every node name to one of `series` (reused when there are more nodes than series).
 *
 * @throws RangeError when `series` is empty.
 */
export function assignSeriesToNodes<T>(
  nodeNames: readonly string[],
  series: readonly T[],
  assignment: SeriesAssignment = { mode: 'round-robin' },
): ReadonlyMap<string, T> {
  if (series.length === 0) throw new RangeError('assignSeriesToNodes: no series to assign');
  const order = [...series];
  if (assignment.mode === 'shuffle') {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(assignment.random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  const out = new Map<string, T>();
  for (let i = 0; i < nodeNames.length; i++) out.set(nodeNames[i]!, order[i % order.length]!);
  return out;
}

/** Options of {@link aggregateNodeCurve}: replay options plus per-node jitter. */
export interface AggregateNodeOptions extends SeriesCurveOptions {
  /** Seed of the run. */
  readonly seed: number | string;
  /** The node (or pool) the curve is for: keys the jitter. */
  readonly nodeKey: string;
  /** Standard deviation of the per-node jitter added to the aggregate, as a fraction (default 0). */
  readonly jitterStddev?: number;
  /** Correlation time of the jitter, in milliseconds (default 10 min). */
  readonly jitterCorrelationMs?: number;
}

/**
 * A cluster-aggregate series replayed on one node: the aggregate's value plus seeded per-node noise
 * (so nodes are not identical), clamped to [0, 1].
 */
export function aggregateNodeCurve(series: UtilizationSeries, options: AggregateNodeOptions): LoadCurve {
  const base = seriesCurve(series, options);
  const stddev = options.jitterStddev ?? 0;
  if (stddev === 0) return clampCurve(base);
  const jitter = noiseCurve({
    seed: options.seed,
    key: options.nodeKey,
    stddev,
    correlationMs: options.jitterCorrelationMs ?? DEFAULT_NOISE_CORRELATION_MS,
  });
  return clampCurve(sumCurves(base, jitter));
}
