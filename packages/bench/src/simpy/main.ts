import { pathToFileURL } from 'node:url';
import { main } from '../main.js';

/**
 * `pnpm bench:simpy`: only the SimPy side-by-side (M/M/c and hold model, Gleaner's Engine vs SimPy 3),
 * installing SimPy first when it is missing. Prints the table and the ratios; writes
 * `packages/bench/results/<date>-simpy.json` and `.md`. Options: `--quick`, `--no-write`.
 * @module
 */

/** Runs the SimPy suite and prints a one-line verdict per comparison. */
export async function simpyMain(argv: readonly string[]): Promise<number> {
  const quick = argv.includes('--quick');
  const { report } = await main({
    quick,
    only: ['simpy'],
    write: !argv.includes('--no-write'),
    command: ['node packages/bench/dist/simpy/main.js', ...argv].join(' '),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  for (const s of report.skipped) process.stderr.write(`${s.suite}: ${s.reason}\n`);
  for (const row of report.rows) {
    process.stdout.write(`${row.id}: ${row.ratio.toFixed(2)}× ${row.baseline.name}\n`);
  }
  return report.skipped.length > 0 ? 1 : 0;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  process.exitCode = await simpyMain(process.argv.slice(2));
}
