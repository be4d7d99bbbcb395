import * as z from 'zod';
import { objectMeta, stringMap } from './primitives.js';

/** A `v1 ConfigMap` manifest; `data` values must be strings (`binaryData` is not read). */
export const configMapManifest = z.object({
  apiVersion: z.literal('v1'),
  kind: z.literal('ConfigMap'),
  metadata: objectMeta,
  data: stringMap.default({}),
});
