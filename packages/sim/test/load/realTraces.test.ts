import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAggregateTrace } from '../../src/load/aggregateTrace.js';
import { loadMachineUsageTrace } from '../../src/load/machineUsageTrace.js';

// Validation against the real traces (research/simulators-traces.md §3.1), when they are present.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const traces = resolve(repoRoot, '../shared/traces');

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('real traces in ../shared/traces', () => {
  it('loads the Alibaba 2018 cluster aggregate: mean CPU ≈ 40.2 %, memory ≈ 88 %', async () => {
    if (!existsSync(traces)) {
      console.log('skipped: ../shared/traces not found');
      return;
    }
    const path = join(
      traces,
      'datacenter-traces-aggregates/alibaba2018/machine_usage_days_1_to_8_grouped_300_seconds.csv',
    );
    const cpu = await loadAggregateTrace(path);
    const mem = await loadAggregateTrace(path, { column: 'mem_util_percent' });
    expect(cpu.ok && mem.ok).toBe(true);
    if (!cpu.ok || !mem.ok) return;
    expect(cpu.rows).toBe(2_243);
    // §3.1: mean 40.2 %, min 16.1 %, max 79.1 %; memory mean 88.0 % (78.3–95.0 %)
    expect(mean(cpu.value.values)).toBeCloseTo(0.402, 2);
    expect(Math.min(...cpu.value.values)).toBeCloseTo(0.161, 2);
    expect(Math.max(...cpu.value.values)).toBeCloseTo(0.791, 2);
    expect(mean(mem.value.values)).toBeCloseTo(0.88, 2);
    expect(Math.min(...mem.value.values)).toBeGreaterThan(0.78);
    expect(Math.max(...mem.value.values)).toBeLessThan(0.951);
  });

  it('loads the v2018 machine_usage excerpt: 16 machines, mean CPU ≈ 34.8 %, memory ≈ 89.6 %', async () => {
    if (!existsSync(traces)) {
      console.log('skipped: ../shared/traces not found');
      return;
    }
    const result = await loadMachineUsageTrace(join(traces, 'alibaba-cluster-trace-v2018-excerpt/machine_usage.csv'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { machines } = result.value;
    expect(machines).toHaveLength(16);
    expect(machines.map((m) => m.machineId)).toContain('m_1932');
    expect(result.rows).toBeGreaterThan(99_000);
    const cpu = machines.flatMap((m) => m.cpu.values);
    const mem = machines.flatMap((m) => m.memory.values);
    expect(mean(cpu)).toBeGreaterThan(0.33);
    expect(mean(cpu)).toBeLessThan(0.37);
    expect(mean(mem)).toBeGreaterThan(0.875);
    expect(mean(mem)).toBeLessThan(0.915);
    // eight days of samples (time_stamp 0 … 691,180 s)
    for (const m of machines) expect(m.cpu.timesMs[m.cpu.timesMs.length - 1]!).toBeLessThanOrEqual(691_180_000);
  });
});
