import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQualityArgs } from '../../src/quality/parseQualityArgs.js';
import type { QualityReport } from '../../src/quality/QualityReport.js';
import { type QualityIo, qualityCli } from '../../src/quality/qualityCli.js';
import { STANDARD_SCENARIOS } from '../../src/quality/standardScenarios.js';
import { variantOverrides, variantsFor } from '../../src/quality/standardVariants.js';

function captureIo(): QualityIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stderrIsTty: false };
}

describe('pnpm bench:quality', () => {
  it('--quick runs the seed fleet under its variants over 2 seeds and writes JSON and markdown', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gleaner-quality-'));
    try {
      const io = captureIo();
      // A 2-hour slice of the seed fleet keeps the smoke test fast; the full benchmark runs 24 h.
      const code = await qualityCli(['--quick', '--workers', '1', '--set', 'duration=2h', '--out', dir], io);
      expect(io.err.join('')).toBe('');
      expect(code).toBe(0);
      const files = (await readdir(dir)).sort();
      expect(files).toHaveLength(2);
      expect(files[0]).toMatch(/^quality-\d{4}-\d{2}-\d{2}-quick\.json$/);
      expect(files[1]).toMatch(/^quality-\d{4}-\d{2}-\d{2}-quick\.md$/);
      const report = JSON.parse(await readFile(join(dir, files[0]!), 'utf8')) as QualityReport;
      expect(report.quick).toBe(true);
      expect(report.seedsPerVariant).toBe(2);
      expect(report.scenarios.map((s) => s.name)).toEqual(['seed-fleet']);
      const variants = report.scenarios[0]!.variants;
      expect(variants.map((v) => v.name)).toEqual([
        'baseline',
        'scorer=round-robin',
        'scorer=random',
        'preoccupation=off',
        'Duplicated+Gang',
        'Duplicated',
        'reclaim=50%',
        'reclaim=70%',
      ]);
      expect(report.runs).toBe(16);
      for (const v of variants) {
        expect(v.runs).toHaveLength(2);
        // Every metric the tables show has an interval over the two seeds.
        const harvest = v.metrics.harvestRatio!;
        expect(harvest.n).toBe(2);
        expect(harvest.low).toBeLessThanOrEqual(harvest.mean);
        expect(harvest.high).toBeGreaterThanOrEqual(harvest.mean);
        expect(v.runs.every((r) => (r.values.jobsSubmitted ?? 0) > 0)).toBe(true);
      }
      // Gang decides where a Spark job goes, so Duplicated + Gang is Divided + Gang, run for run.
      const baseline = variants.find((v) => v.name === 'baseline')!;
      const duplicatedGang = variants.find((v) => v.name === 'Duplicated+Gang')!;
      expect(duplicatedGang.runs).toEqual(baseline.runs);
      const markdown = await readFile(join(dir, files[1]!), 'utf8');
      expect(io.out.join('')).toContain(markdown);
      expect(markdown).toContain('| baseline |');
      expect(markdown).toContain('quick: not a result to quote');
      expect(markdown).toMatch(/±/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects a bad option or an unknown scenario with one line and exit code 2', async () => {
    for (const argv of [['--seeds', '0'], ['--scenario', 'nope'], ['--frobnicate'], ['--out']]) {
      const io = captureIo();
      expect(await qualityCli(argv, io)).toBe(2);
      expect(io.err.join('')).toMatch(/^bench:quality: .+\n$/);
      expect(io.out).toEqual([]);
    }
  });

  it('parses repeated and inline options', () => {
    expect(
      parseQualityArgs(['--scenario', 'a', '--scenario=b', '--set', 'x=1', '--set=y=2', '--seeds=12']),
    ).toMatchObject({
      scenarios: ['a', 'b'],
      sets: ['x=1', 'y=2'],
      seeds: 12,
      quick: false,
    });
  });

  it('compares the timeouts with preoccupation off, which it runs even where preoccupation is not an axis', () => {
    const scenario = { ...STANDARD_SCENARIOS[1]!, axes: ['timeout' as const] };
    const variants = variantsFor(scenario);
    expect(variants.map((v) => v.name)).toEqual(['baseline', 'preoccupation=off', 'timeout=60s', 'timeout=900s']);
    expect(variants[2]!.reference).toBe('preoccupation=off');
    expect(variantOverrides(scenario, variants[2]!)).toContain('fleetScheduler.preoccupation=false');
  });

  it('gives every variant the full baseline first, so a scenario file’s own settings never leak in', () => {
    for (const scenario of STANDARD_SCENARIOS) {
      for (const variant of variantsFor(scenario).slice(1)) {
        const sets = variantOverrides(scenario, variant);
        expect(sets[0]).toBe('fleetScheduler.scorer=most-idle');
        expect(sets.some((s) => s.startsWith(`manifests.${scenario.policyManifestIndex}=`))).toBe(true);
        expect(sets.join(' ')).not.toContain('{policyIndex}');
      }
    }
  });
});
