import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/CliError.js';
import { collect, defaultOutDir, seedOption, wholeNumber } from '../../src/cli/commandOptions.js';
import { shardFileName } from '../../src/cli/sweepCommand.js';

describe('command options', () => {
  it('names default outputs after the scenario (its folder for scenario.yaml)', () => {
    expect(defaultOutDir('examples/seed-fleet/scenario.yaml')).toBe(join('results', 'seed-fleet'));
    expect(defaultOutDir('my-fleet.yml', '-sweep')).toBe(join('results', 'my-fleet-sweep'));
  });

  it('parses whole numbers within bounds, else a usage error naming the option', () => {
    expect(wholeNumber('--seeds', undefined, 5)).toBe(5);
    expect(wholeNumber('--seeds', '12', 5)).toBe(12);
    for (const bad of ['0', '-1', '1.5', 'x', '']) {
      expect(() => wholeNumber('--seeds', bad, 5)).toThrow(UsageError);
    }
    expect(() => wholeNumber('--workers', '2000', 1, 1, 1024)).toThrow(
      '--workers "2000": expected a whole number from 1 to 1024',
    );
  });

  it('reads seeds as integers when they look like one', () => {
    expect(seedOption('42')).toBe(42);
    expect(seedOption('-7')).toBe(-7);
    expect(seedOption('night-run')).toBe('night-run');
    expect(seedOption('12345678901234567890')).toBe('12345678901234567890');
    expect(seedOption(undefined)).toBeUndefined();
  });

  it('collects repeated options and pads shard file names so they sort', () => {
    expect(collect('b=2', collect('a=1', undefined))).toEqual(['a=1', 'b=2']);
    expect(shardFileName({ index: 3, count: 12 })).toBe('shard-03-of-12.json');
    expect(shardFileName({ index: 0, count: 1 })).toBe('shard-0-of-1.json');
  });
});
