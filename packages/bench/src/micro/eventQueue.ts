import { Engine, EventHeap, Phase } from '@gleaner/sim';
import { runInterleaved, samplesOf } from '../measure.js';
import { exponential, mulberry32 } from '../rng.js';
import { atLeast, makeRow } from '../row.js';
import { median } from '../stats.js';
import type { Suite, SuiteContext, SuiteResult } from '../suite.js';
import type { BaselineEvent } from './queues.js';
import { FlatHeap, SortedArrayQueue } from './queues.js';

/**
 * Event-queue hold model (the classic priority-queue benchmark of DES): 1,000 events pending; each step
 * pops the earliest and schedules one more at `now + Exp(mean 1 s)` rounded to whole ms (so equal times
 * occur and the (time, seq) tie-break works). Gleaner's `Engine` (schedule + run loop with handlers) and its
 * `EventHeap` alone, against a flatqueue-style heap and a sorted array, on the same precomputed delays.
 * @module
 */

const PENDING = 1000;
const DELAY_MASK = (1 << 16) - 1;

function makeDelays(): Int32Array {
  const r = mulberry32(11);
  return Int32Array.from({ length: DELAY_MASK + 1 }, () => Math.round(exponential(r, 1000)));
}

/** Holds through `events` events with the simulator's Engine; returns the final clock. */
export function holdEngine(delays: Int32Array, events: number): number {
  const engine = new Engine();
  let fired = 0;
  let k = 0;
  const handler = (e: Engine): void => {
    if (++fired >= events) {
      e.stop();
      return;
    }
    e.after(delays[k++ & DELAY_MASK]!, Phase.NORMAL, handler);
  };
  for (let i = 0; i < PENDING; i++) engine.after(delays[k++ & DELAY_MASK]!, Phase.NORMAL, handler);
  engine.run();
  return engine.now;
}

/** Holds with the bare EventHeap (the Engine's queue without validation, handles or handlers). */
export function holdEventHeap(delays: Int32Array, events: number): number {
  const heap = new EventHeap<BaselineEvent>();
  let seq = 0;
  let k = 0;
  for (let i = 0; i < PENDING; i++) {
    const time = delays[k++ & DELAY_MASK]!;
    heap.push(time * 16 + Phase.NORMAL, seq, { time, seq });
    seq++;
  }
  let now = 0;
  for (let n = 0; n < events; n++) {
    now = heap.pop()!.time;
    const time = now + delays[k++ & DELAY_MASK]!;
    heap.push(time * 16 + Phase.NORMAL, seq, { time, seq });
    seq++;
  }
  return now;
}

/** Holds with the flatqueue-style heap (ids + numeric key; event objects in a side array). */
export function holdFlatHeap(delays: Int32Array, events: number): number {
  const heap = new FlatHeap();
  const slots: BaselineEvent[] = [];
  let seq = 0;
  let k = 0;
  for (let i = 0; i < PENDING; i++) {
    const time = delays[k++ & DELAY_MASK]!;
    slots[i] = { time, seq: seq++ };
    heap.push(i, time);
  }
  let now = 0;
  for (let n = 0; n < events; n++) {
    const id = heap.pop()!;
    now = slots[id]!.time;
    const time = now + delays[k++ & DELAY_MASK]!;
    slots[id] = { time, seq: seq++ };
    heap.push(id, time);
  }
  return now;
}

/** Holds with the sorted-array queue. */
export function holdSortedArray(delays: Int32Array, events: number): number {
  const queue = new SortedArrayQueue();
  let seq = 0;
  let k = 0;
  for (let i = 0; i < PENDING; i++) queue.push({ time: delays[k++ & DELAY_MASK]!, seq: seq++ });
  let now = 0;
  for (let n = 0; n < events; n++) {
    now = queue.pop()!.time;
    queue.push({ time: now + delays[k++ & DELAY_MASK]!, seq: seq++ });
  }
  return now;
}

async function run(context: SuiteContext): Promise<SuiteResult> {
  const delays = makeDelays();
  const events = context.quick ? 20_000 : 200_000;
  // Same work, same answer: every queue must end at the same clock.
  const clocks = new Set([
    holdEngine(delays, 5000),
    holdEventHeap(delays, 5000),
    holdFlatHeap(delays, 5000),
    holdSortedArray(delays, 5000),
  ]);
  const agree = clocks.size === 1;
  context.log(`queue: hold model, ${PENDING} pending, ${events} events per call`);
  const samples = runInterleaved(
    [
      { name: 'engine', fn: () => holdEngine(delays, events), opsPerCall: events },
      { name: 'heap', fn: () => holdEventHeap(delays, events), opsPerCall: events },
      { name: 'flat', fn: () => holdFlatHeap(delays, events), opsPerCall: events },
      { name: 'sorted', fn: () => holdSortedArray(delays, events), opsPerCall: events },
    ],
    { rounds: context.quick ? 2 : 7, iterations: context.quick ? 2 : 3 },
  );
  const engine = samplesOf(samples, 'engine');
  const heap = samplesOf(samples, 'heap');
  const flat = samplesOf(samples, 'flat');
  const sorted = samplesOf(samples, 'sorted');
  const engineRow = makeRow({
    id: 'queue/engine-hold',
    title: `Engine hold model, ${PENDING} pending events (schedule + run + handler)`,
    unit: 'events/s',
    samples: engine.roundRates,
    baseline: { name: 'flatqueue-style heap (key only, not FIFO-stable)', samples: flat.roundRates },
    target: atLeast(median(engine.roundRates), 4_000_000, '≥ 4,000,000 events/s'),
    notes: `${events.toLocaleString('en-US')} events per call; queues agree on the final clock: ${agree ? 'yes' : 'NO'}`,
  });
  const heapRow = makeRow({
    id: 'queue/event-heap',
    title: 'EventHeap alone, (time, phase, seq) key, same hold model',
    unit: 'events/s',
    samples: heap.roundRates,
    baseline: { name: 'sorted-array queue', samples: sorted.roundRates },
    notes: 'the Engine minus validation, handles and handler calls',
  });
  return { rows: [engineRow, heapRow], details: { events, pending: PENDING, queuesAgree: agree } };
}

/** The event-queue suite. */
export const eventQueueSuite: Suite = {
  name: 'queue',
  description: 'event queue hold model: Engine and EventHeap vs flatqueue-style heap and sorted array',
  byDefault: true,
  rowIds: ['queue/engine-hold', 'queue/event-heap'],
  run,
};
