import { basename, dirname, extname, join, resolve } from 'node:path';
import { UsageError } from './CliError.js';

/** Commander collector for repeatable options (`--set a=1 --set b=2`). */
export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Parses a whole number option in `[min, max]`.
 *
 * @throws {@link UsageError} naming the option and the text.
 */
export function wholeNumber(
  option: string,
  text: string | undefined,
  fallback: number,
  min = 1,
  max = 1_000_000,
): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${option} ${JSON.stringify(text)}: expected a whole number from ${min} to ${max}`);
  }
  return n;
}

/** A seed given with `--seed`: an integer when it looks like one, else the text. */
export function seedOption(text: string | undefined): string | number | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '') throw new UsageError('--seed: expected a number or some text, got nothing');
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}

/**
 * The default output location for a scenario file: `results/<name>`, where `<name>` is the file's name
 * without extension, or its folder's name when the file is called `scenario.*`
 * (`examples/seed-fleet/scenario.yaml` → `results/seed-fleet`).
 */
export function defaultOutDir(scenarioFile: string, suffix = ''): string {
  const stem = basename(scenarioFile, extname(scenarioFile));
  const name = stem === 'scenario' ? basename(dirname(resolve(scenarioFile))) : stem;
  return join('results', `${name}${suffix}`);
}
