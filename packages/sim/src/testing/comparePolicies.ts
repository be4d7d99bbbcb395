import type { ClusterScorer } from '@gleaner/core';
import fc from 'fast-check';
import type { SimulationResult, Summary } from '../metrics/SimulationResult.js';
import { createScenario, formatScenarioIssue } from '../scenario/createScenario.js';
import type { Scenario } from '../scenario/loadScenario.js';
import { applyOverrides, parseOverride } from '../scenario/overrides.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { runScenario } from '../world/runScenario.js';
import { arbScenarioInput, type ScenarioOptions } from './arbScenarioInput.js';
import { checkInvariants } from './checkInvariants.js';
import { InvariantError } from './InvariantError.js';
import { PolicyComparisonError } from './PolicyComparisonError.js';
import type { ScenarioCase } from './ScenarioCase.js';

/**
 * One side of a comparison: how a policy change turns a generated scenario into the run to make. Every
 * part is optional; `{}` is the scenario as generated.
 */
export interface PolicyUnderTest {
  /** Name in failure reports (default `base` / `candidate`). */
  readonly name?: string;
  /**
   * `key=value` overrides of the scenario, as `gleaner compare --set` takes them
   * (`colocation.cpuReclaimThresholdPercent=70`, `fleetScheduler.preoccupation=false`).
   */
  readonly overrides?: readonly string[];
  /** Any other change to the scenario, applied after `overrides`. */
  readonly transform?: (input: ScenarioInput) => ScenarioInput;
  /** A cluster scorer replacing the scenario's `fleetScheduler.scorer`: the policy code under test. */
  readonly scorer?: ClusterScorer;
}

/**
 * The relation that must hold between the two runs of every generated scenario. Return `false` or throw
 * (e.g. a failed `expect`) to report a counter-example; `true` or nothing means it holds.
 */
export type PolicyProperty = (
  base: SimulationResult,
  candidate: SimulationResult,
  scenario: ScenarioCase,
) => boolean | undefined | Promise<boolean | undefined>;

/** Options of {@link comparePolicies}. */
export interface ComparePoliciesOptions {
  /** Scenarios to try (default 10). Each costs two simulations. */
  readonly numRuns?: number;
  /** fast-check seed: the same seed tries the same scenarios (default: fast-check's global seed). */
  readonly seed?: number;
  /** fast-check replay path of a reported failure (with its `seed`), to go straight to the counter-example. */
  readonly path?: string;
  /** The scenarios to draw from (default {@link arbScenarioInput} with `scenarioOptions`). */
  readonly scenarios?: fc.Arbitrary<ScenarioCase>;
  /** Size limits of the default scenario generator. */
  readonly scenarioOptions?: ScenarioOptions;
  /** Also require both runs to satisfy {@link checkInvariants} (default true). */
  readonly invariants?: boolean;
  /**
   * Most simulations of both policies spent shrinking a failure to a smaller counter-example (default 30;
   * 0 reports the first failure as found). Shrinking stops at the budget with the smallest failure so far.
   */
  readonly maxShrinkRuns?: number;
  /** Wall-clock limit of the whole check including shrinking, in ms (default none). */
  readonly timeLimitMs?: number;
}

/** What a passing {@link comparePolicies} checked. */
export interface ComparisonReport {
  /** Scenarios on which the property held. */
  readonly numRuns: number;
  /** The fast-check seed used (pass it back as `seed` to repeat the same scenarios). */
  readonly seed: number;
}

/** The scenario a policy runs: its overrides and transform applied to the generated input. */
function scenarioFor(policy: PolicyUnderTest, c: ScenarioCase, label: string): Scenario {
  let input: ScenarioInput = c.input;
  if (policy.overrides !== undefined && policy.overrides.length > 0) {
    input = applyOverrides(structuredClone(input), policy.overrides) as ScenarioInput;
  }
  if (policy.transform !== undefined) input = policy.transform(input);
  const made = createScenario(input, c.resources);
  if (!made.ok) {
    throw new Error(
      `${label}: the scenario is invalid after its changes:\n${made.issues.map(formatScenarioIssue).join('\n')}`,
    );
  }
  return made.scenario;
}

