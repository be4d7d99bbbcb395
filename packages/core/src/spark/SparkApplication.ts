import type { Affinity, StringMap, Toleration } from '../model/index.js';

/** Annotation of the ACK Spark Operator that turns a pod into a Koordinator BE pod using batch resources. */
export const KOORDINATOR_COLOCATION_ANNOTATION = 'sparkoperator.k8s.io/koordinator-colocation';

/** The pod template fields of a driver/executor spec that matter to scheduling. */
export interface SparkPodTemplate {
  /** `template.metadata.labels`, merged under the role's and Spark's own labels. */
  readonly labels: StringMap;
  /** `template.metadata.annotations` (the seeds put the colocation annotation here). */
  readonly annotations: StringMap;
  /** `template.spec.nodeSelector`. */
  readonly nodeSelector: StringMap;
  /** `template.spec.tolerations`, added to the role's. */
  readonly tolerations: readonly Toleration[];
  /** `template.spec.affinity` (node affinity), used when the role sets none. */
  readonly affinity?: Affinity;
  /** `template.spec.priorityClassName`, used when the role sets none. */
  readonly priorityClassName?: string;
  /** `template.spec.schedulerName`, used when neither the app nor the role sets one. */
  readonly schedulerName?: string;
}

/**
 * `spec.driver` / `spec.executor` of a SparkApplication, as written in the manifest: `cores` an integer,
 * `coreRequest`/`coreLimit` Kubernetes CPU quantities, `memory`/`memoryOverhead` Spark/JVM sizes
 * (`"512m"` = 512 MiB).
 */
export interface SparkPodSpec {
  /** `cores`: whole cores (≥ 1); the CPU request unless `coreRequest` is set. Default 1. */
  readonly cores?: number;
  /** `coreRequest`: the CPU request as a Kubernetes quantity (`"500m"`), overriding `cores`. */
  readonly coreRequest?: string;
  /** `coreLimit`: the CPU limit as a Kubernetes quantity; no limit when absent. */
  readonly coreLimit?: string;
  /** `memory`: the JVM heap as a Spark size (`"512m"` = 512 MiB). Default `"1g"`. */
  readonly memory?: string;
  /** `memoryOverhead`: explicit non-heap memory as a Spark size, replacing the factor-based overhead. */
  readonly memoryOverhead?: string;
  /** `labels` added to the role's pods. */
  readonly labels: StringMap;
  /** `annotations` added to the role's pods. */
  readonly annotations: StringMap;
  /** `nodeSelector` of the role's pods. */
  readonly nodeSelector: StringMap;
  /** `tolerations` of the role's pods. */
  readonly tolerations: readonly Toleration[];
  /** `affinity` (node affinity) of the role's pods. */
  readonly affinity?: Affinity;
  /** `priorityClassName` the operator's webhook writes on the role's pods. */
  readonly priorityClassName?: string;
  /** `schedulerName` of the role's pods (`spec.batchScheduler` wins when set). */
  readonly schedulerName?: string;
  /** `serviceAccount` the pods run as (no effect on scheduling). */
  readonly serviceAccount?: string;
  /** `template` (a PodTemplateSpec): its metadata and placement fields merge with the ones above. */
  readonly template?: SparkPodTemplate;
}

/** `spec.executor`: a pod spec plus the instance count. */
export interface SparkExecutorSpec extends SparkPodSpec {
  /** `instances`: executors requested without dynamic allocation (≥ 0). Default 1. */
  readonly instances?: number;
}

/** `spec.restartPolicy` of the Spark Operator. */
export interface SparkRestartPolicy {
  /** `Never` (default): no rerun; `OnFailure`: rerun failed runs while retries remain; `Always`: rerun every run. */
  readonly type: 'Never' | 'OnFailure' | 'Always';
  /** Reruns allowed after a failed run; absent = none, even with `OnFailure`. */
  readonly onFailureRetries?: number;
  /** Seconds; the operator defaults it to 5 when the type is not Never. */
  readonly onFailureRetryInterval?: number;
  /** Resubmissions allowed after a failed spark-submit; absent = none. */
  readonly onSubmissionFailureRetries?: number;
  /** Seconds; the operator defaults it to 5 when the type is not Never. */
  readonly onSubmissionFailureRetryInterval?: number;
}

/** `spec.dynamicAllocation`. */
export interface SparkDynamicAllocation {
  /** Whether Spark scales executors with the workload. */
  readonly enabled: boolean;
  /** Executors requested at start (`spark.dynamicAllocation.initialExecutors`). */
  readonly initialExecutors?: number;
  /** Lower bound of the executor count. */
  readonly minExecutors?: number;
  /** Upper bound of the executor count. */
  readonly maxExecutors?: number;
}

/** A `sparkoperator.k8s.io/v1beta2` SparkApplication with the fields that drive scheduling. */
export interface SparkApplication {
  /** Always `sparkoperator.k8s.io/v1beta2`. */
  readonly apiVersion: 'sparkoperator.k8s.io/v1beta2';
  /** Always `SparkApplication`. */
  readonly kind: 'SparkApplication';
  /** `metadata.name`; the driver pod is `<name>-driver`. */
  readonly name: string;
  /** `metadata.namespace` (`default` when the manifest gives none); the pods run here. */
  readonly namespace: string;
  /** `metadata.uid`, when known. */
  readonly uid?: string;
  /** `metadata.labels`; the operator copies them onto the driver and executor pods. */
  readonly labels: StringMap;
  /** `metadata.annotations` (the colocation annotation may sit here). */
  readonly annotations: StringMap;
  /** `spec.type`: the application language; Python and R get the larger (0.4) memory overhead factor. Default Scala. */
  readonly type: 'Java' | 'Scala' | 'Python' | 'R';
  /** `spec.mode`: where the driver runs; only `cluster` mode gives the driver its own pod. */
  readonly mode: 'cluster' | 'client' | 'in-cluster-client';
  /** `spec.sparkVersion`, e.g. `"3.5.4"`; decides version-dependent defaults such as the executor batch size. */
  readonly sparkVersion: string;
  /** `spec.image`: the container image. */
  readonly image?: string;
  /** `spec.mainClass` of a JVM application. */
  readonly mainClass?: string;
  /** `spec.mainApplicationFile`: the jar or script. */
  readonly mainApplicationFile?: string;
  /** `spec.arguments` passed to the application. */
  readonly arguments: readonly string[];
  /** `spec.sparkConf`: Spark properties; some (`spark.executor.instances`, overhead factors, batch size) change the pods. */
  readonly sparkConf: StringMap;
  /** `spec.nodeSelector`: added to both the driver and the executor pods. */
  readonly nodeSelector?: StringMap;
  /** `spec.memoryOverheadFactor` as written (a decimal string such as `"0.2"`). */
  readonly memoryOverheadFactor?: string;
  /** `spec.driver`. */
  readonly driver: SparkPodSpec;
  /** `spec.executor`. */
  readonly executor: SparkExecutorSpec;
  /** `spec.dynamicAllocation`, when given. */
  readonly dynamicAllocation?: SparkDynamicAllocation;
  /** `spec.restartPolicy`; type `Never` when the manifest gives none. */
  readonly restartPolicy: SparkRestartPolicy;
  /** `spec.timeToLiveSeconds`: the operator deletes the finished application after this many seconds. */
  readonly timeToLiveSeconds?: number;
  /** `spec.batchScheduler` (e.g. `volcano`); also becomes the pods' `schedulerName`. */
  readonly batchScheduler?: string;
}
