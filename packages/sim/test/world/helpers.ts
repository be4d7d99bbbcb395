import {
  KOORDINATOR_COLOCATION_ANNOTATION,
  type PropagationPolicy,
  type SparkApplication,
  type SparkRestartPolicy,
  type Toleration,
} from '@gleaner/core';
import type { SimulationResult } from '../../src/metrics/SimulationResult.js';
import { createScenario, type ScenarioResources } from '../../src/scenario/createScenario.js';
import type { Scenario } from '../../src/scenario/loadScenario.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { ackSloConfig, LOW_PRIORITY_CLASS } from '../../src/testing/index.js';
import { runScenario } from '../../src/world/runScenario.js';

// Builders for the world tests: the seeds' manifests as typed objects, small enough to read in a test.

/** Options of {@link sparkApp}. */
export interface AppOptions {
  readonly executors?: number;
  readonly executorCores?: number;
  readonly executorMemory?: string;
  readonly driverMemory?: string;
  /** BE pods on batch resources (the seeds' annotation); default true. */
  readonly colocation?: boolean;
  readonly restartPolicy?: SparkRestartPolicy;
  /** PriorityClass of the driver (default `low-priority`, as the executors). */
  readonly driverPriorityClass?: string | null;
  /** PriorityClass of the executors (default `low-priority`; `null`: none, priority 0). */
  readonly executorPriorityClass?: string | null;
  readonly executorNodeSelector?: Record<string, string>;
  readonly executorTolerations?: readonly Toleration[];
}

/** The seeds' spark-pi (namespace `spark`, low-priority, colocation annotation on both templates). */
export function sparkApp(name: string, o: AppOptions = {}): SparkApplication {
  const colocation = o.colocation ?? true;
  const template = colocation
    ? { labels: {}, annotations: { [KOORDINATOR_COLOCATION_ANNOTATION]: 'true' }, nodeSelector: {}, tolerations: [] }
    : undefined;
  const driverPc = o.driverPriorityClass === undefined ? LOW_PRIORITY_CLASS.name : o.driverPriorityClass;
  const executorPc = o.executorPriorityClass === undefined ? LOW_PRIORITY_CLASS.name : o.executorPriorityClass;
  return {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'SparkApplication',
    name,
    namespace: 'spark',
    labels: {},
    annotations: {},
    type: 'Scala',
    mode: 'cluster',
    sparkVersion: '3.5.4',
    arguments: [],
    sparkConf: {},
    driver: {
      cores: 1,
      memory: o.driverMemory ?? '512m',
      labels: {},
      annotations: {},
      nodeSelector: {},
      tolerations: [],
      ...(driverPc === null ? {} : { priorityClassName: driverPc }),
      ...(template === undefined ? {} : { template }),
    },
    executor: {
      cores: o.executorCores ?? 1,
      memory: o.executorMemory ?? '1g',
      instances: o.executors ?? 2,
      labels: {},
      annotations: {},
      nodeSelector: o.executorNodeSelector ?? {},
      tolerations: o.executorTolerations ?? [],
      ...(executorPc === null ? {} : { priorityClassName: executorPc }),
      ...(template === undefined ? {} : { template }),
    },
    restartPolicy: o.restartPolicy ?? { type: 'Never' },
  };
}

/** The seeds' sparkapp-policy: every SparkApplication of `spark` to one of `members`, Gang. */
export function gangPolicy(members: readonly string[]): PropagationPolicy {
  return {
    apiVersion: 'policy.one.alibabacloud.com/v1alpha1',
    kind: 'PropagationPolicy',
    name: 'sparkapp-policy',
    namespace: 'spark',
    labels: {},
    resourceSelectors: [{ apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication', namespace: 'spark' }],
    placement: {
      clusterAffinity: { clusterNames: [...members] },
      replicaScheduling: {
        replicaSchedulingType: 'Divided',
        replicaDivisionPreference: 'Weighted',
        customSchedulingType: 'Gang',
      },
    },
    priority: 0,
    preemption: 'Never',
    propagateDeps: true,
    preserveResourcesOnDeletion: false,
    schedulerName: 'default-scheduler',
  };
}

/**
 * The scenario `input` with the seeds' PriorityClass, colocation ConfigMap and a Gang policy over all of
 * its members, plus `applications`; throws on an invalid scenario (a test bug).
 */
export function scenarioOf(
  input: ScenarioInput,
  applications: Record<string, SparkApplication>,
  extra: Partial<ScenarioResources> = {},
): Scenario {
  const made = createScenario(input, {
    applications,
    priorityClasses: [LOW_PRIORITY_CLASS],
    policies: [gangPolicy(input.fleet.members.map((m) => m.name))],
    sloConfig: ackSloConfig,
    ...extra,
  });
  if (!made.ok) throw new Error(made.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  return made.scenario;
}

/** Runs `scenario` and returns the deterministic result. */
export async function simulate(scenario: Scenario, seed?: number): Promise<SimulationResult> {
  return (await runScenario(scenario, seed === undefined ? {} : { seed })).result;
}

/** Minutes → ms. */
export const min = (m: number): number => m * 60_000;
