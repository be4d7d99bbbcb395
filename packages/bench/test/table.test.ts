import { describe, expect, it } from 'vitest';
import { escapeCell, formatNumber, formatRatio, markdownTable } from '../src/table.js';

describe('markdownTable', () => {
  it('pads columns, aligns right where asked and writes the rule row', () => {
    const table = markdownTable(
      ['name', 'value'],
      [
        ['a', '1'],
        ['longer', '12,345'],
      ],
      ['left', 'right'],
    );
    expect(table).toBe(
      ['| name   |  value |', '| ------ | -----: |', '| a      |      1 |', '| longer | 12,345 |'].join('\n'),
    );
  });

  it('escapes pipes and newlines and fills short rows', () => {
    expect(escapeCell('a|b\nc')).toBe('a\\|b c');
    const table = markdownTable(['x', 'y'], [['only']]);
    expect(table.split('\n')[2]).toBe('| only |     |');
  });

  it('rejects a row wider than the header', () => {
    expect(() => markdownTable(['x'], [['1', '2']])).toThrow(RangeError);
  });
});

describe('number formatting', () => {
  it('three significant digits with thousands separators', () => {
    expect(formatNumber(4_213_456.7)).toBe('4,210,000');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(13.6)).toBe('13.6');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('n/a');
  });

  it('ratios are plain numbers (no separators)', () => {
    expect(formatRatio(1.934)).toBe('1.93');
    expect(formatRatio(214.4)).toBe('214');
    expect(formatRatio(12_345)).toBe('12300');
    expect(Number(formatRatio(98_765.4))).toBeGreaterThan(0);
    expect(formatRatio(Number.POSITIVE_INFINITY)).toBe('n/a');
  });
});
