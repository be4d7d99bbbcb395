import type { PriorityClass } from '@gleaner/core';
import fc from 'fast-check';
import { ackSloConfig } from './ackSloConfig.js';
import { arbFleet, type FleetOptions } from './arbFleet.js';
import { withoutUndefined } from './arbHelpers.js';
import { arbPolicyShape, type GeneratedPolicyMode, policyFromShape } from './arbPolicy.js';
import { arbSparkApplication } from './arbSparkApplication.js';
import type { FleetSchedulerInput, WorkloadInput } from './inputTypes.js';
import type { ScenarioCase } from './ScenarioCase.js';

/** Options of {@link arbScenarioInput}: how big generated scenarios may get (defaults keep a run well under a second). */
export interface ScenarioOptions extends FleetOptions {
  /** Shortest simulated duration, in minutes (default 60). */
  readonly minDurationMinutes?: number;
  /** Longest simulated duration, in minutes (default 120). */
  readonly maxDurationMinutes?: number;
  /** Most workloads (default 2; at least 1). */
  readonly maxWorkloads?: number;
  /** Most applications a workload submits (default 6). */
  readonly maxApplications?: number;
  /** Most executors of an application (default 6). */
  readonly maxExecutors?: number;
  /** Replica scheduling modes of the generated policy (default: Gang only, the seeds' setup). */
  readonly policyModes?: readonly GeneratedPolicyMode[];
  /** Whether the scenario may override colocation thresholds inline (default true). */
  readonly thresholds?: boolean;
}

/** The seeds' PriorityClass for Spark pods (`low-priority`, value −1000). */
export const LOW_PRIORITY_CLASS: PriorityClass = {
  name: 'low-priority',
  value: -1000,
  globalDefault: false,
  preemptionPolicy: 'PreemptLowerPriority',
  description: 'Low priority for Spark applications',
};

const NAMESPACE = 'spark';

function arbWorkload(name: string, maxApplications: number, maxExecutors: number): fc.Arbitrary<WorkloadInput> {
  return fc
    .record({
      arrival: fc.oneof(
        fc.integer({ min: 2, max: 30 }).map((ratePerHour) => ({ type: 'poisson' as const, ratePerHour })),
        fc
          .array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: maxApplications })
          .map((at) => ({ type: 'fixed' as const, at: at.map((m) => `${m}m`) })),
        fc
          .record({ ratePerHour: fc.integer({ min: 1, max: 6 }), burst: fc.integer({ min: 2, max: 4 }) })
          .map((b) => ({ type: 'bursty' as const, ratePerHour: b.ratePerHour, burstSize: b.burst })),
      ),
      executors: fc.option(
        fc.integer({ min: 1, max: maxExecutors }).map((hi) => ({ uniform: [1, hi] as [number, number] })),
        { nil: undefined },
      ),
      work: fc.oneof(
        fc.integer({ min: 30, max: 1800 }),
        fc.integer({ min: 60, max: 1200 }).map((median) => ({ lognormal: { median, sigma: 0.6 } })),
      ),
      maxApplications: fc.integer({ min: 1, max: Math.max(1, maxApplications) }),
    })
    .map((w) =>
      withoutUndefined({
        name,
        application: `${name}.yaml`,
        arrival: w.arrival,
        executors: w.executors,
        workCoreSeconds: w.work,
        maxApplications: w.maxApplications,
      }),
    );
}

/**
 * Whole scenarios, small enough to simulate in well under a second: a generated fleet
 * ({@link arbFleet}), 1…`maxWorkloads` Spark workloads (Poisson, fixed or bursty arrivals, capped at
 * `maxApplications` each) whose templates come from {@link arbSparkApplication}, one propagation policy
 * claiming them (Gang by default, as in the seeds), the seeds' PriorityClass and colocation configuration
 * ({@link ackSloConfig}), sometimes inline reclaim / suppress / eviction thresholds, and the fleet
 * scheduler's reschedule timeout and preoccupation switch. The seed is generated too, so a counter-example
 * replays exactly. Each value is a {@link ScenarioCase}: run it with
 * `runScenario(createScenario(c.input, c.resources))`, or write it out with {@link scenarioFiles}.
 *
 * @example
 * ```ts
 * await fc.assert(
 *   fc.asyncProperty(arbScenarioInput({ maxMembers: 2 }), async (c) => {
 *     const made = createScenario(c.input, c.resources);
 *     if (!made.ok) throw new Error('generated an invalid scenario');
 *     assertInvariants((await runScenario(made.scenario)).result, made.scenario);
 *   }),
 *   { numRuns: 20 },
 * );
 * ```
 */
export function arbScenarioInput(options: ScenarioOptions = {}): fc.Arbitrary<ScenarioCase> {
  const minMinutes = Math.max(5, options.minDurationMinutes ?? 60);
  const maxMinutes = Math.max(minMinutes, options.maxDurationMinutes ?? 120);
  const maxWorkloads = Math.max(1, options.maxWorkloads ?? 2);
  const maxApplications = Math.max(1, options.maxApplications ?? 6);
  const maxExecutors = Math.max(1, options.maxExecutors ?? 6);
  const modes = options.policyModes ?? (['Gang'] as const);
  const workloadNames = Array.from({ length: maxWorkloads }, (_, i) => `workload-${i}`);
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      minutes: fc.integer({ min: minMinutes, max: maxMinutes }),
      fleet: arbFleet(options),
      workloadCount: fc.integer({ min: 1, max: maxWorkloads }),
      workloads: fc.tuple(...workloadNames.map((n) => arbWorkload(n, maxApplications, maxExecutors))),
      applications: fc.tuple(
        ...workloadNames.map((n) =>
          arbSparkApplication({
            name: n,
            namespace: NAMESPACE,
            maxExecutors,
            priorityClassNames: [LOW_PRIORITY_CLASS.name],
            ...(options.virtualNodes === false ? { virtualTolerations: false } : {}),
          }),
        ),
      ),
      policy: arbPolicyShape({ modes, namespace: NAMESPACE }),
      thresholds:
        options.thresholds === false
          ? fc.constant(undefined)
          : fc.option(
              fc.record({
                cpuReclaimThresholdPercent: fc.integer({ min: 40, max: 80 }),
                cpuSuppressThresholdPercent: fc.integer({ min: 50, max: 80 }),
                memoryEvictThresholdPercent: fc.integer({ min: 60, max: 90 }),
              }),
              { nil: undefined, freq: 3 },
            ),
      scheduler: fc.record({
        rescheduleTimeout: fc.constantFrom('300s', '60s', '120s'),
        preoccupation: fc.boolean(),
      }),
    })
    .map((g): ScenarioCase => {
      const memberNames = g.fleet.members.map((m) => m.name);
      const workloads = g.workloads.slice(0, g.workloadCount);
      const applications = Object.fromEntries(workloads.map((w, i) => [w.name, g.applications[i]!] as const));
      const fleetScheduler: FleetSchedulerInput = g.scheduler;
      return {
        input: withoutUndefined({
          name: 'generated',
          seed: g.seed,
          duration: `${g.minutes}m`,
          sampleInterval: '5m',
          loadTick: '60s',
          fleet: g.fleet,
          colocation: g.thresholds,
          workloads,
          fleetScheduler,
        }),
        resources: {
          applications,
          priorityClasses: [LOW_PRIORITY_CLASS],
          policies: [policyFromShape(g.policy, memberNames, NAMESPACE)],
          sloConfig: ackSloConfig,
        },
      };
    });
}
