// Regenerates docs/scenario-reference.md (from the zod scenario schema) and docs/cli-reference.md (from the
// commander program and the exit codes), formatted as `biome check --write` formats Markdown. Run from the
// repository root:
//   pnpm docs:reference
// docs/reference.test.ts fails when the committed files differ from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatMarkdown } from '../../../docs/tools/biome.js';
import { renderCliReference } from '../src/docs/cliReference.js';
import { renderScenarioReference } from '../src/docs/scenarioReference.js';

const root = (name: string): string => fileURLToPath(new URL(`../../../${name}`, import.meta.url));
const exitCodes = readFileSync(fileURLToPath(new URL('../src/cli/exitCodes.ts', import.meta.url)), 'utf8');

for (const [file, text] of [
  ['docs/scenario-reference.md', renderScenarioReference()],
  ['docs/cli-reference.md', renderCliReference(exitCodes)],
] as const) {
  writeFileSync(root(file), formatMarkdown(file, text));
  process.stdout.write(`wrote ${file}\n`);
}
