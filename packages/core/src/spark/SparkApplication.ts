import type { Affinity, StringMap, Toleration } from '../model/index.js';

/** Annotation of the ACK Spark Operator that turns a pod into a Koordinator BE pod using batch resources. */
export const KOORDINATOR_COLOCATION_ANNOTATION = 'sparkoperator.k8s.io/koordinator-colocation';

/** The pod template fields of a driver/executor spec that matter to scheduling. */
export interface SparkPodTemplate {
  readonly labels: StringMap;
  readonly annotations: StringMap;
  readonly nodeSelector: StringMap;
  readonly tolerations: readonly Toleration[];
  readonly affinity?: Affinity;
  readonly priorityClassName?: string;
  readonly schedulerName?: string;
}

/**
 * `spec.driver` / `spec.executor` of a SparkApplication, as written in the manifest: `cores` an integer,
 * `coreRequest`/`coreLimit` Kubernetes CPU quantities, `memory`/`memoryOverhead` Spark/JVM sizes
 * (`"512m"` = 512 MiB).
 */
export interface SparkPodSpec {
  readonly cores?: number;
  readonly coreRequest?: string;
  readonly coreLimit?: string;
  readonly memory?: string;
  readonly memoryOverhead?: string;
  readonly labels: StringMap;
  readonly annotations: StringMap;
  readonly nodeSelector: StringMap;
  readonly tolerations: readonly Toleration[];
  readonly affinity?: Affinity;
  readonly priorityClassName?: string;
  readonly schedulerName?: string;
  readonly serviceAccount?: string;
  /** `template` (a PodTemplateSpec): its metadata and placement fields merge with the ones above. */
  readonly template?: SparkPodTemplate;
}

/** `spec.executor`: a pod spec plus the instance count. */
export interface SparkExecutorSpec extends SparkPodSpec {
  readonly instances?: number;
}

/** `spec.restartPolicy` of the Spark Operator. */
export interface SparkRestartPolicy {
  readonly type: 'Never' | 'OnFailure' | 'Always';
  readonly onFailureRetries?: number;
  /** Seconds; the operator defaults it to 5 when the type is not Never. */
  readonly onFailureRetryInterval?: number;
  readonly onSubmissionFailureRetries?: number;
  readonly onSubmissionFailureRetryInterval?: number;
}

/** `spec.dynamicAllocation`. */
export interface SparkDynamicAllocation {
  readonly enabled: boolean;
  readonly initialExecutors?: number;
  readonly minExecutors?: number;
  readonly maxExecutors?: number;
}

/** A `sparkoperator.k8s.io/v1beta2` SparkApplication with the fields that drive scheduling. */
export interface SparkApplication {
  readonly apiVersion: 'sparkoperator.k8s.io/v1beta2';
  readonly kind: 'SparkApplication';
  readonly name: string;
  readonly namespace: string;
  readonly uid?: string;
  readonly labels: StringMap;
  readonly annotations: StringMap;
  readonly type: 'Java' | 'Scala' | 'Python' | 'R';
  readonly mode: 'cluster' | 'client';
  readonly sparkVersion: string;
  readonly image?: string;
  readonly mainClass?: string;
  readonly mainApplicationFile?: string;
  readonly arguments: readonly string[];
  readonly sparkConf: StringMap;
  /** `spec.memoryOverheadFactor` as written (a decimal string such as `"0.2"`). */
  readonly memoryOverheadFactor?: string;
  readonly driver: SparkPodSpec;
  readonly executor: SparkExecutorSpec;
  readonly dynamicAllocation?: SparkDynamicAllocation;
  readonly restartPolicy: SparkRestartPolicy;
  readonly timeToLiveSeconds?: number;
  readonly batchScheduler?: string;
}
