// The repository formats Markdown with Biome (`biome check --write`), tables included. Generated Markdown
// goes through the same formatter, so that formatting the docs never makes them differ from their generator.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIOME = path.join(REPO_ROOT, 'node_modules/.bin/biome');

/** `text` as `biome format` would write it to `file` (a path relative to the repository root). */
export function formatMarkdown(file: string, text: string): string {
  return execFileSync(BIOME, ['format', `--stdin-file-path=${file}`], {
    cwd: REPO_ROOT,
    input: text,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}
