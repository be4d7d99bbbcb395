import { describe, expect, it } from 'vitest';
import type { BenchReport } from '../src/report.js';
import { renderMarkdown, reportStem, rowCells, TABLE_HEADERS } from '../src/report.js';
import { atLeast, below, latencyFigure, makeRow } from '../src/row.js';
import { erlangC, mmcMeanWait } from '../src/simpy/erlangC.js';

describe('makeRow', () => {
  it('ratio is value ÷ baseline for rates and baseline ÷ value for latencies', () => {
    const rate = makeRow({
      id: 'x/rate',
      title: 't',
      unit: 'ops/s',
      samples: [10, 20, 30],
      baseline: { name: 'b', samples: [5, 10, 15] },
    });
    expect(rate.median).toBe(20);
    expect(rate.p25).toBe(15);
    expect(rate.p75).toBe(25);
    expect(rate.ratio).toBe(2);
    const latency = makeRow({
      id: 'x/lat',
      title: 't',
      unit: 'ms',
      higherIsBetter: false,
      samples: [2],
      baseline: { name: 'b', samples: [10] },
    });
    expect(latency.ratio).toBe(5);
  });

  it('targets report attainment both ways', () => {
    expect(atLeast(3, 4, '≥ 4')).toEqual({ text: '≥ 4', met: false, attainment: 0.75 });
    expect(below(0.25, 1, '< 1')).toEqual({ text: '< 1', met: true, attainment: 4 });
  });

  it('latency figures are p50 and p99', () => {
    const f = latencyFigure(
      Array.from({ length: 101 }, (_, i) => i),
      'µs',
    );
    expect(f).toEqual({ unit: 'µs', p50: 50, p99: 99, count: 101 });
  });
});

describe('report rendering', () => {
  const row = makeRow({
    id: 'queue/engine-hold',
    title: 'hold',
    unit: 'events/s',
    samples: [4_100_000, 4_300_000],
    baseline: { name: 'flat heap', samples: [5_000_000] },
    target: atLeast(4_200_000, 4_000_000, '≥ 4,000,000 events/s'),
    mismatches: 0,
  });

  it('one cell per header, ratio a number', () => {
    const cells = rowCells(row);
    expect(cells).toHaveLength(TABLE_HEADERS.length);
    expect(Number(cells[TABLE_HEADERS.indexOf('× baseline')])).toBeCloseTo(0.84, 2);
    expect(cells[TABLE_HEADERS.indexOf('Target / anchor')]).toContain('met');
    expect(cells[TABLE_HEADERS.indexOf('Notes')]).toContain('0 mismatches');
  });

  it('markdown carries the command, the machine load and the table', () => {
    const machine = {
      cpus: 2,
      cpuModel: 'cpu',
      totalMemoryMiB: 1,
      freeMemoryMiB: 1,
      node: 'v20',
      platform: 'linux-x64',
      loadAverage: [1.5, 1, 0.5] as const,
    };
    const report: BenchReport = {
      schemaVersion: 1,
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:01:00.000Z',
      seconds: 60,
      command: 'node packages/bench/dist/main.js',
      quick: false,
      suites: ['queue'],
      machine: { before: machine, after: machine },
      rows: [row],
      skipped: [{ suite: 'simpy', reason: 'SimPy line skipped: no python' }],
      appendix: { 'placement-detail': ['line one'] },
      details: {},
    };
    const md = renderMarkdown(report);
    expect(md).toContain('`node packages/bench/dist/main.js`');
    expect(md).toContain('load average 1.5 / 1 / 0.5');
    expect(md).toContain('| queue/engine-hold');
    expect(md).toContain('- simpy: SimPy line skipped: no python');
    expect(md).toContain('Output of placement-detail:\n\n```\nline one\n```');
  });

  it('file stems keep partial and quick runs apart', () => {
    const d = new Date('2026-03-04T05:06:07Z');
    expect(reportStem(d, false)).toBe('2026-03-04');
    expect(reportStem(d, true)).toBe('2026-03-04-quick');
    expect(reportStem(d, false, 'queue+simpy')).toBe('2026-03-04-queue+simpy');
    expect(reportStem(d, false, 'a/b')).toBe('2026-03-04-a_b');
  });
});

describe('Erlang C', () => {
  it('M/M/1: P(wait) = ρ and Wq = ρ / (μ − λ)', () => {
    const p = { arrivalRate: 0.5, serviceRate: 1, servers: 1, customers: 0 };
    expect(erlangC(p)).toBeCloseTo(0.5, 12);
    expect(mmcMeanWait(p)).toBeCloseTo(1, 12);
  });

  it('the bench parameters (λ 8, μ 1, c 10): Wq ≈ 0.2046', () => {
    expect(mmcMeanWait({ arrivalRate: 8, serviceRate: 1, servers: 10, customers: 0 })).toBeCloseTo(0.20459, 4);
  });

  it('rejects an unstable queue', () => {
    expect(() => erlangC({ arrivalRate: 10, serviceRate: 1, servers: 10, customers: 0 })).toThrow(RangeError);
  });
});
