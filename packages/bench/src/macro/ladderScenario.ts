import type { ManifestObject, ScenarioInput, ScenarioResources } from '@gleaner/sim';

/**
 * The macro benchmark's scenario, generated for any fleet size: `members` member clusters of equal size
 * (32-core / 128 GiB nodes running online services with a diurnal load, time zones spread so peaks differ),
 * Koordinator colocation on, 60-s load ticks, and SparkPi-like applications arriving as a Poisson process
 * scaled to the fleet (0.375 per node-hour — the seed example's 12 per hour on 32 nodes), placed by the
 * fleet with Divided + Gang.
 * @module
 */

/** One rung of the fleet-size ladder. */
export interface RungSpec {
  /** Total nodes (split evenly over `members`). */
  readonly nodes: number;
  /** Member clusters. */
  readonly members: number;
  /** Simulated duration, as the scenario writes it (`"24h"`, `"1h"`, `"30m"`). */
  readonly duration: string;
  /** Master seed. */
  readonly seed: number;
  /**
   * Applications submitted per simulated hour, fleet-wide; default {@link ARRIVALS_PER_NODE_HOUR} × nodes.
   * The week target's 20,000 applications are 20,000 / 168 per hour.
   */
  readonly arrivalsPerHour?: number;
}

/** Applications per node-hour (the seed example: 12 per hour on 32 nodes). */
export const ARRIVALS_PER_NODE_HOUR = 12 / 32;

function memberName(i: number): string {
  return `member-${String(i).padStart(2, '0')}`;
}

const SPARK_PI: ManifestObject = {
  apiVersion: 'sparkoperator.k8s.io/v1beta2',
  kind: 'SparkApplication',
  metadata: { name: 'spark-pi', namespace: 'spark' },
  spec: {
    type: 'Scala',
    mode: 'cluster',
    image: 'spark:3.5.4',
    mainClass: 'org.apache.spark.examples.SparkPi',
    mainApplicationFile: 'local:///opt/spark/examples/jars/spark-examples_2.12-3.5.4.jar',
    sparkVersion: '3.5.4',
    restartPolicy: { type: 'Never' },
    driver: {
      cores: 1,
      memory: '512m',
      priorityClassName: 'low-priority',
      template: { metadata: { annotations: { 'sparkoperator.k8s.io/koordinator-colocation': 'true' } } },
    },
    executor: {
      instances: 2,
      cores: 1,
      memory: '1g',
      priorityClassName: 'low-priority',
      template: { metadata: { annotations: { 'sparkoperator.k8s.io/koordinator-colocation': 'true' } } },
    },
  },
};

const SLO_CONFIG: ManifestObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'ack-slo-config', namespace: 'kube-system' },
  data: {
    'colocation-config': '{ "enable": true }',
    'resource-threshold-config': '{ "clusterStrategy": { "enable": true } }',
  },
};

const LOW_PRIORITY: ManifestObject = {
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name: 'low-priority' },
  value: -1000,
  globalDefault: false,
};

function policy(members: number): ManifestObject {
  return {
    apiVersion: 'policy.one.alibabacloud.com/v1alpha1',
    kind: 'PropagationPolicy',
    metadata: { name: 'sparkapp-policy', namespace: 'spark' },
    spec: {
      resourceSelectors: [{ apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication' }],
      placement: {
        clusterAffinity: { clusterNames: Array.from({ length: members }, (_, i) => memberName(i)) },
        replicaScheduling: { replicaSchedulingType: 'Divided', customSchedulingType: 'Gang' },
      },
    },
  };
}

/** The scenario input and in-memory manifests of one rung, for `createScenario`. */
export function ladderScenario(spec: RungSpec): {
  readonly input: ScenarioInput;
  readonly resources: ScenarioResources;
} {
  if (!(Number.isInteger(spec.members) && spec.members >= 1 && spec.nodes >= spec.members)) {
    throw new RangeError(`ladderScenario: ${spec.nodes} nodes cannot be split over ${spec.members} members`);
  }
  const perMember = Math.floor(spec.nodes / spec.members);
  const members = Array.from({ length: spec.members }, (_, i) => ({
    name: memberName(i),
    kubernetesVersion: i % 2 === 0 ? '1.28' : '1.26',
    timeZoneOffset: `${(i * 3) % 24}h`,
    nodePools: [
      {
        name: 'ecs-g7-8xlarge',
        count: i === 0 ? spec.nodes - perMember * (spec.members - 1) : perMember,
        capacity: { cpu: '32', memory: '128Gi', pods: 110 },
        reserved: { cpu: '500m', memory: '2Gi' },
        systemUsage: { cpu: '300m', memory: '2Gi' },
        online: {
          podsPerNode: 6,
          requests: { cpu: '20', memory: '80Gi' },
          cpu: { diurnal: { mean: 0.35, amplitude: 0.2, peakAt: '14h' }, noise: { stddev: 0.03, correlation: '10m' } },
          memory: { constant: 0.45, diurnal: { mean: 0.05, amplitude: 0.05, peakAt: '14h' } },
        },
      },
    ],
  }));
  const input: ScenarioInput = {
    name: `ladder-${spec.nodes}`,
    seed: spec.seed,
    duration: spec.duration,
    sampleInterval: '5m',
    loadTick: '60s',
    fleet: { members },
    workloads: [
      {
        name: 'spark-pi',
        application: 'spark-pi',
        arrival: { type: 'poisson', ratePerHour: spec.arrivalsPerHour ?? spec.nodes * ARRIVALS_PER_NODE_HOUR },
        executors: { uniform: [1, 8] },
        workCoreSeconds: { lognormal: { median: 120, sigma: 0.6 } },
      },
    ],
  };
  const resources: ScenarioResources = {
    applications: { 'spark-pi': SPARK_PI },
    priorityClasses: [LOW_PRIORITY],
    policies: [policy(spec.members)],
    sloConfig: SLO_CONFIG,
    file: `<bench ladder ${spec.nodes} nodes>`,
  };
  return { input, resources };
}
