import * as z from 'zod';
import type {
  ClusterAffinity,
  Placement,
  PropagationPolicy,
  ReplicaSchedulingStrategy,
  ResourceSelector,
  SpreadConstraint,
} from '../../fleet/PropagationPolicy.js';
import { compact, objectMeta, positiveInt } from './primitives.js';
import { labelSelector, toleration } from './scheduling.js';

const clusterAffinityFields = {
  labelSelector: labelSelector.optional(),
  fieldSelector: z
    .object({
      matchExpressions: z.array(
        z.object({
          key: z.enum(['provider', 'region', 'zone']),
          operator: z.enum(['In', 'NotIn']),
          values: z.array(z.string()),
        }),
      ),
    })
    .optional(),
  clusterNames: z.array(z.string()).optional(),
  exclude: z.array(z.string()).optional(),
};

const clusterAffinity = z.object(clusterAffinityFields).transform((a): ClusterAffinity => compact(a));

const replicaScheduling = z
  .object({
    // The CRD defaults the type to Divided once the replicaScheduling block is present at all.
    replicaSchedulingType: z.enum(['Duplicated', 'Divided']).default('Divided'),
    replicaDivisionPreference: z.enum(['Aggregated', 'Weighted']).optional(),
    weightPreference: z
      .object({
        staticWeightList: z.array(z.object({ targetCluster: clusterAffinity, weight: positiveInt })).optional(),
        dynamicWeight: z.enum(['AvailableReplicas']).optional(),
      })
      .optional(),
    customSchedulingType: z.enum(['Gang']).optional(),
  })
  .transform(
    (r): ReplicaSchedulingStrategy =>
      compact({
        ...r,
        // Karmada's mutating webhook: Divided with no preference means Weighted.
        replicaDivisionPreference:
          r.replicaDivisionPreference ?? (r.replicaSchedulingType === 'Divided' ? 'Weighted' : undefined),
        weightPreference: r.weightPreference === undefined ? undefined : compact(r.weightPreference),
      }),
  );

const spreadConstraint = z
  .object({
    spreadByField: z.enum(['cluster', 'region', 'zone', 'provider']).optional(),
    spreadByLabel: z.string().optional(),
    maxGroups: z.int().min(0).optional(),
    minGroups: z.int().min(0).optional(),
  })
  .transform(
    (s): SpreadConstraint =>
      compact({
        ...s,
        // Webhook defaults: no field and no label → spread by cluster; minGroups 0 → 1.
        spreadByField: s.spreadByField ?? (s.spreadByLabel ? undefined : 'cluster'),
        minGroups: s.minGroups === undefined || s.minGroups === 0 ? 1 : s.minGroups,
      }),
  );

const placement = z
  .object({
    clusterAffinity: clusterAffinity.optional(),
    clusterAffinities: z
      .array(z.object({ affinityName: z.string().min(1).max(32), ...clusterAffinityFields }))
      .optional(),
    clusterTolerations: z.array(toleration).optional(),
    spreadConstraints: z.array(spreadConstraint).optional(),
    replicaScheduling: replicaScheduling.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.clusterAffinity !== undefined && p.clusterAffinities !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['clusterAffinities'],
        message: 'clusterAffinity and clusterAffinities cannot both be set',
      });
    }
  })
  .transform((p): Placement => compact({ ...p, clusterAffinities: p.clusterAffinities?.map((term) => compact(term)) }));

const resourceSelector = z
  .object({
    apiVersion: z.string().min(1),
    kind: z.string().min(1),
    namespace: z.string().optional(),
    name: z.string().optional(),
    labelSelector: labelSelector.optional(),
  })
  .transform((s): ResourceSelector => compact(s));

/**
 * A PropagationPolicy or ClusterPropagationPolicy of Karmada (`policy.karmada.io/v1alpha1`) or ACK One
 * Fleet (`policy.one.alibabacloud.com/v1alpha1`) → the domain type, with Karmada's CRD and webhook
 * defaults.
 */
export const propagationPolicyManifest = z
  .object({
    apiVersion: z.enum(['policy.karmada.io/v1alpha1', 'policy.one.alibabacloud.com/v1alpha1']),
    kind: z.enum(['PropagationPolicy', 'ClusterPropagationPolicy']),
    metadata: objectMeta,
    spec: z.object({
      resourceSelectors: z.array(resourceSelector).min(1),
      placement: placement.prefault({}),
      priority: z.int().default(0),
      preemption: z.enum(['Always', 'Never']).default('Never'),
      propagateDeps: z.boolean().default(false),
      preserveResourcesOnDeletion: z.boolean().default(false),
      schedulerName: z.string().min(1).default('default-scheduler'),
    }),
  })
  .transform((m): PropagationPolicy => {
    const namespaced = m.kind === 'PropagationPolicy';
    const namespace = namespaced ? (m.metadata.namespace ?? 'default') : undefined;
    return compact({
      apiVersion: m.apiVersion,
      kind: m.kind,
      name: m.metadata.name,
      namespace,
      labels: m.metadata.labels,
      // A namespaced policy only claims resources of its own namespace; Karmada's webhook writes it in.
      resourceSelectors: m.spec.resourceSelectors.map((s) =>
        namespace === undefined || s.namespace ? s : { ...s, namespace },
      ),
      placement: m.spec.placement,
      priority: m.spec.priority,
      preemption: m.spec.preemption,
      propagateDeps: m.spec.propagateDeps,
      preserveResourcesOnDeletion: m.spec.preserveResourcesOnDeletion,
      schedulerName: m.spec.schedulerName,
    });
  });
