import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/report/canonicalJson.js';
import { assembleShard, assembleSweep, sweepRuns } from '../../src/sweep/assembleSweep.js';
import { planSweep } from '../../src/sweep/planSweep.js';
import type { SweepDefinition } from '../../src/sweep/SweepFile.js';
import { shardOf } from '../../src/sweep/shard.js';
import { fakeSummary } from '../sweep/fixtures/fakeRunner.js';
import { cli, expectOneErrorLine } from './fixtures/cliHelpers.js';

const definition: SweepDefinition = {
  scenario: { name: 'tiny', file: 'tiny.yaml', sha256: '00'.repeat(32) },
  sets: [],
  grid: [{ key: 'colocation.cpuReclaimThresholdPercent', values: ['50', '60', '70'] }],
  seeds: [1, '1#1'],
  runs: 6,
};

let dir: string;
const shard = (i: number, n: number): string => join(dir, `shard-${i}-of-${n}.json`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gleaner-merge-'));
  for (const n of [2, 3]) {
    for (let i = 0; i < n; i++) {
      const tasks = shardOf(planSweep(definition), { index: i, count: n });
      const runs = sweepRuns(definition, tasks, tasks.map(fakeSummary));
      await writeFile(shard(i, n), canonicalJson(assembleShard(definition, { index: i, count: n }, runs)));
    }
  }
  await writeFile(join(dir, 'broken.json'), '{"kind": ');
  await writeFile(join(dir, 'other.json'), '{"kind": "something"}');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('gleaner merge', () => {
  it('writes the merged sweep.json and prints the table (or the JSON)', async () => {
    const out = join(dir, 'merged.json');
    const { code, io } = await cli(['merge', shard(1, 2), shard(0, 2), '--out', out]);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const tasks = planSweep(definition);
    const expected = canonicalJson(assembleSweep(definition, sweepRuns(definition, tasks, tasks.map(fakeSummary))));
    expect(await readFile(out, 'utf8')).toBe(expected);
    expect(io.out()).toContain('tiny: merged 2 shards, 6 runs');
    expect(io.out()).toMatch(/cpuReclaimThresholdPercent\s+Harvest ratio\s+Jobs completed/);
    const json = await cli(['merge', shard(0, 3), shard(1, 3), shard(2, 3), '--out', join(dir, 'm3.json'), '--json']);
    expect(json.io.out()).toBe(expected);
  });

  it.each([
    [() => [shard(0, 2)], 1, 'missing shard 1/2 (got 1 of 2)'],
    [() => [shard(0, 2), shard(0, 2), shard(1, 2)], 1, 'shard 0/2 is also in'],
    [() => [shard(0, 2), shard(1, 3)], 1, 'is shard 1/3, but'],
    [() => [join(dir, 'broken.json')], 1, 'broken.json: not JSON'],
    [() => [join(dir, 'other.json')], 1, 'other.json: is not a gleaner sweep shard file'],
    [() => [join(dir, 'absent.json')], 3, 'absent.json: cannot read: no such file'],
  ])('rejects bad shard sets with one line (%#)', async (files, exit, fragment) => {
    const { code, io } = await cli(['merge', ...files(), '--out', join(dir, 'never.json')]);
    expect(code).toBe(exit);
    expectOneErrorLine(io, fragment);
  });

  it('needs --out', async () => {
    const { code, io } = await cli(['merge', shard(0, 2), shard(1, 2)]);
    expect(code).toBe(2);
    expectOneErrorLine(io, '--out <file> is required');
  });
});
