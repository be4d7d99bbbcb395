import { Engine, Phase, RandomStream, sampleExponential } from '@gleaner/sim';
import type { MmcParams } from './erlangC.js';

/**
 * Gleaner's side of the side-by-side DES benchmark (`packages/bench/simpy/mm_c.py` is SimPy's): the same
 * M/M/c queue and hold model on the simulator's `Engine`, written the engine's way — events with a shared
 * handler, no processes. The engine's clock is integer milliseconds, so one model time unit is
 * {@link TICKS_PER_UNIT} engine ticks: the rounding is far below the model's resolution.
 * @module
 */

/** Engine milliseconds per model time unit. */
export const TICKS_PER_UNIT = 1_000_000;

/** The parameters both sides use: λ = 8, μ = 1, c = 10 (utilisation 0.8). */
export const MMC_DEFAULTS: Omit<MmcParams, 'customers'> = { arrivalRate: 8, serviceRate: 1, servers: 10 };

/** Outcome of one M/M/c run. */
export interface MmcRun {
  /** Customers served. */
  readonly served: number;
  /** Mean wait in queue, model time units. */
  readonly meanWait: number;
  /** Each customer's wait in queue (units), in the order service started. */
  readonly waits: Float64Array;
  /** Model time at the end, units. */
  readonly simTime: number;
  /** Wall time of the run loop, seconds. */
  readonly wallSeconds: number;
  /** Events the engine fired (one arrival and one departure per customer). */
  readonly events: number;
}

/** Simulates the M/M/c queue on Gleaner's Engine with a seeded stream (seedrandom Alea). */
export function runMmc(params: MmcParams, seed: string): MmcRun {
  const random = new RandomStream(seed).next;
  const engine = new Engine();
  const draw = (rate: number): number => Math.round(sampleExponential(random, rate) * TICKS_PER_UNIT);
  const waiting: number[] = [];
  let head = 0;
  let busy = 0;
  let arrived = 0;
  let served = 0;
  let waitTicks = 0;
  const waits = new Float64Array(params.customers);
  const depart = (e: Engine): void => {
    if (head < waiting.length) {
      const wait = e.now - waiting[head++]!;
      waitTicks += wait;
      waits[served] = wait / TICKS_PER_UNIT;
      if (head > 4096 && head * 2 > waiting.length) {
        waiting.splice(0, head);
        head = 0;
      }
      served++;
      e.after(draw(params.serviceRate), Phase.NORMAL, depart);
    } else {
      busy--;
    }
  };
  const arrive = (e: Engine): void => {
    arrived++;
    if (busy < params.servers) {
      busy++;
      served++;
      e.after(draw(params.serviceRate), Phase.NORMAL, depart);
    } else {
      waiting.push(e.now);
    }
    if (arrived < params.customers) e.after(draw(params.arrivalRate), Phase.NORMAL, arrive);
  };
  engine.schedule(0, Phase.NORMAL, arrive);
  const started = performance.now();
  engine.run();
  const wallSeconds = (performance.now() - started) / 1000;
  return {
    served,
    meanWait: waitTicks / TICKS_PER_UNIT / served,
    waits: waits.subarray(0, served),
    simTime: engine.now / TICKS_PER_UNIT,
    wallSeconds,
    events: engine.executed,
  };
}

/** Outcome of one hold-model run. */
export interface HoldRun {
  /** Events fired. */
  readonly events: number;
  /** Wall time of the run loop, seconds. */
  readonly wallSeconds: number;
}

/**
 * The hold model as SimPy's side runs it: `pending` events, each firing schedules the next at
 * `now + Exp(1)` (drawn per event, like SimPy's `expovariate`), until `events` have fired.
 */
export function runHold(pending: number, events: number, seed: string): HoldRun {
  const random = new RandomStream(seed).next;
  const engine = new Engine();
  let fired = 0;
  const hold = (e: Engine): void => {
    if (++fired >= events) {
      e.stop();
      return;
    }
    e.after(Math.round(sampleExponential(random, 1) * TICKS_PER_UNIT), Phase.NORMAL, hold);
  };
  for (let i = 0; i < pending; i++) {
    engine.after(Math.round(sampleExponential(random, 1) * TICKS_PER_UNIT), Phase.NORMAL, hold);
  }
  const started = performance.now();
  engine.run();
  return { events: fired, wallSeconds: (performance.now() - started) / 1000 };
}
