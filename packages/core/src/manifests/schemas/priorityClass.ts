import * as z from 'zod';
import type { PriorityClass } from '../../model/index.js';
import { compact, objectMeta } from './primitives.js';

/** The highest value a user-defined PriorityClass may carry (`HighestUserDefinablePriority`). */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;

/** The built-in system classes, the only ones allowed above {@link HIGHEST_USER_DEFINABLE_PRIORITY}. */
const SYSTEM_CLASSES: Readonly<Record<string, number>> = {
  'system-cluster-critical': 2_000_000_000,
  'system-node-critical': 2_000_001_000,
};

/** A `scheduling.k8s.io/v1 PriorityClass` manifest → the model type (preemptionPolicy defaults to PreemptLowerPriority). */
export const priorityClassManifest = z
  .object({
    apiVersion: z.literal('scheduling.k8s.io/v1'),
    kind: z.literal('PriorityClass'),
    metadata: objectMeta,
    // int32, like the API field; the upper bound is checked below with the name in hand.
    value: z.int().min(-2_147_483_648).max(2_147_483_647),
    globalDefault: z.boolean().default(false),
    preemptionPolicy: z.enum(['PreemptLowerPriority', 'Never']).default('PreemptLowerPriority'),
    description: z.string().optional(),
  })
  .superRefine((m, ctx) => {
    const system = SYSTEM_CLASSES[m.metadata.name];
    if (system !== undefined ? m.value !== system : m.value > HIGHEST_USER_DEFINABLE_PRIORITY) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        input: m.value,
        message:
          system !== undefined
            ? `${m.metadata.name} is a built-in class whose value is ${system}`
            : `must be ≤ ${HIGHEST_USER_DEFINABLE_PRIORITY} (higher values are reserved for system classes), got ${m.value}`,
      });
    }
  })
  .transform(
    (m): PriorityClass =>
      compact({
        name: m.metadata.name,
        value: m.value,
        globalDefault: m.globalDefault,
        preemptionPolicy: m.preemptionPolicy,
        description: m.description,
      }),
  );
