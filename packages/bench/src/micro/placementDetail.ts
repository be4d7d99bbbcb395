import { main as placementBenchMain } from '../cluster/placementBench.js';
import type { Suite, SuiteContext, SuiteResult } from '../suite.js';

/**
 * The cluster engineer's own placement bench (`cluster/placementBench.ts`), run as it is and its printed
 * lines kept in the report's details. Not part of a plain `pnpm bench` (its full run takes minutes and
 * overlaps the `placement`, `preemption` and `gang` suites); run it with `--only placement-detail`.
 * @module
 */

async function run(context: SuiteContext): Promise<SuiteResult> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]): void => {
    const line = args.map(String).join(' ');
    lines.push(line);
    context.log(line);
  };
  try {
    placementBenchMain(context.quick ? ['--quick'] : []);
  } finally {
    console.log = original;
  }
  return { rows: [], text: lines };
}

/** The placement-detail suite (opt-in). */
export const placementDetailSuite: Suite = {
  name: 'placement-detail',
  description: "the cluster engineer's placementBench.ts main(), its output kept verbatim",
  byDefault: false,
  rowIds: [],
  run,
};
