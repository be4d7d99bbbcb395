import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/main.js';
import { SUITES, selectSuites } from '../src/suites.js';

describe('parseArgs', () => {
  it('reads --quick, --only (repeated and comma lists), --out and --no-write', () => {
    const parsed = parseArgs(['--quick', '--only', 'queue,simpy', '--only=ladder', '--out', '/tmp/x', '--no-write']);
    expect(parsed.kind).toBe('run');
    if (parsed.kind !== 'run') return;
    expect(parsed.options).toMatchObject({
      quick: true,
      only: ['queue', 'simpy', 'ladder'],
      outDir: '/tmp/x',
      write: false,
    });
  });

  it('--list, and clear errors for unknown flags or missing values', () => {
    expect(parseArgs(['--list'])).toEqual({ kind: 'list' });
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseArgs(['--only'])).toThrow(/--only needs a value/);
    expect(() => parseArgs(['--ladder-nodes', '1000,x'])).toThrow(/--ladder-nodes/);
  });
});

describe('selectSuites', () => {
  it('defaults to the byDefault suites, in order', () => {
    expect(selectSuites().map((s) => s.name)).toEqual(SUITES.filter((s) => s.byDefault).map((s) => s.name));
  });

  it('selects by name or row-id prefix, and names the suites on a miss', () => {
    expect(selectSuites(['simpy']).map((s) => s.name)).toEqual(['simpy']);
    expect(selectSuites(['cluster/preempt']).map((s) => s.name)).toEqual(['preemption']);
    expect(selectSuites(['placement-detail']).map((s) => s.name)).toEqual(['placement-detail']);
    expect(() => selectSuites(['nope'])).toThrow(/suites: queue, quantity/);
  });
});
