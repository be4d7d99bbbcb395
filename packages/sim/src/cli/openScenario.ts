import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { loadScenario, type Scenario } from '../scenario/loadScenario.js';
import { OverrideError } from '../scenario/OverrideError.js';
import { applyOverrides, parseOverride } from '../scenario/overrides.js';
import type { ScenarioSpec } from '../scenario/schema.js';
import type { CliContext } from './CliContext.js';
import { InputOutputError, InvalidInputError, UsageError } from './CliError.js';

/** A scenario opened for a command: the loaded scenario, its validated spec, and the file's hash. */
export interface OpenedScenario {
  /** What `runScenario` takes. */
  readonly scenario: Scenario;
  /** The file as validated, with defaults and the overrides applied (written to `scenario.json`). */
  readonly spec: ScenarioSpec;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
}

/**
 * Checks `--set` overrides for syntax alone (before any file is read).
 *
 * @throws {@link UsageError} naming the override.
 */
export function checkOverrideSyntax(sets: readonly string[]): void {
  for (const set of sets) {
    try {
      parseOverride(set);
    } catch (error) {
      if (error instanceof OverrideError) throw new UsageError(error.message);
      throw error;
    }
  }
}

/**
 * Opens a scenario file for `run`, `compare` and `sweep`: reads it, applies `overrides` (a bad key is a
 * usage error naming the `--set`), then loads and validates it with `loadScenario`. Problems become one
 * line each on stderr, the last one as the thrown error's message, so a single problem is a single line.
 *
 * @throws {@link InputOutputError} when the file cannot be read; {@link UsageError} for a bad `--set`;
 * {@link InvalidInputError} when the scenario (or a file it names) is invalid.
 */
export async function openScenario(
  file: string,
  overrides: readonly string[],
  context: CliContext,
): Promise<OpenedScenario> {
  checkOverrideSyntax(overrides);
  let bytes: Buffer;
  try {
    if ((await stat(file)).isDirectory()) throw new InputOutputError(`${file}: is a directory, not a scenario file`);
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof InputOutputError) throw error;
    throw new InputOutputError(`${file}: cannot read: ${ioReason(error)}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // A --set that does not fit the file is a usage error (exit 2), reported before loadScenario would
  // report it as a scenario issue.
  if (overrides.length > 0) {
    let raw: unknown;
    let yamlOk = true;
    try {
      raw = parseYaml(bytes.toString('utf8'));
    } catch {
      yamlOk = false; // loadScenario reports the syntax error with its line
    }
    if (yamlOk) {
      try {
        applyOverrides(raw, overrides);
      } catch (error) {
        if (error instanceof OverrideError) throw new UsageError(`${file}: ${error.message}`);
        throw error;
      }
    }
  }
  const loaded = await loadScenario(file, { overrides });
  if (!loaded.ok) {
    const lines = loaded.issues.map((i) => formatScenarioIssue(i));
    if (lines.length === 0) lines.push(`${file}: invalid scenario`);
    for (const line of lines.slice(0, -1)) context.io.stderr.write(`${line}\n`);
    throw new InvalidInputError(lines.at(-1)!);
  }
  return { scenario: loaded.scenario, spec: loaded.scenario.spec, sha256 };
}

/** One scenario problem as one line: `<file>: <field.path>: <message>` (the path left out when empty). */
export function formatScenarioIssue(issue: {
  readonly file: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
}): string {
  const path = issue.path.length === 0 ? '' : `${issue.path.join('.')}: `;
  return `${issue.file}: ${path}${issue.message}`;
}

/** Short reason for a file-system error: `no such file`, `permission denied`, or the first line of the message. */
export function ioReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
