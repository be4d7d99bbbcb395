import * as z from 'zod';
import type { Affinity, LabelSelector, NodeAffinity, NodeSelectorTerm, Taint, Toleration } from '../../model/index.js';
import { stringMap } from './primitives.js';

const taintEffect = z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

/** A `core/v1 Toleration`; empty strings (as kubectl prints them) mean "absent". */
export const toleration = z
  .object({
    key: z.string().optional(),
    operator: z.enum(['Exists', 'Equal', '']).optional(),
    value: z.string().optional(),
    effect: z.union([taintEffect, z.literal('')]).optional(),
    tolerationSeconds: z.int().optional(),
  })
  .transform(
    (t): Toleration => ({
      ...(t.key ? { key: t.key } : {}),
      ...(t.operator ? { operator: t.operator } : {}),
      ...(t.value ? { value: t.value } : {}),
      ...(t.effect ? { effect: t.effect } : {}),
      ...(t.tolerationSeconds === undefined ? {} : { tolerationSeconds: t.tolerationSeconds }),
    }),
  );

/** A `core/v1 Taint` on a node (`timeAdded` is ignored). */
export const taint = z
  .object({ key: z.string().min(1), value: z.string().optional(), effect: taintEffect })
  .transform((t): Taint => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect }));

/** A `metav1.LabelSelector`. */
export const labelSelector: z.ZodType<LabelSelector, unknown> = z.object({
  matchLabels: stringMap.optional(),
  matchExpressions: z
    .array(
      z.object({
        key: z.string().min(1),
        operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
        values: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});

const nodeSelectorRequirement = z.object({
  key: z.string().min(1),
  operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']),
  values: z.array(z.string()).optional(),
});

const nodeSelectorTerm: z.ZodType<NodeSelectorTerm, unknown> = z.object({
  matchExpressions: z.array(nodeSelectorRequirement).optional(),
  matchFields: z.array(nodeSelectorRequirement).optional(),
});

const nodeAffinity: z.ZodType<NodeAffinity, unknown> = z.object({
  requiredDuringSchedulingIgnoredDuringExecution: z.object({ nodeSelectorTerms: z.array(nodeSelectorTerm) }).optional(),
  preferredDuringSchedulingIgnoredDuringExecution: z
    .array(z.object({ weight: z.int().min(1).max(100), preference: nodeSelectorTerm }))
    .optional(),
});

/**
 * A `core/v1 Affinity`; only `nodeAffinity` is modelled, pod (anti-)affinity is dropped. Yields `undefined`
 * when no node affinity is given, so an affinity of pod terms only does not look like a constraint.
 */
export const affinity = z
  .object({ nodeAffinity: nodeAffinity.optional() })
  .transform((a): Affinity | undefined =>
    a.nodeAffinity === undefined ? undefined : { nodeAffinity: a.nodeAffinity },
  );
