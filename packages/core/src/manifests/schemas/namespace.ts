import * as z from 'zod';
import { objectMeta } from './primitives.js';

/** A `v1 Namespace` manifest: its name, labels and annotations. */
export const namespaceManifest = z.object({
  apiVersion: z.literal('v1'),
  kind: z.literal('Namespace'),
  metadata: objectMeta,
});
