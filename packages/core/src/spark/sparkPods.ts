import { LABEL_POD_QOS } from '../colocation/index.js';
import type { OwnerReference, Pod, PriorityClass, Toleration } from '../model/index.js';
import { resolvePriority } from '../model/index.js';
import type { ResourceList } from '../resources/index.js';
import { BATCH_CPU, BATCH_MEMORY, CPU, MEMORY } from '../resources/index.js';
import { executorAllocationBatchSize } from './executorAllocationBatchSize.js';
import { initialExecutorCount } from './initialExecutorCount.js';
import { isKoordinatorColocated } from './koordinatorColocation.js';
import type { SparkApplication } from './SparkApplication.js';
import { confInt, confPath, confText, cpuMillis, type SparkPodsIssue } from './sparkConf.js';
import { type SparkPodMemory, type SparkRole, sparkPodMemory } from './sparkPodMemory.js';

/** The pods of one role of a SparkApplication, as the Spark Operator and the Spark driver create them. */
export interface SparkRolePod {
  /** `driver` or `executor` (the component names ACK One Fleet reports, e.g. `{driver 1} {executor 1}`). */
  readonly role: SparkRole;
  /**
   * The pod spec every replica of the role shares. The driver is named `<app>-driver`; executors are
   * `<app>-exec`, to which each replica appends its executor id (`-1`, `-2`, …) as Spark does.
   */
  readonly pod: Pod;
  /** Replicas at start: 1 for the driver, the initial executor count for executors. */
  readonly replicas: number;
  /** Whether the pod is a Koordinator BE pod that requests `kubernetes.io/batch-cpu` / `batch-memory`. */
  readonly colocated: boolean;
  /** How the memory request was made up. */
  readonly memory: SparkPodMemory;
}

/** The driver and executor pods of a SparkApplication. */
export interface SparkPods {
  /** The driver pod (one replica). */
  readonly driver: SparkRolePod;
  /** The executor pods (`replicas` of them at start). */
  readonly executor: SparkRolePod;
  /** Executor pods requested per allocation round ({@link executorAllocationBatchSize}). */
  readonly executorBatchSize: number;
}

/** The result of {@link sparkPods}: the pods, or the issues that keep them from being computed. */
export type SparkPodsResult =
  | {
      /** The pods could be computed. */
      readonly ok: true;
      /** The driver and executor pods. */
      readonly pods: SparkPods;
    }
  | {
      /** Something in the application keeps the pods from being computed. */
      readonly ok: false;
      /** Every such problem, with its path in the manifest. */
      readonly issues: readonly SparkPodsIssue[];
    };

function cpuOf(app: SparkApplication, role: SparkRole, issues: SparkPodsIssue[]): { request?: number; limit?: number } {
  const spec = role === 'driver' ? app.driver : app.executor;
  const read = (field: 'coreRequest' | 'coreLimit', key: string): number | undefined => {
    const specValue = spec[field];
    const conf = confText(app, key);
    const r =
      specValue !== undefined
        ? cpuMillis(specValue, ['spec', role, field])
        : conf !== undefined
          ? cpuMillis(conf, confPath(key))
          : undefined;
    if (r?.issue !== undefined) issues.push(r.issue);
    return r?.value;
  };
  const coreRequest = read('coreRequest', `spark.kubernetes.${role}.request.cores`);
  const coreLimit = read('coreLimit', `spark.kubernetes.${role}.limit.cores`);
  let request = coreRequest;
  if (request === undefined) {
    let cores = spec.cores;
    if (cores === undefined) {
      const conf = confInt(app, `spark.${role}.cores`, 1);
      if (conf.issue !== undefined) issues.push(conf.issue);
      cores = conf.value ?? 1;
    } else if (!Number.isSafeInteger(cores) || cores < 1) {
      issues.push({ path: ['spec', role, 'cores'], message: `must be an integer ≥ 1, got ${cores}` });
    }
    request = cores * 1000;
  }
  return { request, ...(coreLimit === undefined ? {} : { limit: coreLimit }) };
}

