import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAggregateTrace } from '../../src/load/aggregateTrace.js';
import { loadMachineUsageTrace, machineUsageSeries } from '../../src/load/machineUsageTrace.js';
import { formatTraceIssue } from '../../src/load/traceIssue.js';

let dir: string;
const file = async (name: string, text: string): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gleaner-load-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadMachineUsageTrace (Alibaba v2018 machine_usage)', () => {
  it('reads per-machine CPU and memory series, sorted, in seconds → ms and percent → fraction', async () => {
    const path = await file(
      'machine_usage.csv',
      [
        'm_2,120,50,90,,,1,2,3',
        'm_1,60,41,92,,,43.04,33.08,5',
        'm_1,0,40,91,1,2,43.04,33.08,5',
        'm_1,120,-1,93,,,43.05,33.08,5', // cpu invalid marker: memory kept
        'm_2,180,101,,,,1,2,3', // both invalid
        '',
      ].join('\r\n'),
    );
    const result = await loadMachineUsageTrace(path);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toBe(4 + 1);
    expect(result.skippedRows).toBe(2);
    const [m2, m1] = result.value.machines;
    expect(m2!.machineId).toBe('m_2');
    expect(m1!.cpu).toEqual({ id: 'm_1', timesMs: [0, 60_000], values: [0.4, 0.41] });
    expect(m1!.memory).toEqual({ id: 'm_1', timesMs: [0, 60_000, 120_000], values: [0.91, 0.92, 0.93] });
    expect(machineUsageSeries(result.value, 'cpu').map((s) => s.id)).toEqual(['m_2', 'm_1']);
  });

  it('skips a header row and can keep only some machines', async () => {
    const path = await file('with-header.csv', 'machine_id,time_stamp,cpu,mem\nm_1,0,10,20\nm_2,0,30,40\n');
    const result = await loadMachineUsageTrace(path, { machineIds: ['m_2'] });
    expect(result.ok && result.value.machines.map((m) => m.machineId)).toEqual(['m_2']);
  });

  it('reports bad rows with file, line and column name', async () => {
    const path = await file(
      'bad.csv',
      ['m_1,0,40,90', 'm_1,10', 'm_1,abc,40,90', 'm_1,20,4x,90', 'm_1,30,40,250', ',40,1,1'].join('\n'),
    );
    const result = await loadMachineUsageTrace(path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatTraceIssue)).toEqual([
      `${path}:2: expected 9 comma-separated fields, found 2`,
      `${path}:3: column time_stamp: "abc" is not a time in seconds ≥ 0`,
      `${path}:4: column cpu_util_percent: "4x" is not a number`,
      `${path}:5: column mem_util_percent: 250 is outside 0–100`,
      `${path}:6: column machine_id: is empty`,
    ]);
  });

  it('stops after maxIssues and reports an unreadable file as data', async () => {
    const path = await file('many-bad.csv', 'x\n'.repeat(50));
    const result = await loadMachineUsageTrace(path, { maxIssues: 3 });
    expect(!result.ok && result.issues).toHaveLength(3);
    const missing = await loadMachineUsageTrace(join(dir, 'absent.csv'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.issues[0]).toMatchObject({ line: 0 });
      expect(missing.issues[0]!.message).toMatch(/cannot read the file .*ENOENT/);
    }
  });
});

describe('loadAggregateTrace (DataCenter-Traces-Datasets 300-s aggregates)', () => {
  it('reads a percent column without timestamps as contiguous 300-s rows', async () => {
    const path = await file(
      'alibaba2018.csv',
      'cpu_util_percent,mem_util_percent,net_in,net_out,disk_io_percent\n16.5,87.1,34,27,4\n,86.9,34,27,4\n20,86.0,34,27,4\n',
    );
    const cpu = await loadAggregateTrace(path);
    expect(cpu).toEqual({
      ok: true,
      value: { id: 'cpu_util_percent', timesMs: [0, 600_000], values: [0.165, 0.2] },
      rows: 3,
      skippedRows: 1,
    });
    const mem = await loadAggregateTrace(path, { column: 'mem_util_percent' });
    expect(mem.ok).toBe(true);
    if (mem.ok) for (const [i, v] of [0.871, 0.869, 0.86].entries()) expect(mem.value.values[i]).toBeCloseTo(v, 12);
  });

  it('uses a timestamp column and can scale a sum by its peak', async () => {
    const path = await file('azure.csv', 'timestamp,cpu_usage,assigned_mem\n0,600,1\n300,1200,1\n900,900,1\n');
    const result = await loadAggregateTrace(path, { column: 'cpu_usage', unit: 'peak' });
    expect(result.ok && result.value).toEqual({
      id: 'cpu_usage',
      timesMs: [0, 300_000, 900_000],
      values: [0.5, 1, 0.75],
    });
  });

  it('names the missing column and the bad cells', async () => {
    const path = await file('google.csv', 'avg_cpu,avg_mem\n0.4,0.3\n');
    const missing = await loadAggregateTrace(path);
    expect(!missing.ok && missing.issues.map(formatTraceIssue)).toEqual([
      `${path}:1: column cpu_util_percent: no such column; the header has avg_cpu, avg_mem`,
    ]);
    const bad = await file('bad-agg.csv', 'timestamp,avg_cpu\n0,0.4\n0,0.5\n600,1.5\n900\n1200,x\n');
    const result = await loadAggregateTrace(bad, { column: 'avg_cpu' });
    expect(!result.ok && result.issues.map(formatTraceIssue)).toEqual([
      `${bad}:3: column timestamp: does not increase`,
      `${bad}:4: column avg_cpu: 1.5 is outside 0–1`,
      `${bad}:5: expected 2 fields, found 1`,
      `${bad}:6: column avg_cpu: "x" is not a number`,
    ]);
  });
});
