import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/metrics/SimulationResult.js';
import { createScenario } from '../../src/scenario/createScenario.js';
import type { Scenario } from '../../src/scenario/loadScenario.js';
import {
  arbScenarioInput,
  assertInvariants,
  checkInvariants,
  InvariantError,
  type InvariantName,
} from '../../src/testing/index.js';
import { runScenario } from '../../src/world/runScenario.js';

async function simulate(input: Parameters<typeof createScenario>[0], resources: Parameters<typeof createScenario>[1]) {
  const made = createScenario(input, resources);
  if (!made.ok) throw new Error(`generated an invalid scenario: ${JSON.stringify(made.issues)}`);
  return { scenario: made.scenario, result: (await runScenario(made.scenario)).result };
}

describe('simulator invariants over generated scenarios', () => {
  it('hold on every run: time order, timestamps, accounting, no over-commit, BE under the ceiling', async () => {
    let completed = 0;
    await fc.assert(
      fc.asyncProperty(
        arbScenarioInput({ policyModes: ['Gang', 'Duplicated', 'Divided', 'DividedDynamic', 'Aggregated'] }),
        async (c) => {
          const { scenario, result } = await simulate(c.input, c.resources);
          assertInvariants(result, scenario);
          completed += result.summary.jobsCompleted;
        },
      ),
      { numRuns: 12 },
    );
    // Not vacuous: the generated scenarios do run applications to completion.
    expect(completed).toBeGreaterThan(0);
  });
});

describe('checkInvariants catches broken runs', async () => {
  // One small real run, then broken copies of it: each breakage must be reported under its invariant.
  const [c] = fc.sample(arbScenarioInput({ maxMembers: 1, virtualNodes: false, thresholds: false }), {
    numRuns: 1,
    seed: 42,
  });
  const { scenario, result } = await simulate(c!.input, c!.resources);
  const names = (r: SimulationResult, s?: Scenario): InvariantName[] => [
    ...new Set(checkInvariants(r, s).map((v) => v.invariant)),
  ];

  it('accepts the real run', () => {
    expect(checkInvariants(result, scenario)).toEqual([]);
    expect(result.samples.length).toBeGreaterThan(0);
  });

  it('reports samples and events that go back in time', () => {
    const samples = [...result.samples].reverse();
    expect(names({ ...result, samples })).toContain('time-order');
    const events = [...result.events, { tMs: -1, type: 'dispatch' as const, member: null, job: null, detail: 'late' }];
    expect(names({ ...result, events })).toContain('time-order');
  });

  it('reports a finish before the start and a start without a dispatch', () => {
    const job = { ...result.jobs[0]!, startMs: 10, dispatchMs: null, finishMs: 5, state: 'COMPLETED' };
    expect(names({ ...result, jobs: [job, ...result.jobs.slice(1)] })).toContain('job-timestamps');
  });

  it('reports an application in a terminal state without its event, and duplicate records', () => {
    const first = result.jobs[0]!;
    const failed = { ...first, state: 'FAILED', finishMs: first.finishMs ?? first.submitMs };
    expect(names({ ...result, jobs: [failed, ...result.jobs.slice(1)] })).toContain('job-accounting');
    expect(names({ ...result, jobs: [first, ...result.jobs] })).toContain('job-accounting');
  });

  it('reports an over-committed node', () => {
    const events = [
      ...result.events,
      {
        tMs: result.scenario.durationMs,
        type: 'overcommit' as const,
        member: result.scenario.members[0]!,
        job: null,
        detail: 'node-0: requested cpu 17000 > 16000',
      },
    ];
    expect(names({ ...result, events })).toEqual(['no-overcommit']);
  });

  it('reports BE CPU above what koordlet’s ceiling allows, given the scenario', () => {
    const samples = result.samples.map((s, i) => (i === 0 ? { ...s, beCpu: s.capacityCpu } : s));
    expect(names({ ...result, samples }, scenario)).toContain('be-ceiling');
    // Without the scenario the nodes and thresholds are unknown: no ceiling check.
    expect(names({ ...result, samples })).not.toContain('be-ceiling');
  });

  it('throws every violation at once from assertInvariants', () => {
    const samples = result.samples.map((s) => ({ ...s, pendingPods: -1 }));
    let thrown: unknown;
    try {
      assertInvariants({ ...result, samples }, scenario);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvariantError);
    expect((thrown as InvariantError).violations).toHaveLength(result.samples.length);
    expect((thrown as InvariantError).message).toMatch(/sample-bounds.*pendingPods = -1/);
  });
});
