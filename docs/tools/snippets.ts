// The guides include runnable snippets and command output verbatim. In a guide, a fenced block right after
//
//   <!-- snippet: docs/snippets/<name>.ts -->    holds the snippet's source,
//   <!-- output: docs/snippets/<name>.ts -->     what it prints when run from the repository root, and
//   <!-- gleaner: <arguments> -->               `$ pnpm gleaner <arguments>` and what that command prints.
//
// docs/snippets.test.ts checks all three; `pnpm docs:snippets` (docs/tools/sync-snippets.ts) rewrites them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { bufferedIo } from '../../packages/sim/src/cli/CliIo.js';
import { runCli } from '../../packages/sim/src/cli/runCli.js';

/** The repository root (snippets read example files relative to it). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A fenced block a marker comment points at. */
export interface MarkedBlock {
  /**
   * `snippet`: the block is the file's source; `output`: what running the file prints; `gleaner`: a `gleaner`
   * command line and what it prints.
   */
  readonly kind: 'snippet' | 'output' | 'gleaner';
  /** The snippet file, relative to the repository root; for `gleaner`, the command's arguments. */
  readonly file: string;
  /** The block's content, without the fences, ending in a newline. */
  readonly body: string;
  /** Offset of the first character of `body` in the Markdown text. */
  readonly start: number;
  /** Offset just past `body` (where the closing fence starts). */
  readonly end: number;
}

const MARKER = /<!-- (snippet|output|gleaner): (.+?) -->\n```[a-z]*\n/g;

/**
 * Every marked block of a Markdown text, in order.
 *
 * @throws Error when a marker is not followed by a fenced block.
 */
export function markedBlocks(markdown: string): MarkedBlock[] {
  const blocks: MarkedBlock[] = [];
  for (const m of markdown.matchAll(MARKER)) {
    const start = m.index + m[0].length;
    const close = markdown.indexOf('\n```\n', start - 1);
    if (close < 0) throw new Error(`unclosed block after "${m[0].split('\n')[0]}"`);
    const end = close + 1;
    blocks.push({ kind: m[1] as MarkedBlock['kind'], file: m[2]!, body: markdown.slice(start, end), start, end });
  }
  return blocks;
}

/** The source of a snippet, as the guide shows it. */
export function snippetSource(file: string): string {
  return `${readFileSync(path.join(REPO_ROOT, file), 'utf8').trimEnd()}\n`;
}

/**
 * Runs a snippet in this process (an ES module: importing it runs it, top-level `await` included) with the
 * working directory at the repository root, and returns what it printed with `console.log`.
 */
export async function snippetOutput(file: string): Promise<string> {
  const lines: string[] = [];
  const log = console.log;
  const cwd = process.cwd();
  console.log = (...args: unknown[]) => {
    lines.push(format(...args));
  };
  try {
    if (cwd !== REPO_ROOT) process.chdir(REPO_ROOT);
    await import(pathToFileURL(path.join(REPO_ROOT, file)).href);
  } finally {
    console.log = log;
    if (process.cwd() !== cwd) process.chdir(cwd);
  }
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * Runs `gleaner <args>` in-process from the repository root (arguments split on spaces) and returns the
 * command line followed by what it wrote to stdout, then stderr, and the exit status when it is not 0.
 */
export async function gleanerOutput(args: string): Promise<string> {
  const io = bufferedIo();
  const cwd = process.cwd();
  let code: number;
  try {
    if (cwd !== REPO_ROOT) process.chdir(REPO_ROOT);
    code = await runCli(
      args.split(/\s+/).filter((a) => a !== ''),
      io,
    );
  } finally {
    if (process.cwd() !== cwd) process.chdir(cwd);
  }
  const status = code === 0 ? '' : `(exit status ${code})\n`;
  return `$ pnpm gleaner ${args}\n${io.out()}${io.err()}${status}`;
}

/** What a marked block should contain: the snippet's source, its output, or the command's output. */
export function expectedBody(block: MarkedBlock): Promise<string> {
  if (block.kind === 'snippet') return Promise.resolve(snippetSource(block.file));
  if (block.kind === 'output') return snippetOutput(block.file);
  return gleanerOutput(block.file);
}

/** The Markdown text with every marked block replaced by `replacement(block)`. */
export async function replaceBlocks(
  markdown: string,
  replacement: (block: MarkedBlock) => Promise<string>,
): Promise<string> {
  let out = '';
  let at = 0;
  for (const block of markedBlocks(markdown)) {
    out += markdown.slice(at, block.start) + (await replacement(block));
    at = block.end;
  }
  return out + markdown.slice(at);
}
