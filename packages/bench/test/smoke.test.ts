import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { TABLE_HEADERS } from '../src/report.js';
import { selectSuites } from '../src/suites.js';

// The whole bench in its --quick form, in-process from source: every default suite runs and the table has
// every row with a numeric ratio. Speed is measured, never asserted.
describe('pnpm bench --quick', () => {
  it('produces every row with numeric ratios', { timeout: 180_000 }, async () => {
    const { report, markdown } = await main({ quick: true, write: false, print: null, log: () => {} });
    const failed = report.skipped.filter((s) => s.reason.startsWith('failed'));
    expect(failed).toEqual([]);
    const skipped = new Set(report.skipped.map((s) => s.suite));
    // SimPy may be absent on a machine without Debian's python3-simpy3; then it must say why.
    for (const s of report.skipped) expect(s.reason).toMatch(/SimPy/);

    const tableLines = markdown.split('\n').filter((l) => l.startsWith('| '));
    const header = tableLines[0]!.split('|').map((c) => c.trim());
    const ratioColumn = header.indexOf('× baseline');
    expect(ratioColumn).toBeGreaterThan(0);
    const byId = new Map(
      tableLines.slice(2).map((l) => {
        const cells = l.split(/(?<!\\)\|/).map((c) => c.trim());
        return [cells[1]!, cells] as const;
      }),
    );

    for (const suite of selectSuites()) {
      if (skipped.has(suite.name)) continue;
      for (const id of suite.rowIds) {
        const matching = [...byId.keys()].filter((k) => (id.endsWith('-') ? k.startsWith(id) : k === id));
        expect(matching, `row ${id} of suite ${suite.name}`).not.toEqual([]);
      }
    }
    expect(byId.size).toBe(report.rows.length);
    for (const [id, cells] of byId) {
      expect(cells.length - 2, id).toBe(TABLE_HEADERS.length);
      const ratio = Number(cells[ratioColumn]);
      expect(Number.isFinite(ratio), `${id} ratio "${cells[ratioColumn]}"`).toBe(true);
      expect(ratio, id).toBeGreaterThan(0);
    }
    for (const row of report.rows) {
      if (row.mismatches !== undefined) expect(row.mismatches, `${row.id} decisions vs reference`).toBe(0);
    }
  });
});
