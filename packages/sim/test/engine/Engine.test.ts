import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine, MAX_TIME_MS } from '../../src/engine/Engine.js';
import { EngineError } from '../../src/engine/EngineError.js';
import type { EventHandle } from '../../src/engine/EventHandle.js';
import { MAX_PHASE, Phase } from '../../src/engine/Phase.js';

/** The EngineError code `fn` throws; fails the test when it throws anything else or nothing. */
function codeOf(fn: () => unknown): EngineError['code'] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return (error as EngineError).code;
  }
  throw new Error('expected an EngineError');
}

describe('Engine clock and ordering', () => {
  it('starts at 0 (or startMs) with nothing pending', () => {
    expect(new Engine().now).toBe(0);
    const engine = new Engine({ startMs: 5_000 });
    expect(engine.now).toBe(5_000);
    expect(engine.pending).toBe(0);
    expect(engine.nextTime()).toBeUndefined();
    expect(engine.step()).toBe(false);
  });

  it('fires events in time order and advances now to each event', () => {
    const engine = new Engine();
    const seen: [string, number][] = [];
    const log = (name: string) => (e: Engine) => seen.push([name, e.now]);
    engine.schedule(300, Phase.NORMAL, log('c'));
    engine.schedule(100, Phase.NORMAL, log('a'));
    engine.schedule(200, Phase.NORMAL, log('b'));
    expect(engine.pending).toBe(3);
    expect(engine.run()).toBe(3);
    expect(seen).toEqual([
      ['a', 100],
      ['b', 200],
      ['c', 300],
    ]);
    expect(engine.now).toBe(300);
    expect(engine.pending).toBe(0);
    expect(engine.executed).toBe(3);
  });

  it('runs equal-time events by phase, then first scheduled first', () => {
    const engine = new Engine();
    const seen: string[] = [];
    const log = (name: string) => () => seen.push(name);
    engine.schedule(10, Phase.OBSERVE, log('observe'));
    engine.schedule(10, Phase.NORMAL, log('normal-1'));
    engine.schedule(10, Phase.SCHEDULE, log('schedule'));
    engine.schedule(10, Phase.NORMAL, log('normal-2'));
    engine.schedule(10, Phase.URGENT, log('urgent'));
    engine.schedule(10, Phase.INPUT, log('input'));
    engine.schedule(10, Phase.CONTROL, log('control'));
    engine.schedule(10, Phase.NORMAL, log('normal-3'));
    engine.schedule(9, Phase.OBSERVE, log('earlier'));
    engine.run();
    expect(seen).toEqual([
      'earlier',
      'urgent',
      'input',
      'normal-1',
      'normal-2',
      'normal-3',
      'control',
      'schedule',
      'observe',
    ]);
  });

  it('keeps FIFO order among many equal-time events (no string-id or heap instability)', () => {
    const engine = new Engine();
    const seen: number[] = [];
    for (let i = 0; i < 1_000; i++) engine.schedule(42, Phase.NORMAL, (_, n: number) => seen.push(n), i);
    engine.run();
    expect(seen).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
  });

  it('hands the payload to the handler', () => {
    const engine = new Engine();
    const got: string[] = [];
    const handler = (e: Engine, pod: { name: string }): void => {
      got.push(`${pod.name}@${e.now}`);
    };
    engine.schedule(5, Phase.NORMAL, handler, { name: 'driver' });
    engine.after(7, Phase.NORMAL, handler, { name: 'exec-1' });
    engine.run();
    expect(got).toEqual(['driver@5', 'exec-1@7']);
  });

  it('lets handlers schedule more work, including at the current millisecond', () => {
    const engine = new Engine();
    const seen: string[] = [];
    engine.schedule(10, Phase.NORMAL, (e) => {
      seen.push(`first@${e.now}`);
      e.after(0, Phase.NORMAL, (e2) => seen.push(`same-ms@${e2.now}`));
      e.after(5, Phase.NORMAL, (e2) => seen.push(`later@${e2.now}`));
    });
    engine.schedule(10, Phase.NORMAL, () => seen.push('second@10'));
    engine.run();
    // The zero-delay event joins the back of the current millisecond's NORMAL phase.
    expect(seen).toEqual(['first@10', 'second@10', 'same-ms@10', 'later@15']);
  });

  it('after() counts from now', () => {
    const engine = new Engine({ startMs: 1_000 });
    const handle = engine.after(250, Phase.NORMAL, () => {});
    expect(handle.timeMs).toBe(1_250);
    expect(handle.phase).toBe(Phase.NORMAL);
    engine.run();
    expect(engine.now).toBe(1_250);
  });
});

