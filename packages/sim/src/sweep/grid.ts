import { OverrideError } from '../scenario/OverrideError.js';
import { parseOverride } from '../scenario/overrides.js';
import { SweepArgumentError } from './SweepArgumentError.js';

/** One axis of a sweep grid: a scenario key and the values it takes, as `--set` would write them. */
export interface GridAxis {
  /** The overridden field, in `--set` path syntax. */
  readonly key: string;
  /** Its values, as text. */
  readonly values: readonly string[];
}

/** One point of the grid: the overrides that make it, and the value of each axis. */
export interface GridPoint {
  /** Position in {@link gridPoints}' order (the first axis varies slowest). */
  readonly index: number;
  /** `key=value` overrides, one per axis, in axis order. */
  readonly sets: readonly string[];
  /** Value text of each axis by key. */
  readonly values: Readonly<Record<string, string>>;
}

/**
 * Parses `--grid key=v1,v2,…` options. Keys use the `--set` path syntax; values are split on commas and
 * kept as text (each becomes a `key=value` override, parsed as YAML when applied).
 *
 * @throws {@link SweepArgumentError} for a missing `=`, a bad key, an empty or repeated value, or a key
 * given twice.
 */
export function parseGrid(options: readonly string[]): GridAxis[] {
  const axes: GridAxis[] = [];
  for (const text of options) {
    const eq = text.indexOf('=');
    if (eq < 0)
      throw new SweepArgumentError(
        '--grid',
        text,
        'expected key=v1,v2,… (e.g. colocation.cpuReclaimThresholdPercent=50,60,70)',
      );
    const key = text.slice(0, eq).trim();
    try {
      parseOverride(`${key}=`);
    } catch (error) {
      if (error instanceof OverrideError) throw new SweepArgumentError('--grid', text, error.reason);
      throw error;
    }
    const values = text
      .slice(eq + 1)
      .split(',')
      .map((v) => v.trim());
    if (values.some((v) => v === '')) throw new SweepArgumentError('--grid', text, 'empty value in the list');
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) throw new SweepArgumentError('--grid', text, `value "${v}" is listed twice`);
      seen.add(v);
    }
    if (axes.some((a) => a.key === key))
      throw new SweepArgumentError('--grid', text, `key "${key}" is already a grid axis`);
    axes.push({ key, values });
  }
  return axes;
}

/** Every point of the grid (the cartesian product of the axes), first axis slowest; one empty point for no axes. */
export function gridPoints(axes: readonly GridAxis[]): GridPoint[] {
  let partial: { sets: string[]; values: Record<string, string> }[] = [{ sets: [], values: {} }];
  for (const axis of axes) {
    const next: typeof partial = [];
    for (const p of partial) {
      for (const v of axis.values)
        next.push({ sets: [...p.sets, `${axis.key}=${v}`], values: { ...p.values, [axis.key]: v } });
    }
    partial = next;
  }
  return partial.map((p, index) => ({ index, ...p }));
}
