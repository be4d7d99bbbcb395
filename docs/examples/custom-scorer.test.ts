/**
 * Example: property-testing your own cluster scorer with `comparePolicies`.
 *
 * ACK One's global scheduler does not document how it picks among the member clusters that can hold a
 * whole Gang application, so Gleaner makes that choice pluggable (a `ClusterScorer`: higher is better).
 * Before rolling out a scorer of your own, state what it must never do — here: never make online
 * interference worse (BE throttled against online load, BE pods evicted) and never complete fewer
 * applications — and let `comparePolicies` look for a fleet where it does. It runs the default scorer and
 * yours on the same generated scenarios (same fleet, load, workloads and seed; only the scorer differs), and
 * when the property fails it shrinks the scenario and reports it as YAML files that `gleaner run` replays.
 *
 * Run it: `pnpm exec vitest run --project docs`.
 */
import { BATCH_CPU, type ClusterScorer, CPU, compareKubernetesVersions, mostIdleScorer } from '@gleaner/core';
import { comparePolicies, PolicyComparisonError, type PolicyProperty } from '@gleaner/sim/testing';
import { describe, expect, it } from 'vitest';

/**
 * The property: the candidate may not make things worse for online services or for the batch users.
 * Throw (a failed `expect`) or return `false` to report a counter-example.
 */
const neverWorse: PolicyProperty = (base, candidate) => {
  expect(candidate.summary.throttledNodeMs).toBeLessThanOrEqual(base.summary.throttledNodeMs);
  expect(candidate.summary.evictions).toBeLessThanOrEqual(base.summary.evictions);
  expect(candidate.summary.jobsCompleted).toBeGreaterThanOrEqual(base.summary.jobsCompleted);
};

/** Your scorer: the default (most idle capacity left), with exact ties going to members that preoccupy (≥ 1.28). */
const myScorer: ClusterScorer = (input) => {
  const preoccupies = compareKubernetesVersions(input.member.kubernetesVersion, { major: 1, minor: 28 }) >= 0;
  return mostIdleScorer(input) + (preoccupies ? 1e-9 : 0);
};

/** A deliberately bad scorer: always the fullest member (the smallest share of its capacity left idle). */
const fullestMember: ClusterScorer = ({ demand, idle, allocatable }) => {
  const resource = demand[BATCH_CPU] !== undefined ? BATCH_CPU : CPU;
  return -(idle[resource] ?? 0) / Math.max(1, allocatable[resource] ?? 0);
};

// Small, fast scenarios: 2–3 members, up to two hours, a handful of applications. The fast-check seed pins
// the generated scenarios so the example is reproducible; drop it to explore new ones on every run.
const options = {
  numRuns: 10,
  seed: 4,
  maxShrinkRuns: 10,
  scenarioOptions: { minMembers: 2, maxDurationMinutes: 120, maxApplications: 8 },
};

describe('a custom cluster scorer, property-tested against the default', () => {
  it('passes when the candidate never does worse', async () => {
    const report = await comparePolicies(
      { name: 'default (most idle)' },
      { name: 'my scorer', scorer: myScorer },
      neverWorse,
      options,
    );
    expect(report.numRuns).toBe(options.numRuns);
  });

  it('catches a scorer that packs applications onto the fullest member', async () => {
    const caught = await comparePolicies(
      { name: 'default (most idle)' },
      { name: 'fullest member', scorer: fullestMember },
      neverWorse,
      options,
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(caught).toBeInstanceOf(PolicyComparisonError);
    const error = caught as PolicyComparisonError;
    // The message says what failed, shows both runs' key numbers and carries the shrunk counter-example
    // as scenario files (scenario.yaml, the SparkApplication, the policies, the ConfigMap): save them
    // and `gleaner run scenario.yaml` replays the base run.
    expect(error.message).toContain('# ==> scenario.yaml <==');
    expect(Object.keys(error.files)).toContain('scenario.yaml');
    expect(error.failure.summaries).toBeDefined();
  });
});
