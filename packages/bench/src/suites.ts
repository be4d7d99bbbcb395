import { ladderSuite } from './macro/ladder.js';
import { batchResourcesSuite } from './micro/batchResources.js';
import { divideReplicasSuite } from './micro/divideReplicas.js';
import { eventQueueSuite } from './micro/eventQueue.js';
import { fleetGangSuite } from './micro/fleetGang.js';
import { gangSuite } from './micro/gang.js';
import { loadBankSuite } from './micro/loadBank.js';
import { placementSuite } from './micro/placement.js';
import { placementDetailSuite } from './micro/placementDetail.js';
import { preemptionSuite } from './micro/preemption.js';
import { quantitySuite } from './micro/quantity.js';
import { simpySuite } from './simpy/sideBySide.js';
import type { Suite } from './suite.js';

/**
 * Every suite of the bench, in table order.
 * @module
 */

/** All suites; those with `byDefault: false` run only when named with `--only`. */
export const SUITES: readonly Suite[] = [
  eventQueueSuite,
  quantitySuite,
  batchResourcesSuite,
  placementSuite,
  preemptionSuite,
  gangSuite,
  divideReplicasSuite,
  fleetGangSuite,
  loadBankSuite,
  simpySuite,
  ladderSuite,
  placementDetailSuite,
];

/**
 * The suites `only` selects (by suite name or row-id prefix), or the default ones when `only` is empty.
 *
 * @throws Error naming the valid suites when a name matches nothing.
 */
export function selectSuites(only: readonly string[] = []): Suite[] {
  if (only.length === 0) return SUITES.filter((s) => s.byDefault);
  const picked = new Set<Suite>();
  for (const name of only) {
    const matches = SUITES.filter(
      (s) => s.name === name || [...s.rowIds, ...(s.fullRunRowIds ?? [])].some((id) => id.startsWith(name)),
    );
    if (matches.length === 0) {
      throw new Error(`--only ${name}: no such suite (suites: ${SUITES.map((s) => s.name).join(', ')})`);
    }
    for (const m of matches) picked.add(m);
  }
  return SUITES.filter((s) => picked.has(s));
}
