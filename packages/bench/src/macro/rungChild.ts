import { pathToFileURL } from 'node:url';
import type { RungSpec } from './ladderScenario.js';
import { runRung } from './rung.js';

/**
 * Child-process entry of one ladder rung: `node --expose-gc dist/macro/rungChild.js '<RungSpec JSON>'`.
 * Warms the JIT on a small throwaway run ({@link WARMUP_RUNG}) first, collects garbage, then runs the rung
 * and prints one line `RUNG_RESULT <json>` on stdout, so the parent reads this process's own peak RSS.
 * @module
 */

/** The throwaway run before the measured one: 100 nodes for 30 simulated minutes (well under a second). */
export const WARMUP_RUNG: RungSpec = { nodes: 100, members: 10, duration: '30m', seed: 2 };

/** The stdout prefix of the result line. */
export const RUNG_RESULT_PREFIX = 'RUNG_RESULT ';

/** Parses the spec from `argv`, runs the rung, prints the result line. */
export async function childMain(argv: readonly string[]): Promise<void> {
  const spec = JSON.parse(argv[0] ?? '') as RungSpec;
  await runRung(WARMUP_RUNG, true);
  (globalThis as { gc?: () => void }).gc?.();
  const result = await runRung(spec, true);
  process.stdout.write(`${RUNG_RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  childMain(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`rungChild: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
