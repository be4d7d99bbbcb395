import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.js';
import { OverrideError } from '../../src/scenario/OverrideError.js';
import { comparePolicies, PolicyComparisonError, SCENARIO_FILE_NAME } from '../../src/testing/index.js';
import { runScenario } from '../../src/world/runScenario.js';

const small = { maxMembers: 2, maxNodesPerPool: 2, minDurationMinutes: 20, maxDurationMinutes: 45, maxApplications: 3 };

async function failureOf(promise: Promise<unknown>): Promise<PolicyComparisonError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PolicyComparisonError) return error;
    throw error;
  }
  throw new Error('expected comparePolicies to fail');
}

describe('comparePolicies', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('holds the identity: the same policy twice gives byte-identical runs', async () => {
    const report = await comparePolicies(
      {},
      { name: 'same' },
      (base, candidate) => JSON.stringify(base) === JSON.stringify(candidate),
      { numRuns: 4, seed: 3, scenarioOptions: small },
    );
    expect(report).toEqual({ numRuns: 4, seed: 3 });
  });

  it('applies each side’s overrides and transform to the same generated scenario', async () => {
    const seen: [number, number][] = [];
    await comparePolicies(
      { overrides: ['duration=30m'] },
      { transform: (input) => ({ ...input, duration: '20m' }) },
      (base, candidate, scenario) => {
        seen.push([base.scenario.durationMs, candidate.scenario.durationMs]);
        return base.scenario.seed === candidate.scenario.seed && base.scenario.seed === scenario.input.seed;
      },
      { numRuns: 2, seed: 5, scenarioOptions: small },
    );
    expect(seen).toEqual([
      [1_800_000, 1_200_000],
      [1_800_000, 1_200_000],
    ]);
  });

  it('refuses a malformed override before simulating anything', async () => {
    await expect(comparePolicies({}, { overrides: ['no-equals-sign'] }, () => true)).rejects.toThrow(OverrideError);
  });

  it('reports a failure with the shrunk scenario as files that replay the base run', async () => {
    const error = await failureOf(
      comparePolicies({ name: 'base' }, { name: 'cand' }, (_, candidate) => candidate.summary.jobsSubmitted === 0, {
        numRuns: 20,
        seed: 11,
        maxShrinkRuns: 6,
        scenarioOptions: small,
      }),
    );
    const { failure } = error;
    expect(error.message).toMatch(/"cand" vs "base" failed/);
    expect(error.message).toContain('# ==> scenario.yaml <==');
    expect(error.message).toContain(`seed: ${failure.seed}, path: '${failure.path}'`);
    expect(failure.numShrinks).toBeLessThanOrEqual(6);
    expect(failure.summaries!.candidate.jobsSubmitted).toBeGreaterThan(0);

    const dir = await mkdtemp(join(tmpdir(), 'gleaner-counterexample-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(error.files)) await writeFile(join(dir, name), text);
    const loaded = await loadScenario(join(dir, SCENARIO_FILE_NAME));
    expect(loaded.ok ? [] : loaded.issues).toEqual([]);
    if (!loaded.ok) return;
    const replay = (await runScenario(loaded.scenario)).result;
    expect(replay.summary).toEqual(failure.summaries!.base);
  });

  it('replays a reported counter-example from its seed and path', async () => {
    const run = (extra: { path?: string; seed: number }) =>
      failureOf(
        comparePolicies({}, {}, (base) => base.summary.jobsSubmitted < 2, {
          numRuns: 20,
          maxShrinkRuns: 0,
          scenarioOptions: small,
          ...extra,
        }),
      );
    const first = await run({ seed: 21 });
    const again = await run({ seed: first.failure.seed, path: first.failure.path });
    expect(again.failure.scenario).toEqual(first.failure.scenario);
    expect(again.failure.numRuns).toBe(1);
  });
});
