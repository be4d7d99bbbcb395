import type { Taint, Toleration } from '../model/index.js';
import { findUntoleratedTaint, matchesLabelSelector } from '../model/index.js';
import type { ClusterAffinity, FieldSelectorRequirement } from './PropagationPolicy.js';
import type { MemberClusterFacts } from './types.js';

// Zones: `In` holds when the member has zones and every one of them is listed; `NotIn` when none is listed
// (pkg/util/selector.go matchZones).
function zonesMatch(req: FieldSelectorRequirement, zones: readonly string[]): boolean {
  if (req.operator === 'In') return zones.length > 0 && zones.every((z) => req.values.includes(z));
  return zones.every((z) => !req.values.includes(z));
}

// provider / region: a label-selector requirement over the set {provider, region} holding only the
// non-empty fields (pkg/util/selector.go extractClusterFields): `In` needs the field, `NotIn` holds without it.
function fieldMatches(req: FieldSelectorRequirement, value: string | undefined): boolean {
  const present = value !== undefined && value !== '';
  if (req.operator === 'In') return present && req.values.includes(value);
  return !present || !req.values.includes(value);
}

/**
 * Whether a member matches a Karmada `ClusterAffinity` (`pkg/util/selector.go ClusterMatches`): a name in
 * `exclude` never matches; otherwise `labelSelector` (against the member's labels), every
 * `fieldSelector.matchExpressions` entry (`provider`, `region`, `zone` with `In`/`NotIn`) and `clusterNames`
 * (when non-empty) must all hold. An absent or empty affinity matches every member.
 */
export function clusterMatchesAffinity(member: MemberClusterFacts, affinity: ClusterAffinity | undefined): boolean {
  if (affinity === undefined) return true;
  if (affinity.exclude?.includes(member.name)) return false;
  if (affinity.labelSelector !== undefined && !matchesLabelSelector(affinity.labelSelector, member.labels)) {
    return false;
  }
  for (const req of affinity.fieldSelector?.matchExpressions ?? []) {
    const ok =
      req.key === 'zone'
        ? zonesMatch(req, member.zones ?? [])
        : fieldMatches(req, req.key === 'provider' ? member.provider : member.region);
    if (!ok) return false;
  }
  const names = affinity.clusterNames ?? [];
  return names.length === 0 || names.includes(member.name);
}

/**
 * The first `NoSchedule`/`NoExecute` taint of a member cluster that `placement.clusterTolerations` does not
 * tolerate, or `undefined` (Karmada's TaintToleration filter plugin,
 * `pkg/scheduler/framework/plugins/tainttoleration`). `PreferNoSchedule` never filters.
 */
export function untoleratedClusterTaint(
  taints: readonly Taint[],
  clusterTolerations: readonly Toleration[] | undefined,
): Taint | undefined {
  return findUntoleratedTaint(taints, clusterTolerations ?? []);
}
