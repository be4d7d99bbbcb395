/**
 * Parses a duration as scenario files write it — `"250ms"`, `"30s"`, `"5m"`, `"24h"`, `"7d"`, or a plain
 * integer of milliseconds — into integer milliseconds. Returns `undefined` when the text is not a duration.
 */
export function parseDuration(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isSafeInteger(input) && input >= 0 ? input : undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(input.trim());
  if (m === null) return undefined;
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  const ms = Math.round(Number(m[1]) * unit);
  return Number.isSafeInteger(ms) ? ms : undefined;
}

/** Formats integer milliseconds as the shortest exact duration text (`300000` → `"5m"`). */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ] as const) {
    if (ms !== 0 && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
