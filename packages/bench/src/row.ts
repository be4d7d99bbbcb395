import { quantileSorted, sortedCopy, spread } from './stats.js';

/**
 * One row of the bench's table: a measured figure with its spread, the baseline measured in the same run,
 * and the target or published anchor it is read against.
 * @module
 */

/** Latency percentiles of single operations. */
export interface LatencyFigure {
  /** Unit of `p50` and `p99`. */
  readonly unit: 'µs' | 'ms';
  /** Median latency. */
  readonly p50: number;
  /** 99th-percentile latency. */
  readonly p99: number;
  /** Operations the percentiles are over. */
  readonly count: number;
}

/** The baseline a row is compared with, measured in the same run on the same inputs. */
export interface BaselineFigure {
  /** What the baseline is. */
  readonly name: string;
  /** Its median, in the row's unit. */
  readonly median: number;
  /** Its latency percentiles, when measured per operation. */
  readonly latency?: LatencyFigure;
}

/** A stated target and whether the measured median meets it. */
export interface TargetFigure {
  /** The target as text, e.g. `≥ 4,000,000 events/s`. */
  readonly text: string;
  /** Whether the median meets it. */
  readonly met: boolean;
  /** Measured ÷ target for "at least" targets, target ÷ measured for "at most" ones (≥ 1 when met). */
  readonly attainment: number;
}

/** One figure of the report. */
export interface BenchRow {
  /** Stable id, `suite/name` (what `--only` matches). */
  readonly id: string;
  /** What is measured, in a few words. */
  readonly title: string;
  /** Unit of `median`, `p25`, `p75`. */
  readonly unit: string;
  /** Whether a larger value is better (rates) or worse (latencies). */
  readonly higherIsBetter: boolean;
  /** Median over the samples. */
  readonly median: number;
  /** 25th percentile over the samples. */
  readonly p25: number;
  /** 75th percentile over the samples. */
  readonly p75: number;
  /** Number of samples (rounds or runs) the spread is over. */
  readonly samples: number;
  /** Per-operation latency percentiles, when measured. */
  readonly latency?: LatencyFigure;
  /** The same-run baseline. */
  readonly baseline: BaselineFigure;
  /** How much better than the baseline: value ÷ baseline for rates, baseline ÷ value for latencies. */
  readonly ratio: number;
  /** The project's target for this figure, if any. */
  readonly target?: TargetFigure;
  /** A published figure quoted beside ours (e.g. kube-scheduler's CI minimum), not measured here. */
  readonly anchor?: string;
  /** Decisions that differ from the reference implementation on identical inputs (must be 0). */
  readonly mismatches?: number;
  /** Anything the reader needs to interpret the row. */
  readonly notes?: string;
}

/** Inputs of {@link makeRow}: the samples instead of their statistics. */
export interface RowInput {
  /** See {@link BenchRow.id}. */
  readonly id: string;
  /** See {@link BenchRow.title}. */
  readonly title: string;
  /** See {@link BenchRow.unit}. */
  readonly unit: string;
  /** See {@link BenchRow.higherIsBetter}; default true. */
  readonly higherIsBetter?: boolean;
  /** The candidate's samples (one per round or run). */
  readonly samples: readonly number[];
  /** See {@link BenchRow.latency}. */
  readonly latency?: LatencyFigure;
  /** The baseline's name and samples (or a single fixed value, e.g. a formula). */
  readonly baseline: {
    /** What the baseline is. */
    readonly name: string;
    /** Its samples (one per round or run). */
    readonly samples: readonly number[];
    /** Its latency percentiles, when measured per operation. */
    readonly latency?: LatencyFigure;
  };
  /** See {@link BenchRow.target}. */
  readonly target?: TargetFigure;
  /** See {@link BenchRow.anchor}. */
  readonly anchor?: string;
  /** See {@link BenchRow.mismatches}. */
  readonly mismatches?: number;
  /** See {@link BenchRow.notes}. */
  readonly notes?: string;
}

/** Builds a {@link BenchRow} from raw samples: medians, quartiles and the ratio to the baseline. */
export function makeRow(input: RowInput): BenchRow {
  const higherIsBetter = input.higherIsBetter ?? true;
  const s = spread(input.samples);
  const b = spread(input.baseline.samples);
  const ratio = higherIsBetter ? s.median / b.median : b.median / s.median;
  return {
    id: input.id,
    title: input.title,
    unit: input.unit,
    higherIsBetter,
    median: s.median,
    p25: s.p25,
    p75: s.p75,
    samples: s.n,
    ...(input.latency === undefined ? {} : { latency: input.latency }),
    baseline: {
      name: input.baseline.name,
      median: b.median,
      ...(input.baseline.latency === undefined ? {} : { latency: input.baseline.latency }),
    },
    ratio,
    ...(input.target === undefined ? {} : { target: input.target }),
    ...(input.anchor === undefined ? {} : { anchor: input.anchor }),
    ...(input.mismatches === undefined ? {} : { mismatches: input.mismatches }),
    ...(input.notes === undefined ? {} : { notes: input.notes }),
  };
}

/** A "at least `threshold`" target checked against `value` (e.g. ≥ 4 M events/s). */
export function atLeast(value: number, threshold: number, text: string): TargetFigure {
  return { text, met: value >= threshold, attainment: value / threshold };
}

/** A "below `threshold`" target checked against `value` (e.g. p50 < 1 ms). */
export function below(value: number, threshold: number, text: string): TargetFigure {
  return { text, met: value < threshold, attainment: threshold / value };
}

/** p50 and p99 of per-operation latencies given in `unit`. */
export function latencyFigure(samples: ArrayLike<number>, unit: 'µs' | 'ms'): LatencyFigure {
  const sorted = sortedCopy(samples);
  return { unit, p50: quantileSorted(sorted, 0.5), p99: quantileSorted(sorted, 0.99), count: sorted.length };
}