describe('Engine cancellation', () => {
  it('skips a cancelled event and reports cancel() once', () => {
    const engine = new Engine();
    const seen: number[] = [];
    const keep = engine.schedule(1, Phase.NORMAL, () => seen.push(1));
    const drop = engine.schedule(2, Phase.NORMAL, () => seen.push(2));
    engine.schedule(3, Phase.NORMAL, () => seen.push(3));
    expect(drop.pending).toBe(true);
    expect(drop.cancel()).toBe(true);
    expect(drop.pending).toBe(false);
    expect(drop.cancel()).toBe(false);
    expect(engine.pending).toBe(2);
    expect(engine.run()).toBe(2);
    expect(seen).toEqual([1, 3]);
    expect(keep.pending).toBe(false);
    expect(keep.cancel()).toBe(false); // already fired
    expect(engine.pending).toBe(0);
  });

  it('lets a handler cancel a later event (a timeout the driver beat)', () => {
    const engine = new Engine();
    const seen: string[] = [];
    const timeout = engine.schedule(600_000, Phase.CONTROL, () => seen.push('reschedule'));
    engine.schedule(20_000, Phase.NORMAL, () => {
      seen.push('driver running');
      timeout.cancel();
    });
    engine.run();
    expect(seen).toEqual(['driver running']);
    expect(engine.now).toBe(20_000); // the cancelled event does not move the clock
  });

  it('nextTime() skips cancelled events at the front', () => {
    const engine = new Engine();
    const a = engine.schedule(5, Phase.NORMAL, () => {});
    engine.schedule(9, Phase.NORMAL, () => {});
    a.cancel();
    expect(engine.nextTime()).toBe(9);
  });

  it('stays correct when most of a large queue is cancelled (compaction)', () => {
    const engine = new Engine();
    const seen: number[] = [];
    const handles: EventHandle[] = [];
    for (let i = 0; i < 5_000; i++) handles.push(engine.schedule(i, Phase.NORMAL, () => seen.push(i)));
    for (let i = 0; i < 5_000; i++) if (i % 7 !== 0) handles[i]!.cancel();
    const expected = Array.from({ length: 5_000 }, (_, i) => i).filter((i) => i % 7 === 0);
    expect(engine.pending).toBe(expected.length);
    engine.run();
    expect(seen).toEqual(expected);
    expect(engine.pending).toBe(0);
  });
});

describe('Engine periodic tasks', () => {
  it('fires at start, start + period, … at exact multiples', () => {
    const engine = new Engine();
    const times: number[] = [];
    const task = engine.every(1_000, 500, Phase.OBSERVE, (e) => times.push(e.now));
    expect(task.periodMs).toBe(1_000);
    expect(task.nextMs).toBe(500);
    engine.run(3_600);
    expect(times).toEqual([500, 1_500, 2_500, 3_500]);
    expect(task.runs).toBe(4);
    expect(task.nextMs).toBe(4_500);
    expect(engine.pending).toBe(1);
  });

  it('stops when cancelled, also from inside its own handler', () => {
    const engine = new Engine();
    const times: number[] = [];
    const task = engine.every(10, 0, Phase.NORMAL, (e) => {
      times.push(e.now);
      if (times.length === 3) task.cancel();
    });
    engine.run(1_000);
    expect(times).toEqual([0, 10, 20]);
    expect(task.active).toBe(false);
    expect(task.nextMs).toBeUndefined();
    expect(task.cancel()).toBe(false);
    expect(engine.pending).toBe(0);
  });

  it('stops when cancelled from outside between firings', () => {
    const engine = new Engine();
    let runs = 0;
    const task = engine.every(100, 0, Phase.CONTROL, () => runs++);
    engine.run(250);
    expect(task.cancel()).toBe(true);
    engine.run(1_000);
    expect(runs).toBe(3);
    expect(engine.pending).toBe(0);
  });

  it('keeps periodic tasks with the same period in a stable order', () => {
    const engine = new Engine();
    const seen: string[] = [];
    engine.every(1_000, 0, Phase.CONTROL, () => seen.push('koordlet'));
    engine.every(1_000, 0, Phase.CONTROL, () => seen.push('estimator'));
    engine.run(3_000);
    expect(seen).toEqual(Array(4).fill(['koordlet', 'estimator']).flat());
  });

  it('passes its payload to every firing', () => {
    const engine = new Engine();
    const counter = { n: 0 };
    engine.every(5, 5, Phase.NORMAL, (_, c: { n: number }) => c.n++, counter);
    engine.run(25);
    expect(counter.n).toBe(5);
  });
});

