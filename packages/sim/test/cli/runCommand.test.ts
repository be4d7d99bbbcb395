import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RESULT_FILES } from '../../src/report/writeResultDirectory.js';
import { cli, expectOneErrorLine, TINY } from './fixtures/cliHelpers.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gleaner-run-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('gleaner run', () => {
  it('writes the result directory and prints a short summary, without progress when piped', async () => {
    const out = join(dir, 'tiny');
    const { code, io } = await cli(['run', TINY, '--out', out]);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    for (const file of RESULT_FILES) expect(existsSync(join(out, file))).toBe(true);
    const text = io.out();
    expect(text).toContain('tiny: 2h simulated on 2 members, seed 11');
    for (const label of [
      'Harvest ratio',
      'Jobs completed / submitted',
      'Wait p50',
      'Wait p99',
      'Evictions',
      'Reschedules',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain(`Wrote ${out}/`);
    const result = JSON.parse(await readFile(join(out, 'result.json'), 'utf8'));
    expect(result.schemaVersion).toBe(1);
    expect(result.scenario.members).toEqual(['alpha', 'beta']);
  });

  it('is reproducible: same seed, same result.json; --seed and --set change it', async () => {
    await cli(['run', TINY, '--out', join(dir, 'a')]);
    await cli(['run', TINY, '--out', join(dir, 'b')]);
    const a = await readFile(join(dir, 'a', 'result.json'), 'utf8');
    expect(await readFile(join(dir, 'b', 'result.json'), 'utf8')).toBe(a);
    const seeded = await cli([
      'run',
      TINY,
      '--out',
      join(dir, 'c'),
      '--seed',
      '99',
      '--set',
      'colocation.cpuReclaimThresholdPercent=70',
      '--json',
    ]);
    expect(seeded.code).toBe(0);
    const summary = JSON.parse(seeded.io.out());
    expect(summary.scenario.seed).toBe(99);
    expect(summary.out).toBe(join(dir, 'c'));
    const scenario = JSON.parse(await readFile(join(dir, 'c', 'scenario.json'), 'utf8'));
    expect(scenario.colocation.cpuReclaimThresholdPercent).toBe(70);
    expect(await readFile(join(dir, 'c', 'result.json'), 'utf8')).not.toBe(a);
  });

  it('exits 3 with one line for a scenario file that does not exist', async () => {
    const { code, io } = await cli(['run', join(dir, 'missing.yaml'), '--out', join(dir, 'out')]);
    expect(code).toBe(3);
    expectOneErrorLine(io, 'missing.yaml: cannot read: no such file');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('exits 2 with one line for a malformed --set or one naming an unknown field', async () => {
    const bad = await cli(['run', TINY, '--set', 'colocation.cpuReclaimThresholdPercent']);
    expect(bad.code).toBe(2);
    expectOneErrorLine(bad.io, '--set "colocation.cpuReclaimThresholdPercent": expected key=value');
    const unknown = await cli(['run', TINY, '--set', 'colocation.cpuReclaimThresholdPercnt=70']);
    expect(unknown.code).toBe(2);
    expectOneErrorLine(unknown.io, 'scenario.yaml', 'colocation has no field "cpuReclaimThresholdPercnt"');
    const index = await cli(['run', TINY, '--set', 'fleet.members.7.kubernetesVersion=1.27']);
    expect(index.code).toBe(2);
    expectOneErrorLine(index.io, 'fleet.members has 2 entries; index 7 is out of range');
  });

  it('exits 1 with one line naming the file and field for an invalid scenario', async () => {
    const { code, io } = await cli([
      'run',
      TINY,
      '--set',
      'colocation.cpuReclaimThresholdPercent=170',
      '--out',
      join(dir, 'x'),
    ]);
    expect(code).toBe(1);
    expectOneErrorLine(io, 'scenario.yaml: colocation.cpuReclaimThresholdPercent:');
    expect(existsSync(join(dir, 'x'))).toBe(false);
    const broken = join(dir, 'broken.yaml');
    await writeFile(broken, 'name: [unclosed\n');
    const yaml = await cli(['run', broken]);
    expect(yaml.code).toBe(1);
    expectOneErrorLine(yaml.io, 'broken.yaml: YAML syntax');
  });

  it('exits 2 for an empty --seed and 3 when --out is not a result directory', async () => {
    const seed = await cli(['run', TINY, '--seed', '']);
    expect(seed.code).toBe(2);
    expectOneErrorLine(seed.io, '--seed');
    const home = join(dir, 'home');
    await mkdir(home);
    await writeFile(join(home, 'notes.txt'), 'keep');
    const { code, io } = await cli(['run', TINY, '--out', home]);
    expect(code).toBe(3);
    expectOneErrorLine(io, `${home}: exists and is not a Gleaner output directory; refusing to replace it`);
    expect(await readFile(join(home, 'notes.txt'), 'utf8')).toBe('keep');
  });
});