function rolePod(
  app: SparkApplication,
  role: SparkRole,
  classes: readonly PriorityClass[],
  replicas: number,
  issues: SparkPodsIssue[],
): SparkRolePod | undefined {
  const spec = role === 'driver' ? app.driver : app.executor;
  const template = spec.template;
  const before = issues.length;
  const cpu = cpuOf(app, role, issues);
  const memory = sparkPodMemory(app, role);
  if (!memory.ok) issues.push(...memory.issues);

  // The operator's webhook writes the role's priorityClassName over the template's.
  const className = spec.priorityClassName ?? template?.priorityClassName;
  const priority = resolvePriority(className, classes);
  if (priority === undefined) {
    const path =
      spec.priorityClassName !== undefined
        ? ['spec', role, 'priorityClassName']
        : ['spec', role, 'template', 'spec', 'priorityClassName'];
    issues.push({ path, message: `PriorityClass ${JSON.stringify(className)} does not exist` });
  }
  if (issues.length > before || !memory.ok || priority === undefined) return undefined;

  const colocated = isKoordinatorColocated(app, role);
  const requests: Record<string, number> = { [CPU]: cpu.request!, [MEMORY]: memory.memory.totalBytes };
  const limits: Record<string, number> = {
    ...(cpu.limit === undefined ? {} : { [CPU]: cpu.limit }),
    [MEMORY]: memory.memory.totalBytes,
  };
  const driverName = `${app.name}-driver`;
  const owner: OwnerReference =
    role === 'driver'
      ? {
          apiVersion: app.apiVersion,
          kind: app.kind,
          name: app.name,
          ...(app.uid === undefined ? {} : { uid: app.uid }),
        }
      : { apiVersion: 'v1', kind: 'Pod', name: driverName };
  const tolerations: Toleration[] = [...(template?.tolerations ?? []), ...spec.tolerations];
  const affinity = spec.affinity ?? template?.affinity;
  const schedulerName = app.batchScheduler ?? spec.schedulerName ?? template?.schedulerName;
  const pod: Pod = {
    name: role === 'driver' ? driverName : `${app.name}-exec`,
    namespace: app.namespace,
    labels: {
      ...template?.labels,
      ...app.labels,
      ...spec.labels,
      'spark-app-name': app.name,
      'spark-role': role,
      'sparkoperator.k8s.io/app-name': app.name,
      'sparkoperator.k8s.io/launched-by-spark-operator': 'true',
      ...(colocated ? { [LABEL_POD_QOS]: 'BE' } : {}),
    },
    annotations: { ...template?.annotations, ...spec.annotations },
    priority: priority.priority,
    ...(priority.priorityClassName === undefined ? {} : { priorityClassName: priority.priorityClassName }),
    preemptionPolicy: priority.preemptionPolicy,
    requests: colocated ? toBatch(requests) : requests,
    limits: colocated ? toBatch(limits) : limits,
    nodeSelector: { ...template?.nodeSelector, ...app.nodeSelector, ...spec.nodeSelector },
    ...(affinity === undefined ? {} : { affinity }),
    tolerations,
    owner,
    ...(schedulerName === undefined ? {} : { schedulerName }),
  };
  return { role, pod, replicas, colocated, memory: memory.memory };
}

/** Koordinator BE accounting: CPU and memory move to the batch resources, in the same integer units. */
function toBatch(list: ResourceList): ResourceList {
  const out: Record<string, number> = {};
  for (const name in list) {
    if (name === CPU) out[BATCH_CPU] = list[name]!;
    else if (name === MEMORY) out[BATCH_MEMORY] = list[name]!;
    else out[name] = list[name]!;
  }
  return out;
}

/**
 * The driver and executor pods the Spark Operator (driver via spark-submit, executors via the driver)
 * would create for `app`, as the scheduler sees them:
 *
 * - CPU request `coreRequest` (or `spark.kubernetes.<role>.request.cores`), else `cores` × 1000 millicores;
 *   CPU limit `coreLimit` (or `spark.kubernetes.<role>.limit.cores`), else none.
 * - Memory request = limit = heap + overhead, see {@link sparkPodMemory}.
 * - Priority from the role's `priorityClassName` (else its template's, else the global default class) via
 *   {@link resolvePriority}; a class missing from `priorityClasses` is an issue, as the API server would
 *   reject the pod.
 * - Labels: template < app < role labels, then `spark-app-name`, `spark-role`,
 *   `sparkoperator.k8s.io/app-name`, `sparkoperator.k8s.io/launched-by-spark-operator`. Annotations:
 *   template < role. nodeSelector: template < `spec.nodeSelector` < role; tolerations: template + role;
 *   affinity: role, else template; schedulerName: `spec.batchScheduler`, else role, else template.
 * - With `sparkoperator.k8s.io/koordinator-colocation: "true"` ({@link isKoordinatorColocated}) the pod
 *   gets `koordinator.sh/qosClass: BE`, and its cpu/memory requests and limits become
 *   `kubernetes.io/batch-cpu` (millicores) and `kubernetes.io/batch-memory` (bytes).
 * - Executor replicas: {@link initialExecutorCount}.
 *
 * Pods are modelled as in cluster mode (the operator's only supported mode); the template's containers
 * (and any extra resources in them) are not read.
 *
 * @example
 * ```ts
 * const r = sparkPods(app, [{ name: 'low-priority', value: -1000, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' }]);
 * // seed spark-pi: r.pods.driver.pod.requests → { 'kubernetes.io/batch-cpu': 1000, 'kubernetes.io/batch-memory': 896 MiB }
 * ```
 */
export function sparkPods(app: SparkApplication, priorityClasses: readonly PriorityClass[]): SparkPodsResult {
  const issues: SparkPodsIssue[] = [];
  for (const key of ['spark.kubernetes.allocation.batch.size', 'spark.executor.instances']) {
    const r = confInt(app, key, key === 'spark.executor.instances' ? 0 : 1);
    if (r.issue !== undefined) issues.push(r.issue);
  }
  const driver = rolePod(app, 'driver', priorityClasses, 1, issues);
  const executor = rolePod(app, 'executor', priorityClasses, initialExecutorCount(app), issues);
  if (driver === undefined || executor === undefined || issues.length > 0) return { ok: false, issues };
  return { ok: true, pods: { driver, executor, executorBatchSize: executorAllocationBatchSize(app) } };
}
