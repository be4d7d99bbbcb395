import { describe, expect, it } from 'vitest';
import { compareVariants, parseVariant, setsVariant } from '../../src/sweep/variants.js';

describe('variants', () => {
  it('parses named and unnamed variants, keeping commas inside values', () => {
    expect(parseVariant('hot:colocation.cpuReclaimThresholdPercent=70,fleetScheduler.rescheduleTimeout=60s')).toEqual({
      name: 'hot',
      sets: ['colocation.cpuReclaimThresholdPercent=70', 'fleetScheduler.rescheduleTimeout=60s'],
    });
    expect(parseVariant('colocation.cpuReclaimThresholdPercent=70')).toEqual({
      name: 'cpuReclaimThresholdPercent=70',
      sets: ['colocation.cpuReclaimThresholdPercent=70'],
    });
    expect(parseVariant('d:description=a, b, c=d').sets).toEqual(['description=a, b', 'c=d']);
    expect(parseVariant('v:name=a:b').sets).toEqual(['name=a:b']);
  });

  it.each([
    [':a=1', 'the name before ":" is empty'],
    ['x:', 'expected name:key=value[,key=value…]'],
    ['x:a', 'expected key=value'],
    ['x:a..b=1', 'empty path segment'],
  ])('rejects --variant %s', (text, reason) => {
    expect(() => parseVariant(text)).toThrow(`--variant ${JSON.stringify(text)}: ${reason}`);
  });

  it('puts the baseline first, then --set, then the variants', () => {
    const all = compareVariants(
      ['colocation.cpuReclaimThresholdPercent=70'],
      [parseVariant('low:colocation.cpuReclaimThresholdPercent=50')],
    );
    expect(all.map((v) => v.name)).toEqual(['baseline', 'cpuReclaimThresholdPercent=70', 'low']);
    expect(all[0]!.sets).toEqual([]);
    expect(setsVariant(['a.b=1', 'c=2']).name).toBe('b=1, c=2');
  });

  it('needs something to compare and unique names', () => {
    expect(() => compareVariants([], [])).toThrow('nothing to compare');
    expect(() => compareVariants([], [parseVariant('baseline:a=1')])).toThrow('two variants are named "baseline"');
  });
});
