import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/RandomStream.js';
import { RandomStreams } from '../../src/engine/RandomStreams.js';

const draw = (stream: RandomStream, n: number): number[] => Array.from({ length: n }, () => stream.next());

describe('RandomStream', () => {
  it('repeats its sequence for the same seed', () => {
    expect(draw(new RandomStream('gleaner/arrivals'), 50)).toEqual(draw(new RandomStream('gleaner/arrivals'), 50));
  });

  it('differs for a different seed', () => {
    expect(draw(new RandomStream('a'), 5)).not.toEqual(draw(new RandomStream('b'), 5));
  });

  it('is pinned: the derivation must not change between releases, or old results stop reproducing', () => {
    const streams = new RandomStreams(42);
    expect(draw(streams.stream('arrivals'), 2)).toEqual([0.0966915604909585, 0.9512710102925289]);
    expect(streams.stream('durations').next()).toBe(0.8384418630509147);
    expect(draw(new RandomStream('42/arrivals'), 2)).toEqual([0.0966915604909585, 0.9512710102925289]);
  });

  it('draws in [0, 1)', () => {
    const s = new RandomStream('range');
    for (const u of draw(s, 10_000)) {
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });

  it('can be passed on unbound as a source', () => {
    const a = new RandomStream('x');
    const b = new RandomStream('x');
    const source = a.next;
    expect([source(), source()]).toEqual([b.next(), b.next()]);
  });

  it('int(lo, hi) covers both ends and nothing outside', () => {
    const s = new RandomStream('dice');
    const counts = new Map<number, number>();
    for (let i = 0; i < 6_000; i++) {
      const v = s.int(1, 6);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const c of counts.values()) expect(c).toBeGreaterThan(800); // 1,000 expected each
    expect(s.int(7, 7)).toBe(7);
    expect(s.int(-3, -3)).toBe(-3);
  });

  it('int() rejects bad bounds', () => {
    const s = new RandomStream('bad');
    expect(() => s.int(2, 1)).toThrow(RangeError);
    expect(() => s.int(0.5, 3)).toThrow(RangeError);
    expect(() => s.int(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('saves and restores its state exactly, as plain JSON', () => {
    const s = new RandomStream('checkpoint');
    draw(s, 17);
    const saved = JSON.parse(JSON.stringify(s.getState()));
    const expected = draw(s, 20);
    const t = new RandomStream('something else');
    t.setState(saved);
    expect(draw(t, 20)).toEqual(expected);
    s.setState(saved);
    expect(draw(s, 20)).toEqual(expected);
  });
});

describe('RandomStreams', () => {
  it('gives the same sequences for the same master seed', () => {
    const a = new RandomStreams('run-1');
    const b = new RandomStreams('run-1');
    expect(draw(a.stream('durations'), 30)).toEqual(draw(b.stream('durations'), 30));
  });

  it('treats a number seed like its decimal text', () => {
    expect(draw(new RandomStreams(7).stream('x'), 5)).toEqual(draw(new RandomStreams('7').stream('x'), 5));
    expect(new RandomStreams(7).masterSeed).toBe('7');
    expect(() => new RandomStreams(Number.NaN)).toThrow(RangeError);
  });

  it('gives different names and different master seeds different sequences', () => {
    const s = new RandomStreams('seed');
    const arrivals = draw(s.stream('arrivals'), 10);
    expect(draw(s.stream('durations'), 10)).not.toEqual(arrivals);
    expect(draw(new RandomStreams('other').stream('arrivals'), 10)).not.toEqual(arrivals);
  });

  it('returns the same stream object for a name', () => {
    const s = new RandomStreams(1);
    expect(s.stream('load-noise')).toBe(s.stream('load-noise'));
    s.stream('arrivals');
    expect(s.names()).toEqual(['arrivals', 'load-noise']);
  });

  it('does not shift a stream when another stream is added or drawn from', () => {
    // Run A uses only arrivals; run B interleaves a new startup-latency stream between its draws.
    const a = new RandomStreams(2024);
    const onlyArrivals = draw(a.stream('arrivals'), 40);

    const b = new RandomStreams(2024);
    const interleaved: number[] = [];
    for (let i = 0; i < 40; i++) {
      b.stream('startup-latency').next();
      if (i % 3 === 0) b.stream('durations').int(1, 100);
      interleaved.push(b.stream('arrivals').next());
    }
    expect(interleaved).toEqual(onlyArrivals);
  });

  it('does not depend on the order streams are created in', () => {
    const a = new RandomStreams('order');
    const b = new RandomStreams('order');
    a.stream('x');
    const ay = draw(a.stream('y'), 5);
    const by = draw(b.stream('y'), 5);
    expect(ay).toEqual(by);
  });

  it('saves and restores every stream for a checkpoint', () => {
    const s = new RandomStreams(99);
    draw(s.stream('arrivals'), 3);
    draw(s.stream('durations'), 8);
    const saved = JSON.parse(JSON.stringify(s.saveState()));
    expect(Object.keys(saved.streams)).toEqual(['arrivals', 'durations']);
    const expected = [draw(s.stream('arrivals'), 5), draw(s.stream('durations'), 5)];

    const fresh = new RandomStreams(99);
    fresh.restoreState(saved);
    expect([draw(fresh.stream('arrivals'), 5), draw(fresh.stream('durations'), 5)]).toEqual(expected);
  });

  it('refuses a state saved from another master seed', () => {
    const saved = new RandomStreams(1).saveState();
    expect(() => new RandomStreams(2).restoreState(saved)).toThrow(/seed "1", not "2"/);
  });
});
