import type { PropagationPolicy, ReplicaSchedulingStrategy } from '@gleaner/core';
import fc from 'fast-check';

/** The replica scheduling modes {@link arbPolicy} generates. */
export type GeneratedPolicyMode = 'Gang' | 'Duplicated' | 'Divided' | 'DividedDynamic' | 'Aggregated';

/** Options of {@link arbPolicy}. */
export interface PolicyOptions {
  /** Namespace of a namespaced policy and of the applications it claims (default `spark`). */
  readonly namespace?: string;
  /** Modes to draw from (default: all five; the first is what shrinking goes to). */
  readonly modes?: readonly GeneratedPolicyMode[];
}

/** The shape of a generated policy, independent of member names (so it shrinks well). */
export interface PolicyShape {
  readonly mode: GeneratedPolicyMode;
  readonly clusterScoped: boolean;
  /** Which members the affinity names (by index); `undefined`: no clusterNames (any member). */
  readonly pick: readonly boolean[] | undefined;
  readonly propagateDeps: boolean;
}

function replicaScheduling(mode: GeneratedPolicyMode): ReplicaSchedulingStrategy {
  switch (mode) {
    case 'Gang':
      return { replicaSchedulingType: 'Divided', replicaDivisionPreference: 'Weighted', customSchedulingType: 'Gang' };
    case 'Duplicated':
      return { replicaSchedulingType: 'Duplicated' };
    case 'Divided':
      return { replicaSchedulingType: 'Divided', replicaDivisionPreference: 'Weighted' };
    case 'DividedDynamic':
      return {
        replicaSchedulingType: 'Divided',
        replicaDivisionPreference: 'Weighted',
        weightPreference: { dynamicWeight: 'AvailableReplicas' },
      };
    case 'Aggregated':
      return { replicaSchedulingType: 'Divided', replicaDivisionPreference: 'Aggregated' };
  }
}

/** Builds the policy a shape describes for a fleet whose members are `memberNames`. */
export function policyFromShape(
  shape: PolicyShape,
  memberNames: readonly string[],
  namespace: string,
): PropagationPolicy {
  const names =
    shape.pick === undefined ? undefined : memberNames.filter((_, i) => shape.pick![i % shape.pick!.length]);
  // An affinity naming no member would claim nothing: fall back to naming them all.
  const clusterNames = names === undefined ? undefined : names.length > 0 ? names : [...memberNames];
  const selector = {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'SparkApplication',
    ...(shape.clusterScoped ? {} : { namespace }),
  };
  return {
    apiVersion: 'policy.one.alibabacloud.com/v1alpha1',
    kind: shape.clusterScoped ? 'ClusterPropagationPolicy' : 'PropagationPolicy',
    name: 'sparkapp-policy',
    ...(shape.clusterScoped ? {} : { namespace }),
    labels: {},
    resourceSelectors: [selector],
    placement: {
      ...(clusterNames === undefined ? {} : { clusterAffinity: { clusterNames } }),
      replicaScheduling: replicaScheduling(shape.mode),
    },
    priority: 0,
    preemption: 'Never',
    propagateDeps: shape.propagateDeps,
    preserveResourcesOnDeletion: false,
    schedulerName: 'default-scheduler',
  };
}

/** The shapes {@link arbPolicy} draws (exported to the scenario generator, which picks members later). */
export function arbPolicyShape(options: PolicyOptions = {}, maxMembers = 5): fc.Arbitrary<PolicyShape> {
  const modes = options.modes ?? (['Gang', 'Duplicated', 'Divided', 'DividedDynamic', 'Aggregated'] as const);
  return fc.record({
    mode: fc.constantFrom(...modes),
    clusterScoped: fc.boolean(),
    pick: fc.option(fc.array(fc.boolean(), { minLength: maxMembers, maxLength: maxMembers }), { nil: undefined }),
    propagateDeps: fc.boolean(),
  });
}

/**
 * A PropagationPolicy or ClusterPropagationPolicy (ACK One Fleet's API group) claiming every
 * SparkApplication (of `namespace`, for the namespaced kind), as core's `loadManifests` returns it: an
 * affinity naming some of `memberNames` (or none: any member), and replica scheduling Gang (the seeds'
 * Divided + `customSchedulingType: Gang`), Duplicated, Divided by static or dynamic weights, or Aggregated.
 */
export function arbPolicy(
  memberNames: readonly string[],
  options: PolicyOptions = {},
): fc.Arbitrary<PropagationPolicy> {
  const namespace = options.namespace ?? 'spark';
  return arbPolicyShape(options, Math.max(1, memberNames.length)).map((shape) =>
    policyFromShape(shape, memberNames, namespace),
  );
}
