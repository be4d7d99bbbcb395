import { EngineError } from './EngineError.js';
import type { EventHandle, PeriodicHandle } from './EventHandle.js';
import type { EventHandler } from './EventHandler.js';
import { EventHeap } from './EventHeap.js';
import { PeriodicTask } from './PeriodicTask.js';
import { MAX_PHASE, PHASE_COUNT } from './Phase.js';
import { EventState, ScheduledEvent } from './ScheduledEvent.js';

/**
 * The latest simulated time an event may be scheduled at, in milliseconds (2^49 − 1, about 17,800
 * years): `timeMs × PHASE_COUNT + phase` must stay an exact integer in a double.
 */
export const MAX_TIME_MS = 2 ** 49 - 1;

/** Options of a new {@link Engine}. */
export interface EngineOptions {
  /** Simulated time the clock starts at, in milliseconds (default 0). */
  readonly startMs?: number;
}

// Compact the queue once this many cancelled events sit in it and they outnumber the live ones.
const COMPACT_MIN_TOMBSTONES = 1024;

/**
 * The discrete-event core of the simulator: a clock in integer milliseconds of simulated time and a queue
 * of events ordered by (time, phase, insertion sequence). Events at the same time run in ascending
 * {@link Phase}, then first-scheduled-first, so a run is a pure function of the model and its seeds.
 * Time never goes backwards: scheduling in the past throws an {@link EngineError}.
 *
 * @example
 * ```ts
 * const engine = new Engine();
 * engine.every(1_000, 0, Phase.OBSERVE, (e) => samples.push(e.now));
 * engine.after(2_500, Phase.NORMAL, (e) => e.stop());
 * engine.run(); // samples: [0, 1000, 2000]; engine.now === 2500
 * ```
 */
export class Engine {
  private nowMs: number;
  private readonly heap = new EventHeap<ScheduledEvent<unknown>>();
  private seq = 0;
  private live = 0;
  private tombstones = 0;
  private firedCount = 0;
  private running = false;
  private stopRequested = false;
  // Created once and shared by every event, so a cancellable handle costs no closure.
  private readonly noteCancel = (): void => {
    this.live--;
    this.tombstones++;
    if (this.tombstones >= COMPACT_MIN_TOMBSTONES && this.tombstones > this.live) this.compact();
  };

  /** A fresh engine with an empty queue, its clock at `options.startMs` (default 0). */
  constructor(options: EngineOptions = {}) {
    const start = options.startMs ?? 0;
    checkTime('Engine', start);
    this.nowMs = start;
  }

  /** Current simulated time in milliseconds: the time of the event being (or last) run. */
  get now(): number {
    return this.nowMs;
  }

  /** Number of events waiting to fire (cancelled ones excluded). */
  get pending(): number {
    return this.live;
  }

  /** Number of events fired since the engine was created (for events-per-second measurements). */
  get executed(): number {
    return this.firedCount;
  }

  /** Whether a {@link Engine.run} or {@link Engine.step} is in progress (i.e. a handler is running). */
  get isRunning(): boolean {
    return this.running;
  }

  /**
   * Queues `handler` to run at simulated time `atMs` (an integer ≥ `now`) in `phase` (an integer
   * 0–{@link MAX_PHASE}, see {@link Phase}). Returns a handle that can cancel it. Phases order the
   * events pending for one millisecond: an event queued for `now` in an earlier phase than the running
   * handler's still runs, right after it.
   *
   * @throws {@link EngineError} for a non-integer or past time, or an invalid phase.
   */
  schedule(atMs: number, phase: number, handler: EventHandler<undefined>): EventHandle;
  /** Queues `handler(engine, payload)` to run at `atMs` in `phase`; see the overload without a payload. */
  schedule<T>(atMs: number, phase: number, handler: EventHandler<T>, payload: T): EventHandle;
  schedule<T>(atMs: number, phase: number, handler: EventHandler<T>, payload?: T): EventHandle {
    // One combined test on the hot path (NaN fails it too); the slow path works out which rule broke.
    if (!(atMs >= this.nowMs && atMs <= MAX_TIME_MS && phase >= 0 && phase <= MAX_PHASE)) {
      this.rejectSchedule(atMs, phase);
    }
    if (!(Number.isInteger(atMs) && Number.isInteger(phase))) this.rejectSchedule(atMs, phase);
    const event = new ScheduledEvent(atMs, phase, handler, payload as T, this.noteCancel);
    this.heap.push(atMs * PHASE_COUNT + phase, this.seq++, event as ScheduledEvent<unknown>);
    this.live++;
    return event;
  }