describe('Engine run(until) and step()', () => {
  it('runs events at exactly untilMs in every phase, then sets the clock to untilMs', () => {
    const engine = new Engine();
    const seen: number[] = [];
    engine.schedule(100, Phase.OBSERVE, () => seen.push(100));
    engine.schedule(101, Phase.URGENT, () => seen.push(101));
    expect(engine.run(100)).toBe(1);
    expect(seen).toEqual([100]);
    expect(engine.now).toBe(100);
    expect(engine.pending).toBe(1);
    expect(engine.run(500)).toBe(1);
    expect(engine.now).toBe(500); // the clock moves to untilMs even though the queue emptied at 101
  });

  it('without untilMs, runs until the queue is empty and leaves the clock at the last event', () => {
    const engine = new Engine();
    engine.schedule(70, Phase.NORMAL, () => {});
    engine.run();
    expect(engine.now).toBe(70);
  });

  it('run(now) on an empty queue is a no-op', () => {
    const engine = new Engine({ startMs: 10 });
    expect(engine.run(10)).toBe(0);
    expect(engine.now).toBe(10);
  });

  it('stop() ends the run after the current handler with the clock at its event', () => {
    const engine = new Engine();
    const seen: number[] = [];
    engine.schedule(1, Phase.NORMAL, () => seen.push(1));
    engine.schedule(2, Phase.NORMAL, (e) => {
      seen.push(2);
      e.stop();
    });
    engine.schedule(3, Phase.NORMAL, () => seen.push(3));
    expect(engine.run(10)).toBe(2);
    expect(engine.now).toBe(2);
    expect(seen).toEqual([1, 2]);
    engine.run(10); // a later run resumes
    expect(seen).toEqual([1, 2, 3]);
    expect(engine.now).toBe(10);
  });

  it('step() fires one event at a time', () => {
    const engine = new Engine();
    const seen: number[] = [];
    engine.schedule(4, Phase.NORMAL, () => seen.push(4));
    engine.schedule(2, Phase.NORMAL, () => seen.push(2));
    expect(engine.step()).toBe(true);
    expect(seen).toEqual([2]);
    expect(engine.now).toBe(2);
    expect(engine.step()).toBe(true);
    expect(engine.step()).toBe(false);
    expect(seen).toEqual([2, 4]);
  });

  it('leaves the engine usable after a handler throws', () => {
    const engine = new Engine();
    engine.schedule(1, Phase.NORMAL, () => {
      throw new Error('model bug');
    });
    engine.schedule(2, Phase.NORMAL, () => {});
    expect(() => engine.run()).toThrow('model bug');
    expect(engine.now).toBe(1);
    expect(engine.isRunning).toBe(false);
    expect(engine.run()).toBe(1);
  });

  it('refuses to run or step from inside a handler', () => {
    const engine = new Engine();
    const codes: string[] = [];
    engine.schedule(1, Phase.NORMAL, (e) => {
      codes.push(codeOf(() => e.run(5)));
      codes.push(codeOf(() => e.step()));
    });
    engine.run();
    expect(codes).toEqual(['ENGINE_BUSY', 'ENGINE_BUSY']);
  });
});

