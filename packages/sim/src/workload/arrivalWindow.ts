/** Where and how many arrivals a generator produces. */
export interface ArrivalWindow {
  /** First possible arrival, in simulation milliseconds (default 0). */
  readonly startMs?: number;
  /** Arrivals are strictly before this time, in simulation milliseconds. */
  readonly endMs: number;
  /** Stop after this many arrivals (default: no limit). */
  readonly maxCount?: number;
}
