import type { ClusterAffinity, PropagationPolicy } from './PropagationPolicy.js';
import type { FleetIssue } from './types.js';

function policyName(policy: PropagationPolicy): string {
  return policy.namespace === undefined
    ? `${policy.kind} ${policy.name}`
    : `${policy.kind} ${policy.namespace}/${policy.name}`;
}

function scan(
  policy: PropagationPolicy,
  affinity: ClusterAffinity | undefined,
  base: string,
  members: ReadonlySet<string>,
  out: FleetIssue[],
): void {
  if (affinity === undefined) return;
  for (const field of ['clusterNames', 'exclude'] as const) {
    const names = affinity[field] ?? [];
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      if (members.has(name)) continue;
      const path = `${base}.${field}[${i}]`;
      out.push({
        code: 'UnknownCluster',
        path,
        message: `${policyName(policy)}: ${path} names cluster "${name}", which is not a member of the fleet`,
      });
    }
  }
}

/**
 * Every cluster name a policy writes (in `clusterAffinity`, each `clusterAffinities[]` term and each
 * `staticWeightList[].targetCluster`, both `clusterNames` and `exclude`) that is not a member of the fleet,
 * as one {@link FleetIssue} each with its field path. Karmada itself silently matches nothing for such a
 * name; Gleaner reports it so a typo is visible.
 */
export function findUnknownClusters(policy: PropagationPolicy, memberNames: Iterable<string>): FleetIssue[] {
  const members = new Set(memberNames);
  const out: FleetIssue[] = [];
  const placement = policy.placement;
  scan(policy, placement.clusterAffinity, 'spec.placement.clusterAffinity', members, out);
  const terms = placement.clusterAffinities ?? [];
  for (let i = 0; i < terms.length; i++) scan(policy, terms[i], `spec.placement.clusterAffinities[${i}]`, members, out);
  const weights = placement.replicaScheduling?.weightPreference?.staticWeightList ?? [];
  for (let i = 0; i < weights.length; i++) {
    const base = `spec.placement.replicaScheduling.weightPreference.staticWeightList[${i}].targetCluster`;
    scan(policy, weights[i]!.targetCluster, base, members, out);
  }
  return out;
}
