// The guides' code and command output are real: every snippet block must equal its file in docs/snippets/,
// every output block what the snippet prints when run, and every `gleaner` block what the command prints.
// `pnpm docs:snippets` rewrites all three kinds of block.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUIDES } from './tools/guides.js';
import { expectedBody, markedBlocks, REPO_ROOT } from './tools/snippets.js';

const guides = GUIDES.filter((g) => existsSync(path.join(REPO_ROOT, g)));
const blocks = guides.flatMap((guide) =>
  markedBlocks(readFileSync(path.join(REPO_ROOT, guide), 'utf8')).map((b) => ({ guide, ...b })),
);

describe('guide snippets', () => {
  it('finds the guides and their snippets', () => {
    expect(guides).toContain('docs/library.md');
    expect(blocks.filter((b) => b.kind === 'snippet').length).toBeGreaterThanOrEqual(5);
  });

  it('includes every file of docs/snippets/ in some guide, with its output', () => {
    const files = readdirSync(path.join(REPO_ROOT, 'docs/snippets'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `docs/snippets/${f}`);
    for (const file of files) {
      expect(
        blocks.some((b) => b.kind === 'snippet' && b.file === file),
        `${file} is not in any guide`,
      ).toBe(true);
      expect(
        blocks.some((b) => b.kind === 'output' && b.file === file),
        `${file} has no output block`,
      ).toBe(true);
    }
  });

  const cache = new Map<string, Promise<string>>();
  for (const b of blocks) {
    const what =
      b.kind === 'snippet'
        ? `shows ${b.file}`
        : b.kind === 'output'
          ? `shows what ${b.file} prints`
          : `shows what "gleaner ${b.file}" prints`;
    it(`${b.guide} ${what}`, async () => {
      const key = `${b.kind}:${b.file}`;
      let body = cache.get(key);
      if (body === undefined) {
        body = expectedBody(b);
        cache.set(key, body);
      }
      expect(b.body, 'run pnpm docs:snippets').toBe(await body);
    });
  }
});