  /**
   * Queues `handler` to run `delayMs` (an integer ≥ 0) after `now`, in `phase`. A zero delay runs it later
   * in the current millisecond, after the events already queued for it in the same phase.
   *
   * @throws {@link EngineError} for a negative or non-integer delay, or an invalid phase.
   */
  after(delayMs: number, phase: number, handler: EventHandler<undefined>): EventHandle;
  /** Queues `handler(engine, payload)` to run `delayMs` after `now`; see the overload without a payload. */
  after<T>(delayMs: number, phase: number, handler: EventHandler<T>, payload: T): EventHandle;
  after<T>(delayMs: number, phase: number, handler: EventHandler<T>, payload?: T): EventHandle {
    if (!Number.isSafeInteger(delayMs)) {
      throw new EngineError('TIME_NOT_INTEGER', `Engine.after: delay ${delayMs} is not an integer number of ms`);
    }
    if (delayMs < 0) throw new EngineError('DELAY_NEGATIVE', `Engine.after: delay ${delayMs} ms is negative`);
    return this.schedule(this.nowMs + delayMs, phase, handler, payload as T);
  }

  /**
   * Runs `handler` at `startMs` (an integer ≥ `now`) and then every `periodMs` (an integer > 0) in
   * `phase`, at exact multiples of the period (no drift), until the returned handle is cancelled. The
   * next firing is queued after each one runs, so periodic tasks keep their relative order.
   *
   * @throws {@link EngineError} for a non-positive or non-integer period, or a bad start time or phase.
   */
  every(periodMs: number, startMs: number, phase: number, handler: EventHandler<undefined>): PeriodicHandle;
  /** Runs `handler(engine, payload)` every `periodMs` from `startMs`; see the overload without a payload. */
  every<T>(periodMs: number, startMs: number, phase: number, handler: EventHandler<T>, payload: T): PeriodicHandle;
  every<T>(periodMs: number, startMs: number, phase: number, handler: EventHandler<T>, payload?: T): PeriodicHandle {
    if (!(Number.isSafeInteger(periodMs) && periodMs > 0)) {
      throw new EngineError('PERIOD_INVALID', `Engine.every: period ${periodMs} is not a positive integer of ms`);
    }
    const task = new PeriodicTask(periodMs, startMs, phase, handler, payload as T);
    task.start(this);
    return task;
  }

  /** Time of the next event that will fire, in milliseconds, or `undefined` when nothing is pending. */
  nextTime(): number | undefined {
    const event = this.peekLive();
    return event === undefined ? undefined : event.timeMs;
  }

  /**
   * Fires the next pending event, advancing `now` to its time. Returns `false` (and does nothing) when no
   * event is pending.
   *
   * @throws {@link EngineError} when called from inside a handler.
   */
  step(): boolean {
    this.enter('step');
    try {
      const event = this.peekLive();
      if (event === undefined) return false;
      this.heap.pop();
      this.fire(event);
      return true;
    } finally {
      this.running = false;
    }
  }

