import * as z from 'zod';
import type { StringMap } from '../../model/index.js';

/** Labels, annotations, a node selector, `sparkConf`: string keys to string values (numbers must be quoted). */
export const stringMap: z.ZodType<StringMap, unknown> = z.record(z.string(), z.string());

/** `metadata` of a namespaced or cluster-scoped object, with empty maps for absent labels/annotations. */
export const objectMeta = z.object({
  name: z.string().min(1),
  namespace: z.string().min(1).optional(),
  uid: z.string().optional(),
  labels: stringMap.default({}),
  annotations: stringMap.default({}),
});

/** A non-negative integer (counts, retries, seconds). */
export const nonNegativeInt = z.int().min(0);

/** A positive integer (cores, weights). */
export const positiveInt = z.int().min(1);

/** `value` without its `undefined`-valued keys, so converted objects carry only the fields that are set. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as T;
}
