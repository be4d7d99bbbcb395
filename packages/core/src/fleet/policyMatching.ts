import { matchesLabelSelector } from '../model/index.js';
import type { PropagationPolicy, ResourceSelector } from './PropagationPolicy.js';
import type { ResourceTemplate } from './types.js';

/**
 * How precisely a resource selector matches a resource — Karmada's implicit priority
 * (`pkg/util/selector.go ImplicitPriority`): 0 no match, 1 apiVersion/kind only, 2 by labelSelector, 3 by name.
 */
export const ImplicitPriority = {
  /** The selector does not match. */
  MisMatch: 0,
  /** Matched by apiVersion/kind only. */
  MatchAll: 1,
  /** Matched by labelSelector. */
  MatchLabelSelector: 2,
  /** Matched by name. */
  MatchName: 3,
} as const;

/** One of the {@link ImplicitPriority} values. */
export type ImplicitPriorityValue = (typeof ImplicitPriority)[keyof typeof ImplicitPriority];

/**
 * The implicit priority of one `resourceSelectors[]` entry for a resource (`ResourceSelectorPriority`):
 * apiVersion and kind must be equal and a set namespace must be the resource's; then a set `name` decides alone
 * (the labelSelector is ignored), else a set `labelSelector` must match the labels, else everything matches.
 */
export function resourceSelectorPriority(
  resource: ResourceTemplate,
  selector: ResourceSelector,
): ImplicitPriorityValue {
  if (resource.apiVersion !== selector.apiVersion || resource.kind !== selector.kind) return ImplicitPriority.MisMatch;
  if (selector.namespace !== undefined && selector.namespace !== '' && selector.namespace !== resource.namespace) {
    return ImplicitPriority.MisMatch;
  }
  if (selector.name !== undefined && selector.name !== '') {
    return selector.name === resource.name ? ImplicitPriority.MatchName : ImplicitPriority.MisMatch;
  }
  if (selector.labelSelector === undefined) return ImplicitPriority.MatchAll;
  return matchesLabelSelector(selector.labelSelector, resource.labels)
    ? ImplicitPriority.MatchLabelSelector
    : ImplicitPriority.MisMatch;
}

/** Namespaces a ClusterPropagationPolicy may not claim resources in (Karmada's reserved namespaces). */
function isReservedNamespace(ns: string): boolean {
  return ns === 'karmada-system' || ns === 'karmada-cluster' || ns.startsWith('karmada-es-');
}

/**
 * The implicit priority of a whole policy for a resource: the highest over its selectors, 0 when the policy
 * may not claim the resource at all (a PropagationPolicy only claims resources of its own namespace; a
 * ClusterPropagationPolicy claims cluster-scoped resources and namespaced ones outside Karmada's reserved
 * namespaces).
 */
export function policyImplicitPriority(resource: ResourceTemplate, policy: PropagationPolicy): ImplicitPriorityValue {
  const ns = resource.namespace ?? '';
  if (policy.kind === 'PropagationPolicy') {
    if (ns === '' || policy.namespace !== ns) return ImplicitPriority.MisMatch;
  } else if (ns !== '' && isReservedNamespace(ns)) {
    return ImplicitPriority.MisMatch;
  }
  let best: ImplicitPriorityValue = ImplicitPriority.MisMatch;
  for (const selector of policy.resourceSelectors) {
    // The webhook fills a PropagationPolicy's empty selector namespace with its own.
    const p = resourceSelectorPriority(resource, selector);
    if (p > best) best = p;
  }
  return best;
}

function pickBest(resource: ResourceTemplate, policies: readonly PropagationPolicy[]): PropagationPolicy | undefined {
  let best: PropagationPolicy | undefined;
  let bestImplicit = 0;
  for (const policy of policies) {
    const implicit = policyImplicitPriority(resource, policy);
    if (implicit === ImplicitPriority.MisMatch) continue;
    if (
      best === undefined ||
      policy.priority > best.priority ||
      (policy.priority === best.priority &&
        (implicit > bestImplicit || (implicit === bestImplicit && policy.name < best.name)))
    ) {
      best = policy;
      bestImplicit = implicit;
    }
  }
  return best;
}

/**
 * The policy that claims `resource`, as Karmada's resource detector chooses it (`pkg/detector/policy.go`):
 * any matching PropagationPolicy (namespaced) beats every ClusterPropagationPolicy; among candidates of the
 * same kind the higher explicit `spec.priority` wins, then the higher implicit priority (selector by name >
 * by labelSelector > by apiVersion/kind only), then the lexicographically smaller policy name. `undefined`
 * when no policy matches. (Claims by an earlier policy and `preemption` are not modelled.)
 */
export function matchPolicy(
  resource: ResourceTemplate,
  policies: readonly PropagationPolicy[],
): PropagationPolicy | undefined {
  const namespaced = pickBest(
    resource,
    policies.filter((p) => p.kind === 'PropagationPolicy'),
  );
  if (namespaced !== undefined) return namespaced;
  return pickBest(
    resource,
    policies.filter((p) => p.kind === 'ClusterPropagationPolicy'),
  );
}
