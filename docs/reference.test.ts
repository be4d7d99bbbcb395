// docs/scenario-reference.md and docs/cli-reference.md are generated (`pnpm docs:reference`); this test
// regenerates both in memory (through the same Biome formatting) and fails when the committed files differ,
// so they cannot drift from the zod schema or the commander program.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseExitCodeTable, renderCliReference } from '../packages/sim/src/docs/cliReference.js';
import { renderScenarioReference, staleScenarioNotes } from '../packages/sim/src/docs/scenarioReference.js';
import { formatMarkdown } from './tools/biome.js';

const read = (path: string): string => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
const exitCodes = read('../packages/sim/src/cli/exitCodes.ts');

describe('generated references', () => {
  it('docs/scenario-reference.md matches the zod scenario schema (run `pnpm docs:reference`)', () => {
    expect(read('./scenario-reference.md')).toBe(
      formatMarkdown('docs/scenario-reference.md', renderScenarioReference()),
    );
  });

  it('every hand-written note of the scenario reference still names a field of the schema', () => {
    expect(staleScenarioNotes()).toEqual([]);
  });

  it('docs/cli-reference.md matches the gleaner program (run `pnpm docs:reference`)', () => {
    expect(read('./cli-reference.md')).toBe(formatMarkdown('docs/cli-reference.md', renderCliReference(exitCodes)));
  });

  it('reads every exit code, and refuses a table that disagrees with ExitCode', () => {
    expect(parseExitCodeTable(exitCodes).map((r) => r.code)).toEqual([0, 1, 2, 3, 70]);
    const broken = exitCodes.replace(/\|\s*3 \| `IO`/, '|    4 | `IO`');
    expect(() => parseExitCodeTable(broken)).toThrow(/ExitCode.IO is 3, the TSDoc table says 4/);
  });

  it('links only to anchors that exist in the generated pages', () => {
    for (const text of [renderScenarioReference(), renderCliReference(exitCodes)]) {
      const anchors = new Set([...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
      const links = [...text.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
      expect(links.filter((l) => !anchors.has(l))).toEqual([]);
    }
  });
});
