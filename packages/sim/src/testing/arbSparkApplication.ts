import {
  KOORDINATOR_COLOCATION_ANNOTATION,
  type SparkApplication,
  type SparkPodTemplate,
  type SparkRestartPolicy,
  VIRTUAL_KUBELET_TAINT,
} from '@gleaner/core';
import fc from 'fast-check';
import { rarely, withoutUndefined } from './arbHelpers.js';

/** Options of {@link arbSparkApplication}. */
export interface SparkApplicationOptions {
  /** `metadata.name` (default `spark-app`). */
  readonly name?: string;
  /** `metadata.namespace` (default `spark`, the seeds' namespace). */
  readonly namespace?: string;
  /** Most executor instances (default 6; at least 1). */
  readonly maxExecutors?: number;
  /** PriorityClass names the pods may use (default none: pods get the default priority). */
  readonly priorityClassNames?: readonly string[];
  /** Share of applications that run as Koordinator BE pods on batch resources, 0–1 (default 0.9). */
  readonly colocationShare?: number;
  /** Whether executors may tolerate virtual-kubelet nodes (default true). */
  readonly virtualTolerations?: boolean;
}

const SPARK_VERSIONS = ['3.5.4', '4.0.0', '2.4.4'] as const;
const MEMORY = ['512m', '1g', '2g', '4g'] as const;

/**
 * SparkApplications as core's `loadManifests` returns them (operator defaults applied), shaped like the
 * seeds' spark-pi: Scala/Java/Python, Spark 2.4–4.0, a 1–2 core driver, 1…`maxExecutors` executors of 1–4
 * cores and 512m–4g, usually the `koordinator-colocation` annotation on both pod templates (BE pods on
 * batch resources), an optional PriorityClass, restart policy Never / OnFailure with 0–3 retries / Always,
 * and sometimes a toleration for virtual-kubelet nodes. Shrinks towards one small Never-restart executor.
 */
export function arbSparkApplication(options: SparkApplicationOptions = {}): fc.Arbitrary<SparkApplication> {
  const maxExecutors = Math.max(1, options.maxExecutors ?? 6);
  const share = Math.min(1, Math.max(0, options.colocationShare ?? 0.9));
  const priorityClasses = options.priorityClassNames ?? [];
  const restart: fc.Arbitrary<SparkRestartPolicy> = fc.oneof(
    fc.constant<SparkRestartPolicy>({ type: 'Never' }),
    fc.record({ retries: fc.integer({ min: 0, max: 3 }), interval: fc.integer({ min: 5, max: 30 }) }).map(
      ({ retries, interval }): SparkRestartPolicy => ({
        type: 'OnFailure',
        onFailureRetries: retries,
        onFailureRetryInterval: interval,
        onSubmissionFailureRetryInterval: 5,
      }),
    ),
    fc.constant<SparkRestartPolicy>({ type: 'Always', onFailureRetryInterval: 5, onSubmissionFailureRetryInterval: 5 }),
  );
  return fc
    .record({
      type: fc.constantFrom('Scala' as const, 'Java' as const, 'Python' as const),
      sparkVersion: fc.constantFrom(...SPARK_VERSIONS),
      driverCores: fc.integer({ min: 1, max: 2 }),
      driverMemory: fc.constantFrom(...MEMORY),
      executorCores: fc.integer({ min: 1, max: 4 }),
      executorMemory: fc.constantFrom(...MEMORY),
      instances: fc.integer({ min: 1, max: maxExecutors }),
      // Integer draw so that shrinking goes towards colocated applications (the common case).
      colocation: fc.integer({ min: 0, max: 99 }).map((n) => n < Math.round(share * 100)),
      priorityClass:
        priorityClasses.length === 0
          ? fc.constant(undefined)
          : fc.option(fc.constantFrom(...priorityClasses), { nil: undefined, freq: 4 }).map((p) => p),
      restartPolicy: restart,
      virtual: options.virtualTolerations === false ? fc.constant(false) : rarely(),
    })
    .map((a): SparkApplication => {
      const template: SparkPodTemplate | undefined = a.colocation
        ? {
            labels: {},
            annotations: { [KOORDINATOR_COLOCATION_ANNOTATION]: 'true' },
            nodeSelector: {},
            tolerations: [],
          }
        : undefined;
      const role = (cores: number, memory: string) =>
        withoutUndefined({
          cores,
          coreLimit: `${cores * 1000}m`,
          memory,
          labels: {},
          annotations: {},
          nodeSelector: {},
          tolerations: [],
          priorityClassName: a.priorityClass,
          template,
        });
      const executor = role(a.executorCores, a.executorMemory);
      return {
        apiVersion: 'sparkoperator.k8s.io/v1beta2',
        kind: 'SparkApplication',
        name: options.name ?? 'spark-app',
        namespace: options.namespace ?? 'spark',
        labels: {},
        annotations: {},
        type: a.type,
        mode: 'cluster',
        sparkVersion: a.sparkVersion,
        image: `apache/spark:${a.sparkVersion}`,
        ...(a.type === 'Python'
          ? { mainApplicationFile: 'local:///opt/spark/examples/src/main/python/pi.py' }
          : {
              mainClass: 'org.apache.spark.examples.SparkPi',
              mainApplicationFile: 'local:///opt/spark/examples/jars/spark-examples.jar',
            }),
        arguments: [],
        sparkConf: {},
        driver: role(a.driverCores, a.driverMemory),
        executor: {
          ...executor,
          instances: a.instances,
          ...(a.virtual ? { tolerations: [{ key: VIRTUAL_KUBELET_TAINT, operator: 'Exists' as const }] } : {}),
        },
        restartPolicy: a.restartPolicy,
      };
    });
}
