/** CPU, in millicores (`1000` = one core). */
export const CPU = 'cpu';
/** Memory, in bytes. */
export const MEMORY = 'memory';
/** Pod slots of a node (`status.allocatable.pods`), a count. */
export const PODS = 'pods';
/** Koordinator's reclaimed CPU for `koord-batch` pods, in millicores (an extended resource). */
export const BATCH_CPU = 'kubernetes.io/batch-cpu';
/** Koordinator's reclaimed memory for `koord-batch` pods, in bytes (an extended resource). */
export const BATCH_MEMORY = 'kubernetes.io/batch-memory';

/**
 * A resource name as Kubernetes spells it: one of the constants above or any extended resource
 * (`nvidia.com/gpu`, `kubernetes.io/mid-cpu`).
 */
export type ResourceName = string;