describe('Engine rejects bad schedules when they are made', () => {
  const noop = (): void => {};

  it.each<[string, (e: Engine) => unknown, EngineError['code']]>([
    ['a time in the past', (e) => e.schedule(99, Phase.NORMAL, noop), 'TIME_IN_PAST'],
    ['a fractional time', (e) => e.schedule(100.5, Phase.NORMAL, noop), 'TIME_NOT_INTEGER'],
    ['NaN', (e) => e.schedule(Number.NaN, Phase.NORMAL, noop), 'TIME_NOT_INTEGER'],
    ['Infinity', (e) => e.schedule(Number.POSITIVE_INFINITY, Phase.NORMAL, noop), 'TIME_NOT_INTEGER'],
    ['a time beyond MAX_TIME_MS', (e) => e.schedule(MAX_TIME_MS + 1, Phase.NORMAL, noop), 'TIME_OUT_OF_RANGE'],
    ['a negative delay', (e) => e.after(-1, Phase.NORMAL, noop), 'DELAY_NEGATIVE'],
    ['a fractional delay', (e) => e.after(0.5, Phase.NORMAL, noop), 'TIME_NOT_INTEGER'],
    ['a negative phase', (e) => e.schedule(100, -1, noop), 'PHASE_INVALID'],
    ['a phase above MAX_PHASE', (e) => e.schedule(100, MAX_PHASE + 1, noop), 'PHASE_INVALID'],
    ['a fractional phase', (e) => e.schedule(100, 1.5, noop), 'PHASE_INVALID'],
    ['a zero period', (e) => e.every(0, 100, Phase.NORMAL, noop), 'PERIOD_INVALID'],
    ['a fractional period', (e) => e.every(2.5, 100, Phase.NORMAL, noop), 'PERIOD_INVALID'],
    ['a periodic start in the past', (e) => e.every(10, 50, Phase.NORMAL, noop), 'TIME_IN_PAST'],
    ['run until the past', (e) => e.run(50), 'TIME_IN_PAST'],
    ['run until a fraction', (e) => e.run(150.5), 'TIME_NOT_INTEGER'],
    ['a negative start', () => new Engine({ startMs: -1 }), 'TIME_OUT_OF_RANGE'],
  ])('rejects %s', (_, act, code) => {
    const engine = new Engine({ startMs: 100 });
    expect(codeOf(() => act(engine))).toBe(code);
    expect(engine.pending).toBe(0); // nothing half-queued
  });

  it('accepts a time equal to now, phase 0 and MAX_PHASE, and MAX_TIME_MS', () => {
    const engine = new Engine({ startMs: 100 });
    engine.schedule(100, 0, noop);
    engine.schedule(100, MAX_PHASE, noop);
    engine.schedule(MAX_TIME_MS, Phase.NORMAL, noop);
    expect(engine.pending).toBe(3);
  });

  it('names the method and the value in the message', () => {
    const engine = new Engine({ startMs: 100 });
    expect(() => engine.schedule(99, Phase.NORMAL, noop)).toThrow('Engine.schedule: time 99 ms is before now (100 ms)');
    expect(() => engine.after(-5, Phase.NORMAL, noop)).toThrow('Engine.after: delay -5 ms is negative');
  });
});

// ---- property tests --------------------------------------------------------------------------------

/** One operation of a random engine session. */
type Op =
  | { readonly kind: 'schedule'; readonly delay: number; readonly phase: number; readonly child?: ChildOp }
  | { readonly kind: 'cancel'; readonly index: number }
  | { readonly kind: 'step' };
/** An event a handler schedules when it fires. */
type ChildOp = { readonly delay: number; readonly phase: number };

// Few distinct delays and phases, so events with equal (time, phase) keys are common.
const phaseArb = fc.constantFrom(0, Phase.NORMAL, MAX_PHASE);
const delayArb = fc.integer({ min: 0, max: 3 });
const childArb: fc.Arbitrary<ChildOp> = fc.record({ delay: delayArb, phase: phaseArb });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('schedule' as const), delay: delayArb, phase: phaseArb }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('schedule' as const), delay: delayArb, phase: phaseArb, child: childArb }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), index: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('step' as const) }) },
);

/** The reference model's view of one queued event. */
interface Ref {
  readonly id: number;
  readonly time: number;
  readonly phase: number;
  readonly seq: number;
  cancelled: boolean;
  fired: boolean;
}

