import { OverrideError } from '../scenario/OverrideError.js';
import { parseOverride } from '../scenario/overrides.js';
import { SweepArgumentError } from './SweepArgumentError.js';

/** A named set of overrides that `gleaner compare` runs against the baseline (the scenario as written). */
export interface Variant {
  /** Variant name, as the comparison table shows it. */
  readonly name: string;
  /** `key=value` overrides, in order. */
  readonly sets: readonly string[];
}

/** The variant name given to the scenario file as written. */
export const BASELINE = 'baseline';

/**
 * Parses `--variant "name:key=value,key=value"` (the `name:` part is optional; without it the variant is
 * named after its overrides). Overrides are separated by commas that start a new `key=`, so a value may
 * itself contain commas.
 *
 * @throws {@link SweepArgumentError} for an empty name, no overrides, or a malformed override.
 */
export function parseVariant(text: string): Variant {
  const colon = text.indexOf(':');
  const eq = text.indexOf('=');
  const named = colon >= 0 && (eq < 0 || colon < eq);
  const name = named ? text.slice(0, colon).trim() : undefined;
  const body = named ? text.slice(colon + 1) : text;
  if (name === '') throw new SweepArgumentError('--variant', text, 'the name before ":" is empty');
  if (body.trim() === '') throw new SweepArgumentError('--variant', text, 'expected name:key=value[,key=value…]');
  const sets = body.split(/,(?=\s*[^,=\s]+=)/).map((s) => s.trim());
  for (const set of sets) {
    try {
      parseOverride(set);
    } catch (error) {
      if (error instanceof OverrideError) throw new SweepArgumentError('--variant', text, error.reason);
      throw error;
    }
  }
  return { name: name ?? variantName(sets), sets };
}

/** The variant made by `--set` options: named after its overrides' last key segments (`cpuReclaimThresholdPercent=70`). */
export function setsVariant(sets: readonly string[]): Variant {
  return { name: variantName(sets), sets: [...sets] };
}

function variantName(sets: readonly string[]): string {
  return sets
    .map((set) => {
      const { path, text } = parseOverride(set);
      return `${path.at(-1)}=${text}`;
    })
    .join(', ');
}

/**
 * The variants of a comparison: the baseline first, then `--set`'s variant (if any overrides), then each
 * `--variant`, in order.
 *
 * @throws {@link SweepArgumentError} when there is nothing to compare or two variants share a name.
 */
export function compareVariants(sets: readonly string[], variants: readonly Variant[]): Variant[] {
  const all: Variant[] = [{ name: BASELINE, sets: [] }];
  if (sets.length > 0) all.push(setsVariant(sets));
  all.push(...variants);
  if (all.length < 2) {
    throw new SweepArgumentError(
      '--variant',
      '',
      'nothing to compare: give --set key=value or --variant name:key=value',
    );
  }
  const seen = new Set<string>();
  for (const v of all) {
    if (seen.has(v.name)) throw new SweepArgumentError('--variant', v.name, `two variants are named "${v.name}"`);
    seen.add(v.name);
  }
  return all;
}
