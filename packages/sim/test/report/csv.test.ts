import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, eventsCsv, JOB_COLUMNS, jobsCsv, SAMPLE_COLUMNS, timeseriesCsv } from '../../src/report/csv.js';
import { fixtureResult } from './fixtures/simulationResult.js';

describe('CSV files', () => {
  const result = fixtureResult();

  it('covers every field of the records', () => {
    expect([...JOB_COLUMNS].sort()).toEqual(Object.keys(result.jobs[0]!).sort());
    expect([...SAMPLE_COLUMNS].sort()).toEqual(Object.keys(result.samples[0]!).sort());
    expect([...EVENT_COLUMNS].sort()).toEqual(Object.keys(result.events[0]!).sort());
  });

  it('writes jobs.csv with a header, one row per job and empty cells for null', () => {
    const text = jobsCsv(result);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(JOB_COLUMNS.join(','));
    expect(lines).toHaveLength(result.jobs.length + 1);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const unfinished = rows.find((r) => r.state === 'RUNNING')!;
    expect(unfinished.finishMs).toBe('');
    expect(rows[3]!.name).toBe('spark-pi-<b>3</b>');
    expect(Number(rows[0]!.waitMs)).toBe(result.jobs[0]!.waitMs);
  });

  it('writes timeseries.csv and events.csv that parse back', () => {
    const samples = parse(timeseriesCsv(result), { columns: true, cast: true }) as Record<string, unknown>[];
    expect(samples).toHaveLength(result.samples.length);
    expect(samples[1]).toEqual(result.samples[1]);
    const events = parse(eventsCsv(result), { columns: true }) as Record<string, string>[];
    expect(events.map((e) => e.type)).toEqual(result.events.map((e) => e.type));
  });

  it('quotes values with commas, quotes and newlines', () => {
    const tricky = fixtureResult({ members: ['a,"b"\nc'], hours: 1, jobs: 1 });
    const rows = parse(timeseriesCsv(tricky), { columns: true }) as Record<string, string>[];
    expect(rows[0]!.member).toBe('a,"b"\nc');
  });
});
