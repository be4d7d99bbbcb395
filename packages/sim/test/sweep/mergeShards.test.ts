import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/report/canonicalJson.js';
import { assembleShard, assembleSweep, sweepRuns } from '../../src/sweep/assembleSweep.js';
import { mergeShards } from '../../src/sweep/mergeShards.js';
import { planSweep } from '../../src/sweep/planSweep.js';
import { ShardMergeError } from '../../src/sweep/ShardMergeError.js';
import type { SweepDefinition } from '../../src/sweep/SweepFile.js';
import { shardOf } from '../../src/sweep/shard.js';
import { fakeSummary } from './fixtures/fakeRunner.js';

const definition: SweepDefinition = {
  scenario: { name: 'tiny', file: 'examples/tiny.yaml', sha256: 'ab'.repeat(32) },
  sets: ['fleetScheduler.rescheduleTimeout=60s'],
  grid: [
    { key: 'colocation.cpuReclaimThresholdPercent', values: ['50', '60', '70'] },
    { key: 'fleetScheduler.preoccupation', values: ['true', 'false'] },
  ],
  seeds: [11, '11#1'],
  runs: 12,
};

function shardJson(index: number, count: number, def: SweepDefinition = definition): unknown {
  const tasks = shardOf(planSweep(def), { index, count });
  const runs = sweepRuns(def, tasks, tasks.map(fakeSummary));
  return JSON.parse(canonicalJson(assembleShard(def, { index, count }, runs)));
}

function mergeError(inputs: { file: string; data: unknown }[]): ShardMergeError {
  try {
    mergeShards(inputs);
  } catch (e) {
    if (e instanceof ShardMergeError) return e;
    throw e;
  }
  throw new Error('expected a ShardMergeError');
}

describe('planSweep', () => {
  it('lists grid points × seeds with the sweep overrides first', () => {
    const tasks = planSweep(definition);
    expect(tasks).toHaveLength(12);
    expect(tasks[3]).toEqual({
      index: 3,
      scenarioFile: 'examples/tiny.yaml',
      overrides: [
        'fleetScheduler.rescheduleTimeout=60s',
        'colocation.cpuReclaimThresholdPercent=50',
        'fleetScheduler.preoccupation=false',
      ],
      seed: '11#1',
    });
  });
});

describe('assembleSweep', () => {
  it('summarises each point over its seeds', () => {
    const tasks = planSweep(definition);
    const sweep = assembleSweep(definition, sweepRuns(definition, tasks, tasks.map(fakeSummary)));
    expect(sweep.points).toHaveLength(6);
    const harvest = sweep.points[4]!.metrics.harvestRatio!;
    const values = tasks.slice(8, 10).map((t) => fakeSummary(t).harvestRatio);
    expect(harvest.n).toBe(2);
    expect(harvest.mean).toBeCloseTo((values[0]! + values[1]!) / 2, 12);
    expect(sweep.points[4]!.values).toEqual({
      'colocation.cpuReclaimThresholdPercent': '70',
      'fleetScheduler.preoccupation': 'true',
    });
  });
});

describe('mergeShards', () => {
  it('gives, byte for byte, what one machine would write, in any shard order', () => {
    const tasks = planSweep(definition);
    const whole = canonicalJson(assembleSweep(definition, sweepRuns(definition, tasks, tasks.map(fakeSummary))));
    for (const count of [1, 3, 5, 12, 13]) {
      const inputs = Array.from({ length: count }, (_, i) => ({
        file: `s${i}.json`,
        data: shardJson(i, count),
      })).reverse();
      expect(canonicalJson(mergeShards(inputs))).toBe(whole);
    }
  });

  it('names a missing shard, a duplicate, and a shard of another count', () => {
    expect(
      mergeError([
        { file: 'a.json', data: shardJson(0, 3) },
        { file: 'c.json', data: shardJson(2, 3) },
      ]).message,
    ).toBe('missing shard 1/3 (got 2 of 3)');
    expect(
      mergeError([
        { file: 'a.json', data: shardJson(0, 2) },
        { file: 'b.json', data: shardJson(0, 2) },
      ]).message,
    ).toBe('b.json: shard 0/2 is also in a.json');
    expect(
      mergeError([
        { file: 'a.json', data: shardJson(0, 2) },
        { file: 'b.json', data: shardJson(1, 3) },
      ]).message,
    ).toBe('b.json: is shard 1/3, but a.json is one of 2');
    expect(mergeError([]).message).toBe('no shard files given');
  });

  it('refuses shards of different sweeps', () => {
    const other = { ...definition, seeds: [12, '12#1'] };
    const error = mergeError([
      { file: 'a.json', data: shardJson(0, 2) },
      { file: 'b.json', data: shardJson(1, 2, other) },
    ]);
    expect(error.message).toBe('b.json: belongs to a different sweep than a.json (seeds differ)');
    expect(error.file).toBe('b.json');
    const edited = { ...definition, scenario: { ...definition.scenario, sha256: 'cd'.repeat(32) } };
    expect(
      mergeError([
        { file: 'a.json', data: shardJson(0, 2) },
        { file: 'b.json', data: shardJson(1, 2, edited) },
      ]).message,
    ).toContain('(scenario contents (sha256) differ)');
  });

  it('checks what each file is and holds', () => {
    expect(mergeError([{ file: 'x.json', data: [1] }]).message).toBe('x.json: is not a gleaner sweep shard file');
    expect(mergeError([{ file: 'x.json', data: { kind: 'gleaner-sweep' } }]).message).toBe(
      'x.json: is a merged sweep.json, not a shard file',
    );
    const v2 = { ...(shardJson(0, 1) as object), schemaVersion: 2 };
    expect(mergeError([{ file: 'x.json', data: v2 }]).message).toBe(
      'x.json: has schema version 2; this gleaner reads 1',
    );
    const broken = shardJson(0, 1) as { runs: { summary: { harvestRatio: unknown } }[] };
    broken.runs[1]!.summary.harvestRatio = 'lots';
    expect(mergeError([{ file: 'x.json', data: broken }]).message).toBe(
      'x.json: runs.1.summary.harvestRatio: Invalid input: expected number, received string',
    );
    const short = shardJson(0, 2) as { runs: unknown[] };
    short.runs.pop();
    expect(
      mergeError([
        { file: 'x.json', data: short },
        { file: 'y.json', data: shardJson(1, 2) },
      ]).message,
    ).toBe('x.json: its runs are not those of shard 0/2');
  });
});
