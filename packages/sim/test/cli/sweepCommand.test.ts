import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { shardFileName } from '../../src/cli/sweepCommand.js';
import { cli, expectOneErrorLine, TINY } from './fixtures/cliHelpers.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gleaner-sweep-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const GRID = ['--grid', 'colocation.cpuReclaimThresholdPercent=50,70', '--seeds', '2'];

describe('gleaner sweep and merge', () => {
  it('merges 3 shards into exactly the unsharded output (worker threads vs one thread per shard)', async () => {
    const whole = await cli(['sweep', TINY, ...GRID, '--workers', '2', '--out', join(dir, 'whole')]);
    expect(whole.io.err()).toBe('');
    expect(whole.code).toBe(0);
    expect(whole.io.out()).toContain('tiny: 2 grid points × 2 seeds');
    expect(whole.io.out()).toMatch(/cpuReclaimThresholdPercent\s+Harvest ratio/);
    const shards: string[] = [];
    for (let i = 0; i < 3; i++) {
      const shard = await cli([
        'sweep',
        TINY,
        ...GRID,
        '--shard',
        `${i}/3`,
        '--workers',
        '1',
        '--out',
        join(dir, 'shards'),
      ]);
      expect(shard.io.err()).toBe('');
      expect(shard.code).toBe(0);
      shards.push(join(dir, 'shards', shardFileName({ index: i, count: 3 })));
      expect(shard.io.out()).toContain(`shard ${i}/3`);
    }
    const merged = await cli(['merge', ...shards.reverse(), '--out', join(dir, 'merged.json')]);
    expect(merged.io.err()).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.io.out()).toContain('merged 3 shards, 4 runs');
    const expected = await readFile(join(dir, 'whole', 'sweep.json'), 'utf8');
    expect(await readFile(join(dir, 'merged.json'), 'utf8')).toBe(expected);
    const sweep = JSON.parse(expected);
    expect(sweep.kind).toBe('gleaner-sweep');
    expect(sweep.runs.map((r: { seed: unknown }) => r.seed)).toEqual([11, '11#1', 11, '11#1']);
    expect(sweep.points[1].metrics.harvestRatio.n).toBe(2);
  });

  it('emits an Indexed Job manifest instead of running', async () => {
    const file = join(dir, 'job.yaml');
    const { code, io } = await cli([
      'sweep',
      TINY,
      ...GRID,
      '--set',
      'fleetScheduler.rescheduleTimeout=60s',
      '--emit-job',
      file,
      '--shards',
      '3',
      '--parallelism',
      '2',
      '--image',
      'example.com/gleaner:1',
    ]);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toContain('an Indexed Job running 4 runs in 3 shards (2 at a time)');
    const job = parse(await readFile(file, 'utf8'));
    expect(job.kind).toBe('Job');
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 3, parallelism: 2 });
    expect(job.spec.template.spec.containers[0].args).toEqual([
      'sweep',
      TINY,
      '--grid',
      'colocation.cpuReclaimThresholdPercent=50,70',
      '--seeds',
      '2',
      '--set',
      'fleetScheduler.rescheduleTimeout=60s',
      '--workers',
      '1',
      '--shard',
      '$(JOB_COMPLETION_INDEX)/3',
      '--out',
      '/results',
    ]);
  });

  it.each([
    [
      ['--grid', 'colocation.cpuReclaimThresholdPercent'],
      2,
      '--grid "colocation.cpuReclaimThresholdPercent": expected key=v1,v2',
    ],
    [['--grid', 'a=1,,2'], 2, '--grid "a=1,,2": empty value in the list'],
    [['--grid', 'colocation.cpuReclaimThresholdPercnt=1,2'], 2, 'colocation has no field "cpuReclaimThresholdPercnt"'],
    [
      ['--grid', 'colocation.cpuReclaimThresholdPercent=50,170'],
      1,
      'scenario.yaml: colocation.cpuReclaimThresholdPercent:',
    ],
    [['--shard', '3/3'], 2, '--shard "3/3": i must be between 0 and 2'],
    [['--shard', 'one/3'], 2, '--shard "one/3": expected i/n'],
    [['--seeds', '0'], 2, '--seeds "0": expected a whole number from 1 to 10000'],
    [['--workers', 'many'], 2, '--workers "many": expected a whole number'],
    [['--shards', '3'], 2, '--shards only applies with --emit-job <file>'],
    [['--shard', '0/2', '--emit-job', 'x.yaml'], 2, '--shard and --emit-job cannot be used together'],
    [['--set', 'nope'], 2, '--set "nope": expected key=value'],
  ])('rejects %j with exit %i and one line', async (args, exit, fragment) => {
    const { code, io } = await cli(['sweep', TINY, ...args, '--out', join(dir, 'never')]);
    expect(code).toBe(exit);
    expectOneErrorLine(io, fragment);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('exits 3 for a scenario that does not exist', async () => {
    const { code, io } = await cli(['sweep', join(dir, 'nope.yaml'), ...GRID]);
    expect(code).toBe(3);
    expectOneErrorLine(io, 'nope.yaml: cannot read: no such file');
  });
});