const byKey = (a: Ref, b: Ref): number => a.time - b.time || a.phase - b.phase || a.seq - b.seq;

describe('Engine properties', () => {
  it('with schedules and cancels up front, fires exactly a stable sort of the survivors by (time, phase)', () => {
    const scheduleOnly = fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('schedule' as const), delay: fc.integer({ min: 0, max: 6 }), phase: phaseArb }),
        fc.record({ kind: fc.constant('cancel' as const), index: fc.nat() }),
      ),
      { maxLength: 200 },
    );
    fc.assert(
      fc.property(scheduleOnly, (ops) => {
        const engine = new Engine();
        const refs: Ref[] = [];
        const handles: EventHandle[] = [];
        const fired: number[] = [];
        const times: number[] = [];
        for (const op of ops) {
          if (op.kind === 'schedule') {
            const id = refs.length;
            refs.push({ id, time: op.delay, phase: op.phase, seq: id, cancelled: false, fired: false });
            handles.push(
              engine.schedule(op.delay, op.phase, (e) => {
                fired.push(id);
                times.push(e.now);
              }),
            );
          } else if (handles.length > 0) {
            const i = op.index % handles.length;
            handles[i]!.cancel();
            refs[i]!.cancelled = true;
          }
        }
        expect(engine.pending).toBe(refs.filter((r) => !r.cancelled).length);
        engine.run();
        // Array.prototype.sort is stable, and insertion order is the tie-break of last resort.
        const expected = refs
          .filter((r) => !r.cancelled)
          .sort((a, b) => a.time - b.time || a.phase - b.phase)
          .map((r) => r.id);
        expect(fired).toEqual(expected);
        for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
      }),
    );
  });

  it('interleaved with steps and handler-scheduled events, always fires the least pending (time, phase, seq)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 150 }), (ops) => {
        const engine = new Engine();
        const refs: Ref[] = [];
        const handles: EventHandle[] = [];
        let seq = 0;
        let lastTime = 0;

        const add = (delay: number, phase: number, child: ChildOp | undefined): void => {
          const ref: Ref = {
            id: refs.length,
            time: engine.now + delay,
            phase,
            seq: seq++,
            cancelled: false,
            fired: false,
          };
          refs.push(ref);
          handles.push(
            engine.schedule(ref.time, phase, (e) => {
              // The event firing must be the least live one in the reference model.
              const least = refs.filter((r) => !r.cancelled && !r.fired).sort(byKey)[0];
              expect(least).toBe(ref);
              expect(e.now).toBe(ref.time);
              expect(e.now).toBeGreaterThanOrEqual(lastTime);
              lastTime = e.now;
              ref.fired = true;
              if (child !== undefined) add(child.delay, child.phase, undefined);
            }),
          );
        };

        for (const op of ops) {
          if (op.kind === 'schedule') add(op.delay, op.phase, op.child);
          else if (op.kind === 'cancel') {
            if (handles.length === 0) continue;
            const i = op.index % handles.length;
            const ref = refs[i]!;
            expect(handles[i]!.cancel()).toBe(!ref.cancelled && !ref.fired);
            if (!ref.fired) ref.cancelled = true;
          } else {
            const live = refs.some((r) => !r.cancelled && !r.fired);
            expect(engine.step()).toBe(live);
          }
          expect(engine.pending).toBe(refs.filter((r) => !r.cancelled && !r.fired).length);
        }
        engine.run();
        expect(refs.every((r) => r.cancelled || r.fired)).toBe(true);
        expect(engine.pending).toBe(0);
      }),
    );
  });

  it('is deterministic: the same session twice fires the same sequence', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        const session = (): string[] => {
          const engine = new Engine();
          const log: string[] = [];
          const handles: EventHandle[] = [];
          for (const [i, op] of ops.entries()) {
            if (op.kind === 'schedule') {
              handles.push(engine.after(op.delay, op.phase, (e) => log.push(`${i}@${e.now}/${op.phase}`)));
            } else if (op.kind === 'cancel' && handles.length > 0) handles[op.index % handles.length]!.cancel();
            else if (op.kind === 'step') engine.step();
          }
          engine.run();
          return log;
        };
        expect(session()).toEqual(session());
      }),
    );
  });
});
