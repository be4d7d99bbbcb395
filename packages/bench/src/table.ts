/**
 * Markdown tables and number formatting for the bench's report (stdout and the `.md` file beside the JSON).
 * @module
 */

/** Column alignment in a {@link markdownTable}. */
export type Align = 'left' | 'right';

/** Escapes a cell for a GitHub-flavoured markdown table: pipes and line breaks. */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * A GitHub-flavoured markdown table, columns padded to equal width so it also reads well as plain text.
 * Rows shorter than the header are padded with empty cells.
 *
 * @throws RangeError when a row has more cells than there are headers.
 */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const cells = [headers, ...rows].map((row, r) => {
    if (row.length > headers.length) {
      throw new RangeError(`markdownTable: row ${r - 1} has ${row.length} cells for ${headers.length} headers`);
    }
    return headers.map((_, c) => escapeCell(row[c] ?? ''));
  });
  const widths = headers.map((_, c) => Math.max(3, ...cells.map((row) => row[c]!.length)));
  const pad = (text: string, c: number): string =>
    align[c] === 'right' ? text.padStart(widths[c]!) : text.padEnd(widths[c]!);
  const line = (row: readonly string[]): string => `| ${row.map((t, c) => pad(t, c)).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (align[c] === 'right' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

/**
 * A number with about `digits` significant digits and thousands separators, the way the table shows
 * rates and latencies: `4_213_456.7 → "4,210,000"`, `0.012345 → "0.0123"`. `NaN` and infinities print as
 * `"n/a"`.
 */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  const rounded = Number(value.toPrecision(digits));
  return rounded.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}

/** A ratio as the table prints it: two decimals below 10, else three significant digits (`"1.93"`, `"214"`). */
export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return Math.abs(value) < 10 ? value.toFixed(2) : formatNumber(value, 3).replace(/,/g, '');
}
