// Rewrites the marked blocks of the guides (see snippets.ts): snippet sources, snippet output and `gleaner`
// command output. Run from the repository root:
//   pnpm docs:snippets
// docs/snippets.test.ts fails when a guide and its snippets disagree. A block whose snippet or command fails
// keeps its old content; the script names it and exits with status 1.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatMarkdown } from './biome.js';
import { GUIDES } from './guides.js';
import { expectedBody, REPO_ROOT, replaceBlocks } from './snippets.js';

const cache = new Map<string, Promise<string>>();
let failed = false;
for (const guide of GUIDES) {
  const file = path.join(REPO_ROOT, guide);
  if (!existsSync(file)) continue;
  const before = readFileSync(file, 'utf8');
  const after = await replaceBlocks(before, async (block) => {
    const key = `${block.kind}:${block.file}`;
    let body = cache.get(key);
    if (body === undefined) {
      body = expectedBody(block);
      cache.set(key, body);
    }
    try {
      return await body;
    } catch (error) {
      failed = true;
      process.stderr.write(
        `${guide}: ${block.kind} ${block.file} failed: ${error instanceof Error ? error.message : error}\n`,
      );
      return block.body;
    }
  });
  const formatted = formatMarkdown(guide, after);
  if (formatted !== before) {
    writeFileSync(file, formatted);
    process.stdout.write(`updated ${guide}\n`);
  }
}
if (failed) process.exitCode = 1;
