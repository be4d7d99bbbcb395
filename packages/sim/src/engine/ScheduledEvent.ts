import type { EventHandle } from './EventHandle.js';
import type { EventHandler } from './EventHandler.js';

/** Life cycle of a queued event. */
export const EventState = { PENDING: 0, FIRED: 1, CANCELLED: 2 } as const;

/**
 * The engine's record of one queued event; it doubles as the caller's {@link EventHandle}, so scheduling
 * allocates exactly one object.
 */
export class ScheduledEvent<T = unknown> implements EventHandle {
  /** Simulated time the event fires at, in milliseconds. */
  readonly timeMs: number;
  /** Phase within the millisecond. */
  readonly phase: number;
  /** What runs when the event fires. */
  readonly handler: EventHandler<T>;
  /** Argument passed to `handler`. */
  readonly payload: T;
  /** One of {@link EventState}. */
  state: number = EventState.PENDING;
  /** The engine's bookkeeping hook for a cancellation (shared by all events of one engine). */
  private readonly onCancel: () => void;

  constructor(timeMs: number, phase: number, handler: EventHandler<T>, payload: T, onCancel: () => void) {
    this.timeMs = timeMs;
    this.phase = phase;
    this.handler = handler;
    this.payload = payload;
    this.onCancel = onCancel;
  }

  /** Whether the event is still waiting. */
  get pending(): boolean {
    return this.state === EventState.PENDING;
  }

  /** Marks the event cancelled (a tombstone the engine skips); returns whether it was still waiting. */
  cancel(): boolean {
    if (this.state !== EventState.PENDING) return false;
    this.state = EventState.CANCELLED;
    this.onCancel();
    return true;
  }
}
