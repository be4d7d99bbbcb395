import { describe, expect, it } from 'vitest';
import { gridPoints, parseGrid } from '../../src/sweep/grid.js';
import { SweepArgumentError } from '../../src/sweep/SweepArgumentError.js';

describe('parseGrid and gridPoints', () => {
  it('makes the cartesian product, first axis slowest', () => {
    const axes = parseGrid([
      'colocation.cpuReclaimThresholdPercent=50,60',
      'fleetScheduler.rescheduleTimeout=60s, 300s',
    ]);
    expect(axes).toEqual([
      { key: 'colocation.cpuReclaimThresholdPercent', values: ['50', '60'] },
      { key: 'fleetScheduler.rescheduleTimeout', values: ['60s', '300s'] },
    ]);
    expect(gridPoints(axes).map((p) => p.sets)).toEqual([
      ['colocation.cpuReclaimThresholdPercent=50', 'fleetScheduler.rescheduleTimeout=60s'],
      ['colocation.cpuReclaimThresholdPercent=50', 'fleetScheduler.rescheduleTimeout=300s'],
      ['colocation.cpuReclaimThresholdPercent=60', 'fleetScheduler.rescheduleTimeout=60s'],
      ['colocation.cpuReclaimThresholdPercent=60', 'fleetScheduler.rescheduleTimeout=300s'],
    ]);
    expect(gridPoints(axes)[3]).toEqual({
      index: 3,
      sets: ['colocation.cpuReclaimThresholdPercent=60', 'fleetScheduler.rescheduleTimeout=300s'],
      values: { 'colocation.cpuReclaimThresholdPercent': '60', 'fleetScheduler.rescheduleTimeout': '300s' },
    });
  });

  it('has one empty point without axes', () => {
    expect(gridPoints([])).toEqual([{ index: 0, sets: [], values: {} }]);
  });

  it.each([
    ['colocation.cpuReclaimThresholdPercent', 'expected key=v1,v2,…'],
    ['a..b=1,2', 'empty path segment in key "a..b"'],
    ['=1,2', 'the key before "=" is empty'],
    ['a=1,,2', 'empty value in the list'],
    ['a=', 'empty value in the list'],
    ['a=1,1', 'value "1" is listed twice'],
  ])('rejects --grid %s', (text, reason) => {
    const error = (() => {
      try {
        parseGrid([text]);
      } catch (e) {
        return e as SweepArgumentError;
      }
      throw new Error('expected an error');
    })();
    expect(error).toBeInstanceOf(SweepArgumentError);
    expect(error.message).toBe(
      `--grid ${JSON.stringify(text)}: ${reason}${reason.startsWith('expected') ? ' (e.g. colocation.cpuReclaimThresholdPercent=50,60,70)' : ''}`,
    );
  });

  it('rejects an axis given twice', () => {
    expect(() => parseGrid(['a=1', 'a=2'])).toThrow('--grid "a=2": key "a" is already a grid axis');
  });
});
