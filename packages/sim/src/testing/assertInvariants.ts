import type { SimulationResult } from '../metrics/SimulationResult.js';
import type { Scenario } from '../scenario/loadScenario.js';
import { checkInvariants } from './checkInvariants.js';
import { InvariantError } from './InvariantError.js';

/**
 * {@link checkInvariants} as an assertion: returns quietly when the run is sound, else throws an
 * {@link InvariantError} listing every violation (usable in any test runner).
 *
 * @throws {@link InvariantError} when at least one invariant is broken.
 */
export function assertInvariants(result: SimulationResult, scenario?: Scenario): void {
  const violations = checkInvariants(result, scenario);
  if (violations.length > 0)
    throw new InvariantError(violations, `run "${result.scenario.name}" seed ${result.scenario.seed}`);
}
