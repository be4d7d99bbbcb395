/**
 * A scheduled event, as returned by {@link Engine.schedule} and {@link Engine.after}. Keep it to cancel
 * the event later (a reschedule timeout the driver beat, a start-up that was preempted).
 */
export interface EventHandle {
  /** Simulated time the event fires at, in milliseconds. */
  readonly timeMs: number;
  /** The event's phase within its millisecond (see {@link Phase}). */
  readonly phase: number;
  /** Whether the event is still waiting: neither fired nor cancelled. */
  readonly pending: boolean;
  /**
   * Cancels the event if it is still waiting; returns whether it was. Cancelling a fired or already
   * cancelled event does nothing. O(1): the event is left in the queue and skipped when it surfaces.
   */
  cancel(): boolean;
}

/** A periodic task, as returned by {@link Engine.every}. */
export interface PeriodicHandle {
  /** Period between firings, in milliseconds. */
  readonly periodMs: number;
  /** How many times the task has fired so far. */
  readonly runs: number;
  /** Time of the next firing in milliseconds, or `undefined` once cancelled. */
  readonly nextMs: number | undefined;
  /** Whether the task will fire again. */
  readonly active: boolean;
  /** Stops the task (also from inside its own handler); returns whether it was active. */
  cancel(): boolean;
}
