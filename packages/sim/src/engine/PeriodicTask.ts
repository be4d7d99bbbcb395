import type { Engine } from './Engine.js';
import type { EventHandle, PeriodicHandle } from './EventHandle.js';
import type { EventHandler } from './EventHandler.js';

/**
 * A task that fires at `startMs`, `startMs + periodMs`, `startMs + 2·periodMs`, …: fixed-rate, so a slow
 * handler never makes it drift. It keeps one queued event at a time and queues the next one after each
 * firing, which keeps tasks that share a period in a stable order.
 */
export class PeriodicTask<T> implements PeriodicHandle {
  /** Period between firings, in milliseconds. */
  readonly periodMs: number;
  /** Phase of every firing. */
  readonly phase: number;
  /** How many times the task has fired so far. */
  runs = 0;
  private readonly handler: EventHandler<T>;
  private readonly payload: T;
  private current: EventHandle | undefined;
  private next: number;
  private stopped = false;

  constructor(periodMs: number, startMs: number, phase: number, handler: EventHandler<T>, payload: T) {
    this.periodMs = periodMs;
    this.phase = phase;
    this.handler = handler;
    this.payload = payload;
    this.next = startMs;
  }

  /** Queues the first firing; separate from the constructor so the engine validates before anything is queued. */
  start(engine: Engine): void {
    this.current = engine.schedule(this.next, this.phase, firePeriodic, this);
  }

  /** Time of the next firing in milliseconds, or `undefined` once cancelled. */
  get nextMs(): number | undefined {
    return this.stopped ? undefined : this.next;
  }

  /** Whether the task will fire again. */
  get active(): boolean {
    return !this.stopped;
  }

  /** Stops the task; returns whether it was active. */
  cancel(): boolean {
    if (this.stopped) return false;
    this.stopped = true;
    this.current?.cancel();
    this.current = undefined;
    return true;
  }

  /** Runs one firing and queues the next unless the handler cancelled the task. */
  fire(engine: Engine): void {
    this.current = undefined;
    this.runs++;
    this.handler(engine, this.payload);
    if (this.stopped) return;
    this.next += this.periodMs;
    this.current = engine.schedule(this.next, this.phase, firePeriodic, this);
  }
}

/** One shared handler for every periodic firing, so a firing allocates only its queue record. */
function firePeriodic<T>(engine: Engine, task: PeriodicTask<T>): void {
  task.fire(engine);
}