  /**
   * Fires events in order until none is due at or before `untilMs`, then sets the clock to `untilMs`:
   * events at exactly `untilMs` (in every phase) do run. Without `untilMs`, runs until the queue is empty
   * and leaves the clock at the last event (a periodic task then never lets it end). A handler calling
   * {@link Engine.stop} ends the run after that handler, with the clock at its event's time. Returns the
   * number of events fired by this call.
   *
   * @throws {@link EngineError} for an `untilMs` before `now` or not an integer, or when called from a handler.
   */
  run(untilMs?: number): number {
    // A finite limit, so an empty queue (peekKey() = Infinity) always ends the loop.
    let limit = MAX_TIME_MS * PHASE_COUNT + MAX_PHASE;
    if (untilMs !== undefined) {
      checkTime('Engine.run', untilMs);
      if (untilMs < this.nowMs) {
        throw new EngineError('TIME_IN_PAST', `Engine.run: until ${untilMs} ms is before now (${this.nowMs} ms)`);
      }
      limit = untilMs * PHASE_COUNT + MAX_PHASE;
    }
    this.enter('run');
    this.stopRequested = false;
    const heap = this.heap;
    const before = this.firedCount;
    try {
      while (!this.stopRequested && heap.peekKey() <= limit) {
        const event = heap.pop()!;
        if (event.state !== EventState.PENDING) {
          this.tombstones--;
          continue;
        }
        // fire(), inlined by hand: this loop is the simulator's hottest code.
        event.state = EventState.FIRED;
        this.live--;
        this.firedCount++;
        this.nowMs = event.timeMs;
        event.handler(this, event.payload as never);
      }
      if (!this.stopRequested && untilMs !== undefined) this.nowMs = untilMs;
    } finally {
      this.running = false;
    }
    return this.firedCount - before;
  }

  /** Asks the current {@link Engine.run} to return once the running handler finishes. */
  stop(): void {
    this.stopRequested = true;
  }

  private enter(method: string): void {
    if (this.running) throw new EngineError('ENGINE_BUSY', `Engine.${method}: called from inside an event handler`);
    this.running = true;
  }

  private fire(event: ScheduledEvent<unknown>): void {
    event.state = EventState.FIRED;
    this.live--;
    this.firedCount++;
    this.nowMs = event.timeMs;
    event.handler(this, event.payload as never);
  }

  /** Throws the {@link EngineError} that explains why (`atMs`, `phase`) cannot be scheduled. */
  private rejectSchedule(atMs: number, phase: number): never {
    if (!Number.isSafeInteger(atMs)) {
      throw new EngineError('TIME_NOT_INTEGER', `Engine.schedule: time ${atMs} is not an integer number of ms`);
    }
    if (atMs < this.nowMs) {
      throw new EngineError('TIME_IN_PAST', `Engine.schedule: time ${atMs} ms is before now (${this.nowMs} ms)`);
    }
    if (atMs > MAX_TIME_MS) {
      throw new EngineError('TIME_OUT_OF_RANGE', `Engine.schedule: time ${atMs} ms is beyond ${MAX_TIME_MS} ms`);
    }
    throw new EngineError('PHASE_INVALID', `Engine.schedule: phase ${phase} is not an integer 0–${MAX_PHASE}`);
  }

  /** The first live event, dropping cancelled ones off the top of the queue. */
  private peekLive(): ScheduledEvent<unknown> | undefined {
    const heap = this.heap;
    let event = heap.peek();
    while (event !== undefined && event.state !== EventState.PENDING) {
      heap.pop();
      this.tombstones--;
      event = heap.peek();
    }
    return event;
  }

  /** Drops every cancelled event from the queue, so mass cancellation does not bloat it. */
  private compact(): void {
    this.heap.retain((event) => event.state === EventState.PENDING);
    this.tombstones = 0;
  }
}

function checkTime(method: string, ms: number): void {
  if (!Number.isSafeInteger(ms)) {
    throw new EngineError('TIME_NOT_INTEGER', `${method}: time ${ms} is not an integer number of ms`);
  }
  if (ms < 0 || ms > MAX_TIME_MS) {
    throw new EngineError('TIME_OUT_OF_RANGE', `${method}: time ${ms} ms is outside 0–${MAX_TIME_MS} ms`);
  }
}
