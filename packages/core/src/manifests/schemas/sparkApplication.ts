import * as z from 'zod';
import type { StringMap } from '../../model/index.js';
import type {
  SparkApplication,
  SparkExecutorSpec,
  SparkPodSpec,
  SparkPodTemplate,
} from '../../spark/SparkApplication.js';
import { compact, nonNegativeInt, objectMeta, positiveInt, stringMap } from './primitives.js';
import { cpuString, sparkMemoryString } from './quantities.js';
import { affinity, toleration } from './scheduling.js';

/** The pod template's fields that matter to scheduling; containers and volumes are not read. */
const podTemplate = z
  .object({
    metadata: z.object({ labels: stringMap.default({}), annotations: stringMap.default({}) }).prefault({}),
    spec: z
      .object({
        nodeSelector: stringMap.default({}),
        tolerations: z.array(toleration).default([]),
        affinity: affinity.optional(),
        priorityClassName: z.string().optional(),
        schedulerName: z.string().optional(),
      })
      .prefault({}),
  })
  .transform(
    (t): SparkPodTemplate =>
      compact({
        labels: t.metadata.labels,
        annotations: t.metadata.annotations,
        nodeSelector: t.spec.nodeSelector,
        tolerations: t.spec.tolerations,
        affinity: t.spec.affinity,
        priorityClassName: t.spec.priorityClassName,
        schedulerName: t.spec.schedulerName,
      }),
  );

const podSpecFields = {
  cores: positiveInt.optional(),
  coreRequest: cpuString.optional(),
  coreLimit: cpuString.optional(),
  memory: sparkMemoryString.optional(),
  memoryOverhead: sparkMemoryString.optional(),
  labels: stringMap.default({}),
  annotations: stringMap.default({}),
  nodeSelector: stringMap.default({}),
  tolerations: z.array(toleration).default([]),
  affinity: affinity.optional(),
  priorityClassName: z.string().optional(),
  schedulerName: z.string().optional(),
  serviceAccount: z.string().optional(),
  template: podTemplate.optional(),
};

// A decimal such as "0.1" or ".4" (what Spark's double parser accepts, minus hex and infinities).
const DECIMAL = /^\+?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `spec.memoryOverheadFactor` or a factor in `sparkConf`: a positive decimal written as a string. */
export const overheadFactorString = z.string().refine((v) => DECIMAL.test(v.trim()) && Number(v) > 0, {
  message: 'must be a positive decimal such as "0.1"',
});

const sparkApplicationSpec = z.object({
  type: z.enum(['Java', 'Scala', 'Python', 'R']).default('Scala'),
  mode: z.enum(['cluster', 'client', 'in-cluster-client']).default('cluster'),
  sparkVersion: z.string().min(1),
  image: z.string().optional(),
  mainClass: z.string().optional(),
  mainApplicationFile: z.string().optional(),
  arguments: z.array(z.string()).default([]),
  sparkConf: stringMap.default({}),
  nodeSelector: stringMap.optional(),
  memoryOverheadFactor: overheadFactorString.optional(),
  driver: z.object(podSpecFields).prefault({}),
  executor: z.object({ ...podSpecFields, instances: nonNegativeInt.optional() }).prefault({}),
  dynamicAllocation: z
    .object({
      enabled: z.boolean().default(false),
      initialExecutors: nonNegativeInt.optional(),
      minExecutors: nonNegativeInt.optional(),
      maxExecutors: nonNegativeInt.optional(),
    })
    .optional(),
  restartPolicy: z
    .object({
      type: z.enum(['Never', 'OnFailure', 'Always']).default('Never'),
      onFailureRetries: nonNegativeInt.optional(),
      onFailureRetryInterval: nonNegativeInt.optional(),
      onSubmissionFailureRetries: nonNegativeInt.optional(),
      onSubmissionFailureRetryInterval: nonNegativeInt.optional(),
    })
    .prefault({}),
  timeToLiveSeconds: z.int().optional(),
  batchScheduler: z.string().optional(),
});

/** Seconds the operator gives both retry intervals when `restartPolicy.type` is not `Never`. */
const DEFAULT_RETRY_INTERVAL_SECONDS = 5;

/**
 * The operator's defaults for one role: `cores` 1 and `memory` "1g" unless `sparkConf` already sets
 * `spark.<role>.cores` / `spark.<role>.memory` (then Spark reads the conf, and the field stays unset).
 */
function withRoleDefaults<T extends SparkPodSpec>(spec: T, role: 'driver' | 'executor', conf: StringMap): T {
  return compact({
    ...spec,
    cores: spec.cores ?? (conf[`spark.${role}.cores`] === undefined ? 1 : undefined),
    memory: spec.memory ?? (conf[`spark.${role}.memory`] === undefined ? '1g' : undefined),
  });
}

/** A `sparkoperator.k8s.io/v1beta2 SparkApplication` manifest → the domain type, with operator defaults. */
export const sparkApplicationManifest = z
  .object({
    apiVersion: z.literal('sparkoperator.k8s.io/v1beta2'),
    kind: z.literal('SparkApplication'),
    metadata: objectMeta,
    spec: sparkApplicationSpec,
  })
  .transform((m): SparkApplication => {
    const spec = m.spec;
    const conf = spec.sparkConf;
    const dynamic = spec.dynamicAllocation?.enabled === true;
    const executor: SparkExecutorSpec = withRoleDefaults(compact(spec.executor), 'executor', conf);
    const restartPolicy =
      spec.restartPolicy.type === 'Never'
        ? spec.restartPolicy
        : {
            ...spec.restartPolicy,
            onFailureRetryInterval: spec.restartPolicy.onFailureRetryInterval ?? DEFAULT_RETRY_INTERVAL_SECONDS,
            onSubmissionFailureRetryInterval:
              spec.restartPolicy.onSubmissionFailureRetryInterval ?? DEFAULT_RETRY_INTERVAL_SECONDS,
          };
    return compact({
      apiVersion: m.apiVersion,
      kind: m.kind,
      name: m.metadata.name,
      namespace: m.metadata.namespace ?? 'default',
      uid: m.metadata.uid,
      labels: m.metadata.labels,
      annotations: m.metadata.annotations,
      type: spec.type,
      mode: spec.mode,
      sparkVersion: spec.sparkVersion,
      image: spec.image,
      mainClass: spec.mainClass,
      mainApplicationFile: spec.mainApplicationFile,
      arguments: spec.arguments,
      sparkConf: conf,
      nodeSelector: spec.nodeSelector,
      memoryOverheadFactor: spec.memoryOverheadFactor,
      driver: withRoleDefaults(compact(spec.driver), 'driver', conf),
      executor: compact({
        ...executor,
        // One executor unless the conf or dynamic allocation decides the count (operator webhook default).
        instances: executor.instances ?? (conf['spark.executor.instances'] === undefined && !dynamic ? 1 : undefined),
      }),
      dynamicAllocation: spec.dynamicAllocation === undefined ? undefined : compact(spec.dynamicAllocation),
      restartPolicy: compact(restartPolicy),
      timeToLiveSeconds: spec.timeToLiveSeconds,
      batchScheduler: spec.batchScheduler,
    });
  });
