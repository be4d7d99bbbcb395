/**
 * Named phases of a simulated millisecond. Events due at the same time run in ascending phase, then in
 * the order they were scheduled, so control loops that share a millisecond always interleave the same way
 * (load changes before the schedulers that read it, metric samples after both). Any integer from 0 to
 * {@link MAX_PHASE} is a valid phase; the gaps between the names leave room for a world to slot its own.
 */
export const Phase: {
  /** Work that must precede everything else in its millisecond (interrupts, stop markers). */
  readonly URGENT: 0;
  /** The world's inputs change: online-load samples, trace replay, job arrivals. */
  readonly INPUT: 2;
  /** The default: state transitions such as a pod starting, finishing or being evicted. */
  readonly NORMAL: 4;
  /** Control loops reacting to the settled state: koordlet, batch-resource publishing, timeouts. */
  readonly CONTROL: 6;
  /** Schedulers deciding on the state the control loops produced: the fleet and member schedulers. */
  readonly SCHEDULE: 8;
  /** Observers that must see the final state of the millisecond: metric samplers, progress reports. */
  readonly OBSERVE: 14;
} = Object.freeze({ URGENT: 0, INPUT: 2, NORMAL: 4, CONTROL: 6, SCHEDULE: 8, OBSERVE: 14 });

/** The largest valid phase number; phases are the integers 0 … MAX_PHASE. */
export const MAX_PHASE = 15;

/** How many phases a millisecond has; the queue key is `timeMs × PHASE_COUNT + phase`. */
export const PHASE_COUNT = MAX_PHASE + 1;
