/**
 * `@gleaner/core`: the scheduler of a Kubernetes fleet as pure functions. Quantities, resource vectors and
 * the Kubernetes model; manifests; Koordinator colocation; one member cluster's scheduler; the Karmada-style
 * fleet scheduler; Spark pods and lifecycle. No I/O, no clock, no global randomness.
 *
 * @packageDocumentation
 */
export * from './cluster/index.js';
export * from './colocation/index.js';
export * from './fleet/index.js';
export * from './manifests/index.js';
export * from './model/index.js';
export * from './policy/index.js';
export * from './quantity/index.js';
export * from './resources/index.js';
export * from './spark/index.js';
