import type {
  PriorityClass,
  PropagationPolicy,
  SloConfig,
  SparkApplication,
  SparkPodSpec,
  SparkPodTemplate,
} from '@gleaner/core';
import type { ManifestObject } from '../scenario/createScenario.js';

// The inverse of core's manifest converters: typed objects back to the YAML shape a user writes, so a
// generated counter-example can be saved as files and loaded unchanged (`loadManifests(yaml)` gives the
// same typed object back; the tests check this round trip).

type Json = Record<string, unknown>;

/** `value` without its `undefined`-valued keys. */
function defined(value: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out;
}

function nonEmpty<T extends object>(value: T): T | undefined {
  return Object.keys(value).length === 0 ? undefined : value;
}

function templateObject(t: SparkPodTemplate): Json {
  return defined({
    metadata: defined({ labels: nonEmpty(t.labels), annotations: nonEmpty(t.annotations) }),
    spec: defined({
      nodeSelector: nonEmpty(t.nodeSelector),
      tolerations: t.tolerations.length === 0 ? undefined : t.tolerations,
      affinity: t.affinity,
      priorityClassName: t.priorityClassName,
      schedulerName: t.schedulerName,
    }),
  });
}

function podSpecObject(s: SparkPodSpec & { readonly instances?: number }): Json {
  return defined({
    cores: s.cores,
    coreRequest: s.coreRequest,
    coreLimit: s.coreLimit,
    memory: s.memory,
    memoryOverhead: s.memoryOverhead,
    instances: s.instances,
    labels: nonEmpty(s.labels),
    annotations: nonEmpty(s.annotations),
    nodeSelector: nonEmpty(s.nodeSelector),
    tolerations: s.tolerations.length === 0 ? undefined : s.tolerations,
    affinity: s.affinity,
    priorityClassName: s.priorityClassName,
    schedulerName: s.schedulerName,
    serviceAccount: s.serviceAccount,
    template: s.template === undefined ? undefined : templateObject(s.template),
  });
}

/** A SparkApplication as the `sparkoperator.k8s.io/v1beta2` manifest object a user would write. */
export function sparkApplicationObject(app: SparkApplication): ManifestObject {
  return {
    apiVersion: app.apiVersion,
    kind: app.kind,
    metadata: defined({
      name: app.name,
      namespace: app.namespace,
      uid: app.uid,
      labels: nonEmpty(app.labels),
      annotations: nonEmpty(app.annotations),
    }),
    spec: defined({
      type: app.type,
      mode: app.mode,
      sparkVersion: app.sparkVersion,
      image: app.image,
      mainClass: app.mainClass,
      mainApplicationFile: app.mainApplicationFile,
      arguments: app.arguments.length === 0 ? undefined : app.arguments,
      sparkConf: nonEmpty(app.sparkConf),
      nodeSelector: app.nodeSelector,
      memoryOverheadFactor: app.memoryOverheadFactor,
      driver: podSpecObject(app.driver),
      executor: podSpecObject(app.executor),
      dynamicAllocation: app.dynamicAllocation,
      restartPolicy: app.restartPolicy,
      timeToLiveSeconds: app.timeToLiveSeconds,
      batchScheduler: app.batchScheduler,
    }),
  };
}

/** A PropagationPolicy / ClusterPropagationPolicy as the manifest object a user would write. */
export function propagationPolicyObject(policy: PropagationPolicy): ManifestObject {
  return {
    apiVersion: policy.apiVersion,
    kind: policy.kind,
    metadata: defined({ name: policy.name, namespace: policy.namespace, labels: nonEmpty(policy.labels) }),
    spec: defined({
      resourceSelectors: policy.resourceSelectors,
      placement: policy.placement,
      priority: policy.priority,
      preemption: policy.preemption,
      propagateDeps: policy.propagateDeps,
      preserveResourcesOnDeletion: policy.preserveResourcesOnDeletion,
      schedulerName: policy.schedulerName,
    }),
  };
}

/** A PriorityClass as the `scheduling.k8s.io/v1` manifest object a user would write. */
export function priorityClassObject(pc: PriorityClass): ManifestObject {
  return defined({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: pc.name },
    value: pc.value,
    globalDefault: pc.globalDefault,
    preemptionPolicy: pc.preemptionPolicy,
    description: pc.description,
  }) as ManifestObject;
}

/**
 * A colocation configuration as Koordinator's `ack-slo-config` ConfigMap (namespace `kube-system`): the
 * cluster strategies and node-level entries written out in full as the JSON of its three data keys.
 */
export function sloConfigMapObject(config: SloConfig): ManifestObject {
  const entries = <T extends object>(
    list: readonly { readonly name?: string; readonly nodeSelector?: unknown; readonly strategy: T }[],
  ): Json[] => list.map((e) => defined({ name: e.name, nodeSelector: e.nodeSelector, ...e.strategy }));
  const colocation = defined({
    ...config.colocation,
    nodeConfigs: config.nodeConfigs.colocation.length === 0 ? undefined : entries(config.nodeConfigs.colocation),
  });
  const strategy = <T extends object>(cluster: T, nodes: Parameters<typeof entries<T>>[0]): Json =>
    defined({ clusterStrategy: cluster, nodeStrategies: nodes.length === 0 ? undefined : entries(nodes) });
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'ack-slo-config', namespace: 'kube-system' },
    data: {
      'colocation-config': JSON.stringify(colocation, null, 2),
      'resource-threshold-config': JSON.stringify(
        strategy(config.resourceThreshold, config.nodeConfigs.resourceThreshold),
        null,
        2,
      ),
      'resource-qos-config': JSON.stringify(strategy(config.resourceQOS, config.nodeConfigs.resourceQOS), null, 2),
    },
  };
}
