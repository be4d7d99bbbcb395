import type { StringMap } from '../model/index.js';
import { KOORDINATOR_COLOCATION_ANNOTATION, type SparkApplication } from './SparkApplication.js';
import type { SparkRole } from './sparkPodMemory.js';

function says(annotations: StringMap | undefined): boolean {
  const value = annotations?.[KOORDINATOR_COLOCATION_ANNOTATION];
  return value !== undefined && value.trim().toLowerCase() === 'true';
}

/**
 * Whether the ACK Spark Operator turns this role's pods into Koordinator BE pods: the annotation
 * `sparkoperator.k8s.io/koordinator-colocation: "true"` on the SparkApplication, on the role's
 * `annotations`, or on its `template.metadata.annotations` (the seeds put it on the templates). The value
 * is compared case-insensitively. ACK does not publish the operator's code; this follows its documentation.
 */
export function isKoordinatorColocated(app: SparkApplication, role: SparkRole): boolean {
  const spec = role === 'driver' ? app.driver : app.executor;
  return says(app.annotations) || says(spec.annotations) || says(spec.template?.annotations);
}
