/**
 * `@gleaner/bench`: Gleaner's measurement harness — micro-benchmarks of the scheduler and the event queue,
 * the simulator on a ladder of fleet sizes, and side-by-side baselines (SimPy, the reference scheduler).
 * Run it with `pnpm bench` (see docs/performance.md). What is exported here is reusable on its own: order
 * statistics, the power-law fit, the markdown table, the row model, the interleaved tinybench runner, the
 * M/M/c closed form.
 *
 * @packageDocumentation
 */

/** The package's name. */
export const BENCH_PACKAGE = '@gleaner/bench';

export type { PowerLawFit } from './fit.js';
export { fitPowerLaw } from './fit.js';
export type { MachineInfo } from './machine.js';
export { describeMachine, machineInfo } from './machine.js';
export type { BenchOptions, BenchOutcome, ParsedArgs } from './main.js';
export { DEFAULT_RESULTS_DIR, main, parseArgs } from './main.js';
export type { InterleavedOptions, TaskSamples, TaskSpec, TimedSequence } from './measure.js';
export { consume, lastConsumed, runInterleaved, samplesOf, timeSequence } from './measure.js';
export type { BenchReport, SkippedSuite } from './report.js';
export {
  REPORT_SCHEMA_VERSION,
  renderMarkdown,
  reportStem,
  rowCells,
  rowsTable,
  TABLE_HEADERS,
  writeReport,
} from './report.js';
export { exponential, mulberry32 } from './rng.js';
export type { BaselineFigure, BenchRow, LatencyFigure, RowInput, TargetFigure } from './row.js';
export { atLeast, below, latencyFigure, makeRow } from './row.js';
export type { MmcParams } from './simpy/erlangC.js';
export { erlangC, mmcMeanWait } from './simpy/erlangC.js';
export type { Spread } from './stats.js';
export { iqr, mean, median, quantile, quantileSorted, sortedCopy, spread } from './stats.js';
export type { Suite, SuiteContext, SuiteResult } from './suite.js';
export { SUITES, selectSuites } from './suites.js';
export type { Align } from './table.js';
export { escapeCell, formatNumber, formatRatio, markdownTable } from './table.js';
