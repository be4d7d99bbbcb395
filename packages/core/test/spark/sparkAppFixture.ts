// Test helper: a minimal SparkApplication with the operator's defaults, to be overridden per test.
import type { SparkApplication, SparkExecutorSpec, SparkPodSpec } from '../../src/spark/index.js';

const BARE_POD = { labels: {}, annotations: {}, nodeSelector: {}, tolerations: [] } as const;

/** A SparkApplication as the loader returns one for a manifest with only a name and a Spark version. */
export function sparkApp(
  overrides: Partial<Omit<SparkApplication, 'driver' | 'executor'>> & {
    driver?: Partial<SparkPodSpec>;
    executor?: Partial<SparkExecutorSpec>;
  } = {},
): SparkApplication {
  const { driver, executor, ...rest } = overrides;
  return {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'SparkApplication',
    name: 'app',
    namespace: 'spark',
    labels: {},
    annotations: {},
    type: 'Scala',
    mode: 'cluster',
    sparkVersion: '3.5.4',
    arguments: [],
    sparkConf: {},
    restartPolicy: { type: 'Never' },
    ...rest,
    driver: { ...BARE_POD, cores: 1, memory: '1g', ...driver },
    executor: { ...BARE_POD, cores: 1, memory: '1g', instances: 1, ...executor },
  };
}
