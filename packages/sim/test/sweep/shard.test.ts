import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../src/sweep/shard.js';

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('0/3')).toEqual({ index: 0, count: 3 });
    expect(parseShard(' 2 / 3 ')).toEqual({ index: 2, count: 3 });
  });

  it.each([
    ['3/3', 'i must be between 0 and 2'],
    ['0/0', 'n must be at least 1'],
    ['1', 'expected i/n with 0 ≤ i < n (e.g. 0/4)'],
    ['-1/3', 'expected i/n with 0 ≤ i < n (e.g. 0/4)'],
    ['a/b', 'expected i/n with 0 ≤ i < n (e.g. 0/4)'],
  ])('rejects %s', (text, reason) => {
    expect(() => parseShard(text)).toThrow(`--shard ${JSON.stringify(text)}: ${reason}`);
  });
});

describe('shardOf', () => {
  it('deals round-robin', () => {
    expect(shardOf([0, 1, 2, 3, 4, 5, 6], { index: 1, count: 3 })).toEqual([1, 4]);
  });

  it('partitions the list: every item in exactly one shard', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 12 }), (items, count) => {
        const shards = Array.from({ length: count }, (_, index) =>
          shardOf(
            items.map((v, i) => [i, v] as const),
            { index, count },
          ),
        );
        const all = shards.flat().sort((a, b) => a[0] - b[0]);
        expect(all.map(([, v]) => v)).toEqual(items);
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
