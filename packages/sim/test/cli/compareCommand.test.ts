import { describe, expect, it } from 'vitest';
import { bufferedIo } from '../../src/cli/CliIo.js';
import { runCompare } from '../../src/cli/compareCommand.js';
import { fakeSummary } from '../sweep/fixtures/fakeRunner.js';
import { cli, expectOneErrorLine, TINY } from './fixtures/cliHelpers.js';

const runnerModule = new URL('../sweep/fixtures/fakeRunner.ts', import.meta.url);

describe('gleaner compare', () => {
  it('runs baseline and variants under the same seeds and prints means with 95% CIs side by side', async () => {
    const io = bufferedIo();
    await runCompare(
      TINY,
      {
        set: ['colocation.cpuReclaimThresholdPercent=70'],
        variant: ['low:colocation.cpuReclaimThresholdPercent=50'],
        seeds: '4',
        workers: '1',
      },
      { io },
      { runnerModule },
    );
    const text = io.out();
    expect(text).toContain('tiny: 3 variants × 4 seeds (mean [95% CI, Student t])');
    expect(text).toMatch(/Metric\s+baseline\s+cpuReclaimThresholdPercent=70\s+low/);
    expect(text).toMatch(/Harvest ratio\s+\S+% \[\S+%, \S+%\]/);
    expect(text).toContain('low: colocation.cpuReclaimThresholdPercent=50');
    expect(io.err()).toBe('');
  });

  it('prints JSON with every run, the same seeds for every variant', async () => {
    const io = bufferedIo();
    await runCompare(
      TINY,
      { set: ['colocation.cpuReclaimThresholdPercent=70'], seeds: '3', workers: '2', json: true },
      { io },
      { runnerModule },
    );
    const report = JSON.parse(io.out());
    expect(report.kind).toBe('gleaner-compare');
    expect(report.seeds).toEqual([11, '11#1', '11#2']);
    expect(report.variants.map((v: { name: string }) => v.name)).toEqual(['baseline', 'cpuReclaimThresholdPercent=70']);
    const variant = report.variants[1];
    expect(variant.runs[2]).toEqual(
      fakeSummary({ overrides: ['colocation.cpuReclaimThresholdPercent=70'], seed: '11#2' }),
    );
    expect(variant.metrics.harvestRatio.n).toBe(3);
    expect(variant.metrics.harvestRatio.low).toBeLessThan(variant.metrics.harvestRatio.mean);
  });

  it('runs the real simulator end to end', async () => {
    const { code, io } = await cli([
      'compare',
      TINY,
      '--set',
      'colocation.cpuReclaimThresholdPercent=70',
      '--seeds',
      '2',
      '--workers',
      '1',
    ]);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toMatch(/Jobs completed\s+\S+ \[/);
  });

  it.each([
    [[], 2, 'nothing to compare: give --set key=value or --variant name:key=value'],
    [['--variant', ':a=1'], 2, '--variant ":a=1": the name before ":" is empty'],
    [['--variant', 'x:colocation.nope=1'], 2, 'colocation has no field "nope"'],
    [
      ['--set', 'colocation.cpuReclaimThresholdPercent=170'],
      1,
      'scenario.yaml: colocation.cpuReclaimThresholdPercent:',
    ],
    [['--set', 'a=1', '--seeds', 'x'], 2, '--seeds "x": expected a whole number'],
    [['--set', 'broken'], 2, '--set "broken": expected key=value'],
  ])('rejects %j with exit %i and one line', async (args, exit, fragment) => {
    const { code, io } = await cli(['compare', TINY, ...args]);
    expect(code).toBe(exit);
    expectOneErrorLine(io, fragment);
  });

  it('exits 3 for a scenario that does not exist', async () => {
    const { code, io } = await cli(['compare', 'no/such/scenario.yaml', '--set', 'a=1']);
    expect(code).toBe(3);
    expectOneErrorLine(io, 'no/such/scenario.yaml: cannot read: no such file');
  });
});
