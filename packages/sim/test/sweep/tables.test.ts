import { describe, expect, it } from 'vitest';
import { summaryMetric } from '../../src/report/summaryMetrics.js';
import { formatTextTable } from '../../src/report/textTable.js';
import { formatInterval, formatPlusMinus } from '../../src/sweep/tables.js';

describe('tables', () => {
  it('formats means with intervals in the metric units', () => {
    const harvest = summaryMetric('harvestRatio');
    const interval = { n: 5, mean: 0.412, low: 0.399, high: 0.425, halfWidth: 0.013 };
    expect(formatInterval(harvest, interval)).toBe('41.2% [39.9%, 42.5%]');
    expect(formatPlusMinus(harvest, interval)).toBe('41.2% ±1.3%');
    const wait = summaryMetric('waitP99Ms');
    expect(formatInterval(wait, { n: 1, mean: 90_000, low: 90_000, high: 90_000, halfWidth: null })).toBe('1.5 min');
    expect(formatPlusMinus(wait, null)).toBe('–');
  });

  it('lays out aligned text tables', () => {
    expect(
      formatTextTable([
        ['Metric', 'a', 'b'],
        ['Harvest ratio', '41.2%', '5%'],
        ['±', '1', ''],
      ]),
    ).toBe(
      `${[
        'Metric             a   b',
        '─────────────  ─────  ──',
        'Harvest ratio  41.2%  5%',
        '±                  1',
      ].join('\n')}\n`,
    );
    expect(formatTextTable([])).toBe('');
  });
});
