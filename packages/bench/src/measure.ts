import { Bench } from 'tinybench';

/**
 * The two ways the bench takes samples: tinybench tasks run in interleaved rounds (stateless code:
 * queue hold runs, parsing, one decision on a fixed snapshot), and a timed sequence of decisions applied to
 * a mutable state (placement, preemption), where every op changes what the next one sees.
 * @module
 */

let sinkValue: unknown;

/**
 * Keeps `value` observable so the optimiser cannot drop the work that produced it (zod's bench rule:
 * always use each result).
 */
export function consume(value: unknown): void {
  sinkValue = value;
}

/** The last value passed to {@link consume} (for tests; reading it also keeps the sink alive). */
export function lastConsumed(): unknown {
  return sinkValue;
}

/** One tinybench task of an interleaved comparison. */
export interface TaskSpec {
  /** Unique name within the comparison. */
  readonly name: string;
  /** The work of one call; its result is consumed. */
  readonly fn: () => unknown;
  /** Operations one call performs (events, pods, nodes), for the per-second rate. Default 1. */
  readonly opsPerCall?: number;
}

/** Options of {@link runInterleaved}. */
export interface InterleavedOptions {
  /** Rounds; every task runs once per round, the order rotated each round. */
  readonly rounds: number;
  /** Calls of each task per round (a fixed count: no time budget). */
  readonly iterations: number;
  /** Warm-up calls of each task before the first round. Default: `iterations`. */
  readonly warmupIterations?: number;
}

/** What {@link runInterleaved} measured for one task. */
export interface TaskSamples {
  /** The task's name. */
  readonly name: string;
  /** Operations per second in each round (`opsPerCall × calls / total time`). */
  readonly roundRates: readonly number[];
  /** Every call's latency in milliseconds, across all rounds (unsorted). */
  readonly latenciesMs: readonly number[];
}

/**
 * Runs `tasks` with tinybench in `rounds` rounds of a fixed number of calls each, rotating the task order
 * every round so that baseline and candidate see the same machine conditions (load on a shared box drifts
 * over seconds). Returns per-round rates and every call's latency (tinybench `retainSamples`).
 *
 * @throws Error when a task throws (tinybench `throws: true`).
 */
export function runInterleaved(tasks: readonly TaskSpec[], options: InterleavedOptions): TaskSamples[] {
  const rates = new Map<string, number[]>(tasks.map((t) => [t.name, []]));
  const latencies = new Map<string, number[]>(tasks.map((t) => [t.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({
      time: 0,
      iterations: options.iterations,
      warmup: round === 0,
      warmupTime: 0,
      warmupIterations: options.warmupIterations ?? options.iterations,
      retainSamples: true,
      throws: true,
    });
    for (let k = 0; k < tasks.length; k++) {
      const task = tasks[(k + round) % tasks.length]!;
      const fn = task.fn;
      bench.add(
        task.name,
        () => {
          consume(fn());
        },
        { async: false },
      );
    }
    bench.runSync();
    for (const task of tasks) {
      const result = bench.getTask(task.name)?.result;
      if (result === undefined || result.state !== 'completed') {
        throw new Error(`runInterleaved: task ${task.name} did not complete (${result?.state ?? 'missing'})`);
      }
      const samples = result.latency.samples ?? [];
      latencies.get(task.name)!.push(...samples);
      rates.get(task.name)!.push(((task.opsPerCall ?? 1) * 1000) / result.latency.mean);
    }
  }
  return tasks.map((t) => ({ name: t.name, roundRates: rates.get(t.name)!, latenciesMs: latencies.get(t.name)! }));
}

/** A timed sequence of operations: the latency of each and the wall time of the whole. */
export interface TimedSequence {
  /** Each operation's latency in microseconds, in order. */
  readonly latenciesUs: Float64Array;
  /** Wall time of the whole loop in seconds (operations plus whatever `after` does). */
  readonly seconds: number;
  /**
   * CPU time (user + system, all threads) the process spent in the loop, seconds: on a shared machine
   * wall time includes waiting for a core, CPU time does not.
   */
  readonly cpuSeconds: number;
}

/**
 * Calls `op(i)` for `i = 0 … count − 1`, timing each call, then `after(result, i)` untimed per op but inside
 * the loop's wall time (e.g. applying a decision to the state). For stateful workloads where tinybench's
 * repeated calls of one function do not fit.
 */
export function timeSequence<R>(
  count: number,
  op: (i: number) => R,
  after?: (result: R, i: number) => void,
): TimedSequence {
  const latencies = new Float64Array(count);
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const result = op(i);
    latencies[i] = (performance.now() - t0) * 1000;
    if (after !== undefined) after(result, i);
    else consume(result);
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { latenciesUs: latencies, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

/**
 * The samples of the task called `name`.
 *
 * @throws Error when no task has that name.
 */
export function samplesOf(samples: readonly TaskSamples[], name: string): TaskSamples {
  const found = samples.find((s) => s.name === name);
  if (found === undefined) throw new Error(`samplesOf: no task named ${name}`);
  return found;
}
