import { fileURLToPath } from 'node:url';
import type { Scenario, SimulationResult, TimingReport } from '@gleaner/sim';
import * as sim from '@gleaner/sim';

/**
 * Finds the simulator's `runScenario`. DESIGN.md names it as `@gleaner/sim`'s public entry point; until the
 * package index exports it, the bench loads it from the simulator's `world/` module next door (compiled
 * `dist/` when the bench runs compiled, `src/` when it runs from source under vitest or tsx).
 * @module
 */

/** The shape of `@gleaner/sim`'s `runScenario` the bench relies on. */
export type RunScenario = (
  scenario: Scenario,
  options?: { readonly seed?: string | number },
) => Promise<{ readonly result: SimulationResult; readonly timing: TimingReport }>;

let cached: RunScenario | undefined;

/** `runScenario` from `@gleaner/sim`, or from its `world/runScenario` module when the index lacks it. */
export async function loadRunScenario(): Promise<RunScenario> {
  if (cached !== undefined) return cached;
  const exported = (sim as Record<string, unknown>).runScenario;
  if (typeof exported === 'function') {
    cached = exported as RunScenario;
    return cached;
  }
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(
    fromSource ? '../../../sim/src/world/runScenario.ts' : '../../../sim/dist/world/runScenario.js',
    import.meta.url,
  );
  const module = (await import(fileURLToPath(url))) as Record<string, unknown>;
  const fn = module.runScenario;
  if (typeof fn !== 'function') throw new Error(`loadRunScenario: ${url.href} exports no runScenario`);
  cached = fn as RunScenario;
  return cached;
}
