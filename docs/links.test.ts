// Every relative link in the README and the guides points to a file that exists and, for `file.md#anchor`
// or `#anchor`, to a heading (GitHub's slug) or an `<a id>` of that file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './tools/snippets.js';

const PAGES = [
  'README.md',
  'docs/concepts.md',
  'docs/library.md',
  'docs/calibrate.md',
  'docs/property-testing.md',
  'docs/scenario-reference.md',
  'docs/cli-reference.md',
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  const out = new Set<string>();
  for (const m of text.matchAll(/^#{1,6} (.+)$/gm)) out.add(slug(m[1]!));
  for (const m of text.matchAll(/<a id="([^"]+)"><\/a>/g)) out.add(m[1]!);
  return out;
}

describe('links in the docs', () => {
  for (const page of PAGES) {
    it(`${page} links only to files and anchors that exist`, () => {
      const file = path.join(REPO_ROOT, page);
      const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
      const broken: string[] = [];
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue; // https:, mailto:
        const [rel, anchor] = target.split('#') as [string, string | undefined];
        const dest = rel === '' ? file : path.resolve(path.dirname(file), rel);
        if (!existsSync(dest)) {
          broken.push(`${target}: no such file`);
          continue;
        }
        if (anchor !== undefined && statSync(dest).isFile() && dest.endsWith('.md') && !anchors(dest).has(anchor)) {
          broken.push(`${target}: no such anchor`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});
