import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDirectoryAtomic } from '../../src/report/atomicOutput.js';
import { OutputError } from '../../src/report/OutputError.js';
import { RESULT_FILES, writeResultDirectory } from '../../src/report/writeResultDirectory.js';
import { fixtureResult, fixtureScenario, fixtureTiming } from './fixtures/simulationResult.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gleaner-report-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeResultDirectory', () => {
  it('writes every file, result.json versioned and parseable', async () => {
    const dir = join(root, 'out', 'run');
    await writeResultDirectory(dir, fixtureResult(), fixtureTiming(), fixtureScenario());
    expect((await readdir(dir)).sort()).toEqual([...RESULT_FILES].sort());
    const result = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8'));
    expect(result).toEqual(JSON.parse(JSON.stringify(fixtureResult())));
    expect((await readFile(join(dir, 'result.json'), 'utf8')).startsWith('{\n  "schemaVersion": 1,')).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'timing.json'), 'utf8')).wallMs).toBe(1234);
    expect(JSON.parse(await readFile(join(dir, 'scenario.json'), 'utf8')).fleet.members).toHaveLength(2);
    expect(await readdir(join(root, 'out'))).toEqual(['run']); // no temporary siblings left
    const mode = (await stat(dir)).mode & 0o777;
    const reference = join(root, 'reference');
    await mkdir(reference);
    expect(mode).toBe((await stat(reference)).mode & 0o777); // a normal directory, not mkdtemp's 0700
  });

  it('keeps result.json byte-identical when only the wall clock differs', async () => {
    const a = join(root, 'a');
    const b = join(root, 'b');
    await writeResultDirectory(a, fixtureResult(), fixtureTiming(), fixtureScenario());
    await writeResultDirectory(b, fixtureResult(), { ...fixtureTiming(), wallMs: 99 }, fixtureScenario());
    for (const file of ['result.json', 'jobs.csv', 'timeseries.csv', 'events.csv', 'report.html']) {
      expect(await readFile(join(a, file), 'utf8')).toBe(await readFile(join(b, file), 'utf8'));
    }
    expect(await readFile(join(a, 'timing.json'), 'utf8')).not.toBe(await readFile(join(b, 'timing.json'), 'utf8'));
  });

  it('replaces an earlier result directory and an empty directory', async () => {
    const dir = join(root, 'run');
    await writeResultDirectory(dir, fixtureResult({ jobs: 2 }), fixtureTiming(), fixtureScenario());
    await writeFile(join(dir, 'stale.txt'), 'old');
    await writeResultDirectory(dir, fixtureResult({ jobs: 5 }), fixtureTiming(), fixtureScenario());
    expect(existsSync(join(dir, 'stale.txt'))).toBe(false);
    expect(JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')).jobs).toHaveLength(5);
    const empty = join(root, 'empty');
    await mkdir(empty);
    await writeResultDirectory(empty, fixtureResult({ jobs: 1 }), fixtureTiming(), fixtureScenario());
    expect(existsSync(join(empty, 'report.html'))).toBe(true);
    expect((await readdir(root)).sort()).toEqual(['empty', 'run']);
  });

  it('refuses to replace a directory that is not a result directory, or a file', async () => {
    const dir = join(root, 'home');
    await mkdir(dir);
    await writeFile(join(dir, 'notes.txt'), 'precious');
    const error = await writeResultDirectory(dir, fixtureResult(), fixtureTiming(), fixtureScenario()).catch((e) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect(error.message).toBe(`${dir}: exists and is not a Gleaner output directory; refusing to replace it`);
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('precious');
    const file = join(root, 'file');
    await writeFile(file, 'x');
    await expect(writeResultDirectory(file, fixtureResult(), fixtureTiming(), fixtureScenario())).rejects.toThrow(
      `${file}: exists and is not a directory`,
    );
    expect((await readdir(root)).sort()).toEqual(['file', 'home']);
  });
});

describe('writeDirectoryAtomic', () => {
  it('leaves nothing behind when a write fails half-way, and keeps the old output', async () => {
    const dir = join(root, 'run');
    await writeDirectoryAtomic(dir, new Map([['result.json', '{}']]), async () => true);
    const files = new Map<string, string>([
      ['a.txt', 'a'],
      ['bad\0name', 'b'],
    ]);
    const error = await writeDirectoryAtomic(dir, files, async () => true).catch((e) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect(error.code).toBe('E_OUTPUT');
    expect(error.message.split('\n')).toHaveLength(1);
    expect(await readdir(root)).toEqual(['run']);
    expect(await readdir(dir)).toEqual(['result.json']);
  });
});
