import type { Pod } from '../model/index.js';
import type { SparkApplication, SparkPods } from '../spark/index.js';
import type { FleetComponent, FleetResource, ReplicaRequirements, ResourceTemplate } from './types.js';

/** The scheduling-relevant fields of a pod spec (a model {@link Pod} has them all). */
export type PodRequirementsSource = Pick<Pod, 'requests' | 'nodeSelector' | 'tolerations' | 'affinity'> &
  Partial<Pick<Pod, 'priorityClassName'>>;

/**
 * Karmada's `ReplicaRequirements` of a pod spec (`GenerateReplicaRequirements`): its effective requests
 * (integer units; a BE pod's `kubernetes.io/batch-*`), and a node claim from its `nodeSelector`, tolerations
 * and required node affinity.
 */
export function replicaRequirementsOf(pod: PodRequirementsSource): ReplicaRequirements {
  const required = pod.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return {
    resourceRequest: pod.requests,
    nodeClaim: {
      nodeSelector: pod.nodeSelector,
      tolerations: pod.tolerations,
      ...(required === undefined ? {} : { hardNodeAffinity: required }),
    },
    ...(pod.priorityClassName === undefined ? {} : { priorityClassName: pod.priorityClassName }),
  };
}

/** A non-workload template (Namespace, PriorityClass, ConfigMap …): propagated whole, no capacity check. */
export function objectResource(template: ResourceTemplate): FleetResource {
  return { shape: 'object', template };
}

/** A replicated workload (Deployment-like): `replicas` pods shaped like `pod`. */
export function workloadResource(
  template: ResourceTemplate,
  replicas: number,
  pod?: PodRequirementsSource,
): FleetResource {
  return pod === undefined
    ? { shape: 'workload', template, replicas }
    : { shape: 'workload', template, replicas, replicaRequirements: replicaRequirementsOf(pod) };
}

/** The template identity of a SparkApplication. */
export function sparkApplicationTemplate(app: SparkApplication): ResourceTemplate {
  return {
    apiVersion: app.apiVersion,
    kind: app.kind,
    name: app.name,
    namespace: app.namespace,
    labels: app.labels,
    ...(app.uid === undefined ? {} : { uid: app.uid }),
  };
}

/**
 * The driver and executor pods of a SparkApplication with their replica counts — the shape `sparkPods`
 * returns (`SparkPods`): the driver ×1 and the initial executors.
 */
export type SparkPodSet = Pick<SparkPods, 'driver' | 'executor'>;

/**
 * A SparkApplication as a multi-component fleet resource: component `driver` (its replicas, 1) then
 * `executor` (the initial executor count), each with its pod's requirements — the components Karmada's
 * SparkApplication interpreter declares. The pods come from `sparkPods`, so the fleet does not parse
 * manifests.
 *
 * @example
 * const pods = sparkPods(app, priorityClasses);
 * if (pods.ok) scheduleOnFleet(fleet, sparkApplicationResource(app, pods.pods), policies);
 */
export function sparkApplicationResource(app: SparkApplication, pods: SparkPodSet): FleetResource {
  const components: FleetComponent[] = [
    { name: 'driver', replicas: pods.driver.replicas, replicaRequirements: replicaRequirementsOf(pods.driver.pod) },
    {
      name: 'executor',
      replicas: pods.executor.replicas,
      replicaRequirements: replicaRequirementsOf(pods.executor.pod),
    },
  ];
  return { shape: 'multiComponent', template: sparkApplicationTemplate(app), components };
}
