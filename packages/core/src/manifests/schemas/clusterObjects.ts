import * as z from 'zod';
import type { Node, OwnerReference, Pod } from '../../model/index.js';
import { VIRTUAL_KUBELET_LABEL, VIRTUAL_KUBELET_TAINT } from '../../model/index.js';
import { type ContainerResources, defaultContainerRequests, podResources } from '../podResources.js';
import { compact, objectMeta, stringMap } from './primitives.js';
import { resourceList } from './quantities.js';
import { affinity, taint, toleration } from './scheduling.js';

/** A `v1 Node` (alone or as a list item: `apiVersion`/`kind` may be absent in a NodeList's items) → the model type. */
export const nodeObject = z
  .object({
    apiVersion: z.literal('v1').optional(),
    kind: z.literal('Node').optional(),
    metadata: objectMeta,
    spec: z.object({ taints: z.array(taint).default([]), unschedulable: z.boolean().default(false) }).prefault({}),
    status: z.object({ capacity: resourceList.optional(), allocatable: resourceList.optional() }).prefault({}),
  })
  .transform((n): Node => {
    const capacity = n.status.capacity ?? {};
    return {
      name: n.metadata.name,
      labels: n.metadata.labels,
      annotations: n.metadata.annotations,
      taints: n.spec.taints,
      capacity,
      // A node that reports no allocatable (hand-written YAML) can give all of its capacity.
      allocatable: n.status.allocatable ?? capacity,
      unschedulable: n.spec.unschedulable,
      virtual:
        n.spec.taints.some((t) => t.key === VIRTUAL_KUBELET_TAINT) ||
        n.metadata.labels[VIRTUAL_KUBELET_LABEL.key] === VIRTUAL_KUBELET_LABEL.value,
    };
  });

const container = z
  .object({
    name: z.string().optional(),
    resources: z.object({ requests: resourceList.default({}), limits: resourceList.default({}) }).prefault({}),
    restartPolicy: z.literal('Always').optional(),
  })
  .transform(
    (c): ContainerResources => ({
      requests: defaultContainerRequests(c.resources.requests, c.resources.limits),
      limits: c.resources.limits,
      ...(c.restartPolicy === 'Always' ? { sidecar: true } : {}),
    }),
  );

// RFC 3339 as the API server writes times (`2024-05-01T08:00:00Z`, optional fraction and offset).
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** An RFC 3339 timestamp → milliseconds since the Unix epoch. */
const timestampMillis = z.string().transform((text, ctx) => {
  const ms = RFC3339.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) {
    ctx.addIssue({
      code: 'custom',
      input: text,
      message: `must be an RFC 3339 time such as "2024-05-01T08:00:00Z", got ${JSON.stringify(text)}`,
    });
    return z.NEVER;
  }
  return ms;
});

/** The phase of a pod, as the kubelet reports it. */
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** A pod parsed from a manifest or a kubectl dump, with its phase (which decides whether it still holds resources). */
export interface ParsedPod {
  /** The pod as the scheduler sees it. */
  readonly pod: Pod;
  /** `status.phase`, when reported. */
  readonly phase?: PodPhase;
}

/** A `v1 Pod` (alone or as a list item) → the model type plus its phase. */
export const podObject = z
  .object({
    apiVersion: z.literal('v1').optional(),
    kind: z.literal('Pod').optional(),
    metadata: objectMeta.extend({
      ownerReferences: z
        .array(
          z.object({
            apiVersion: z.string(),
            kind: z.string(),
            name: z.string(),
            uid: z.string().optional(),
            controller: z.boolean().optional(),
          }),
        )
        .default([]),
    }),
    spec: z.object({
      containers: z.array(container),
      initContainers: z.array(container).default([]),
      overhead: resourceList.default({}),
      priority: z.int().optional(),
      priorityClassName: z.string().optional(),
      preemptionPolicy: z.enum(['PreemptLowerPriority', 'Never']).default('PreemptLowerPriority'),
      nodeName: z.string().optional(),
      nodeSelector: stringMap.default({}),
      affinity: affinity.optional(),
      tolerations: z.array(toleration).default([]),
      schedulerName: z.string().optional(),
    }),
    status: z
      .object({
        phase: z.enum(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']).optional(),
        startTime: timestampMillis.optional(),
      })
      .prefault({}),
  })
  .transform((p): ParsedPod => {
    const { requests, limits } = podResources(p.spec.containers, p.spec.initContainers, p.spec.overhead);
    const controller = p.metadata.ownerReferences.find((o) => o.controller === true);
    const owner: OwnerReference | undefined =
      controller === undefined
        ? undefined
        : compact({
            apiVersion: controller.apiVersion,
            kind: controller.kind,
            name: controller.name,
            uid: controller.uid,
          });
    const pod: Pod = compact({
      name: p.metadata.name,
      namespace: p.metadata.namespace ?? 'default',
      uid: p.metadata.uid,
      labels: p.metadata.labels,
      annotations: p.metadata.annotations,
      // kubectl output carries the value the Priority admission plugin resolved; a hand-written pod without
      // one counts as 0 here.
      priority: p.spec.priority ?? 0,
      priorityClassName: p.spec.priorityClassName,
      preemptionPolicy: p.spec.preemptionPolicy,
      requests,
      limits,
      nodeSelector: p.spec.nodeSelector,
      affinity: p.spec.affinity,
      tolerations: p.spec.tolerations,
      owner,
      nodeName: p.spec.nodeName || undefined,
      schedulerName: p.spec.schedulerName,
      startTime: p.status.startTime,
    });
    return p.status.phase === undefined ? { pod } : { pod, phase: p.status.phase };
  });