async function run(
  policy: PolicyUnderTest,
  c: ScenarioCase,
  label: string,
): Promise<{ readonly result: SimulationResult; readonly scenario: Scenario }> {
  const scenario = scenarioFor(policy, c, label);
  const { result } = await runScenario(scenario, policy.scorer === undefined ? {} : { scorer: policy.scorer });
  return { result, scenario };
}

/**
 * Metamorphic test of a policy change: runs `base` and `candidate` on the same fast-check-generated
 * scenarios (same fleet, load, workloads and seed — only the policy differs) and checks
 * `property(baseResult, candidateResult)` on each. By default both runs must also satisfy the simulator's
 * invariants. When the property fails, fast-check shrinks the scenario (within `maxShrinkRuns`) and the
 * smallest counter-example is thrown as a {@link PolicyComparisonError} whose message holds the scenario as
 * YAML files (`gleaner run` replays it), both runs' key numbers and the seed/path that replays it here.
 *
 * @example
 * ```ts
 * // "raising the reclaim threshold to 70% never completes fewer jobs"
 * await comparePolicies(
 *   { name: 'reclaim 60%' },
 *   { name: 'reclaim 70%', overrides: ['colocation.cpuReclaimThresholdPercent=70'] },
 *   (base, candidate) => candidate.summary.jobsCompleted >= base.summary.jobsCompleted,
 *   { numRuns: 20 },
 * );
 * ```
 * @throws {@link PolicyComparisonError} with the shrunk counter-example when the property fails.
 */
export async function comparePolicies(
  base: PolicyUnderTest,
  candidate: PolicyUnderTest,
  property: PolicyProperty,
  options: ComparePoliciesOptions = {},
): Promise<ComparisonReport> {
  // A malformed override is the caller's mistake, not a counter-example: fail before generating anything.
  for (const p of [base, candidate]) for (const o of p.overrides ?? []) parseOverride(o);
  const baseName = base.name ?? 'base';
  const candidateName = candidate.name ?? 'candidate';
  const arbitrary = options.scenarios ?? arbScenarioInput(options.scenarioOptions ?? {});
  const invariants = options.invariants ?? true;
  const maxShrinkRuns = Math.max(0, options.maxShrinkRuns ?? 30);
  const observed = new WeakMap<ScenarioCase, { base: Summary; candidate: Summary }>();
  let failures = 0;
  let afterFirstFailure = 0;

  const check = fc.asyncProperty(arbitrary, async (c) => {
    if (failures > 0 && afterFirstFailure++ >= maxShrinkRuns) return true; // shrink budget spent
    const b = await run(base, c, baseName);
    const k = await run(candidate, c, candidateName);
    observed.set(c, { base: b.result.summary, candidate: k.result.summary });
    try {
      if (invariants) {
        for (const [name, r] of [
          [baseName, b],
          [candidateName, k],
        ] as const) {
          const violations = checkInvariants(r.result, r.scenario);
          if (violations.length > 0) throw new InvariantError(violations, `${name} run`);
        }
      }
      const verdict = await property(b.result, k.result, c);
      if (verdict === false) throw new Error('the property returned false');
    } catch (error) {
      failures++;
      throw error;
    }
    return true;
  });

  const details = await fc.check(check, {
    numRuns: options.numRuns ?? 10,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.timeLimitMs === undefined ? {} : { interruptAfterTimeLimit: options.timeLimitMs }),
    endOnFailure: maxShrinkRuns === 0,
  });
  if (!details.failed) return { numRuns: details.numRuns, seed: details.seed };
  const counterexample = details.counterexample?.[0];
  if (counterexample === undefined) {
    throw new Error(
      `comparePolicies: interrupted after ${options.timeLimitMs}ms before any scenario completed (seed ${details.seed})`,
    );
  }
  throw new PolicyComparisonError({
    base: baseName,
    candidate: candidateName,
    scenario: counterexample,
    cause: details.errorInstance,
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    numRuns: details.numRuns,
    numShrinks: details.numShrinks,
    ...(observed.has(counterexample) ? { summaries: observed.get(counterexample)! } : {}),
  });
}
