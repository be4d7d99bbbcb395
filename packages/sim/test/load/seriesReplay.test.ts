import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/RandomStream.js';
import { aggregateNodeCurve, assignSeriesToNodes } from '../../src/load/assignSeries.js';
import type { UtilizationSeries } from '../../src/load/UtilizationSeries.js';
import { seriesCurve } from '../../src/load/UtilizationSeries.js';

const series: UtilizationSeries = { id: 's', timesMs: [1_000, 2_000, 4_000], values: [0.2, 0.4, 0.8] };

describe('seriesCurve', () => {
  it('holds each sample until the next with step interpolation, starting at the first sample', () => {
    const c = seriesCurve(series, { loop: false });
    // simulation 0 is trace 1 s (the first sample) by default
    expect([c(0), c(999), c(1_000), c(2_999), c(3_000), c(10_000)]).toEqual([0.2, 0.2, 0.4, 0.4, 0.8, 0.8]);
    const fromStart = seriesCurve(series, { loop: false, timeOffsetMs: 0 });
    expect([fromStart(0), fromStart(1_500)]).toEqual([0.2, 0.2]);
  });

  it('draws straight lines with linear interpolation', () => {
    const c = seriesCurve(series, { interpolation: 'linear', timeOffsetMs: 0, loop: false });
    expect(c(1_500)).toBeCloseTo(0.3, 12);
    expect(c(3_000)).toBeCloseTo(0.6, 12);
  });

  it('loops over the span plus one sampling gap (first 1 s … last 4 s + 2 s ⇒ 5 s)', () => {
    const c = seriesCurve(series, { timeOffsetMs: 0 });
    expect(c(1_000 + 5_000)).toBe(0.2);
    expect(c(5_500)).toBe(0.8); // in the wrap-around gap the last value holds
    expect(c(2_000 + 50_000)).toBe(0.4);
  });

  it('is zero for an empty series', () => {
    expect(seriesCurve({ id: 'e', timesMs: [], values: [] })(5)).toBe(0);
  });
});

describe('assignSeriesToNodes', () => {
  const nodes = ['n0', 'n1', 'n2', 'n3', 'n4'];

  it('deals round-robin, reusing series when nodes outnumber them', () => {
    expect([...assignSeriesToNodes(nodes, ['a', 'b'])]).toEqual([
      ['n0', 'a'],
      ['n1', 'b'],
      ['n2', 'a'],
      ['n3', 'b'],
      ['n4', 'a'],
    ]);
  });

  it('shuffles reproducibly with a seeded source', () => {
    const deal = (seed: string) => [
      ...assignSeriesToNodes(nodes, ['a', 'b', 'c', 'd', 'e'], {
        mode: 'shuffle',
        random: new RandomStream(seed).next,
      }).values(),
    ];
    expect(deal('x')).toEqual(deal('x'));
    expect([...deal('x')].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(['x', 'y', 'z', 'w'].some((s) => deal(s).join() !== 'a,b,c,d,e')).toBe(true);
  });

  it('refuses to deal nothing', () => {
    expect(() => assignSeriesToNodes(nodes, [])).toThrow(RangeError);
  });
});

describe('aggregateNodeCurve', () => {
  it('is the aggregate itself without jitter, and a per-node clamped variation with it', () => {
    const flat: UtilizationSeries = { id: 'agg', timesMs: [0, 300_000], values: [0.4, 0.4] };
    expect(aggregateNodeCurve(flat, { seed: 1, nodeKey: 'n0' })(123_456)).toBe(0.4);
    const a = aggregateNodeCurve(flat, { seed: 1, nodeKey: 'n0', jitterStddev: 0.05 });
    const b = aggregateNodeCurve(flat, { seed: 1, nodeKey: 'n1', jitterStddev: 0.05 });
    expect(a(123_456)).not.toBe(b(123_456));
    expect(a(123_456)).toBe(aggregateNodeCurve(flat, { seed: 1, nodeKey: 'n0', jitterStddev: 0.05 })(123_456));
    for (let t = 0; t < 10 ** 8; t += 999_983) {
      expect(a(t)).toBeGreaterThanOrEqual(0);
      expect(a(t)).toBeLessThanOrEqual(1);
    }
  });
});
