/**
 * Lays out rows as a plain-text table for a terminal: the first row is the header, underlined with `─`;
 * columns are separated by two spaces; the first column is left-aligned and the others right-aligned
 * (numbers line up). Widths count code points, so `–`, `±` and `→` take one column. Each line ends with a
 * newline; trailing spaces are trimmed.
 */
export function formatTextTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const columns = Math.max(...rows.map((r) => r.length));
  const width = (s: string): number => [...s].length;
  const widths = Array.from({ length: columns }, (_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  const line = (row: readonly string[]): string =>
    widths
      .map((w, c) => {
        const cell = row[c] ?? '';
        const pad = ' '.repeat(w - width(cell));
        return c === 0 ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd();
  const [head, ...body] = rows;
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return `${[line(head!), rule, ...body.map(line)].join('\n')}\n`;
}
