import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/loadScenario.js';
import { checkInvariants } from '../src/testing/index.js';
import { runScenario } from '../src/world/runScenario.js';

// Every bundled example must load and run. Each is shortened to two simulated hours here (the README's
// main command runs seed-fleet in full); the trace example needs ../shared/traces beside the repo.
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const EXAMPLES = path.join(REPO_ROOT, 'examples');
const TRACES = path.resolve(REPO_ROOT, '../shared/traces');

describe('the bundled examples', () => {
  const names = readdirSync(EXAMPLES).filter((n) => existsSync(path.join(EXAMPLES, n, 'scenario.yaml')));

  it('include the four the README and docs name', () => {
    expect(names).toEqual(
      expect.arrayContaining(['seed-fleet', 'serverless-burst', 'what-if-threshold', 'trace-replay']),
    );
  });

  it.each(names)('%s loads, runs two simulated hours and keeps the invariants', async (name) => {
    if (name === 'trace-replay' && !existsSync(TRACES)) {
      console.log('skipped: ../shared/traces not found (trace-replay example)');
      return;
    }
    const file = path.join(EXAMPLES, name, 'scenario.yaml');
    const loaded = await loadScenario(file, { overrides: ['duration=2h'] });
    if (!loaded.ok)
      throw new Error(loaded.issues.map((i) => `${i.file}: ${i.path.join('.')}: ${i.message}`).join('\n'));
    const { result } = await runScenario(loaded.scenario);
    expect(result.scenario.durationMs).toBe(7_200_000);
    expect(result.samples.length).toBeGreaterThan(0);
    expect(checkInvariants(result, loaded.scenario)).toEqual([]);
  });
});
