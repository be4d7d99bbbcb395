import fc from 'fast-check';
import { rarely, withoutUndefined } from './arbHelpers.js';
import { arbNodePool } from './arbNodePool.js';
import type { FleetInput, MemberInput } from './inputTypes.js';

/** Kubernetes versions generated for members: around the 1.28 line where preoccupation starts. */
export const GENERATED_KUBERNETES_VERSIONS: readonly string[] = ['1.26', '1.27', '1.28', '1.29', '1.30'];

/** Options of {@link arbMember} and {@link arbFleet}. */
export interface FleetOptions {
  /** Fewest members in a fleet (default 1). */
  readonly minMembers?: number;
  /** Most members in a fleet (default 3; at least `minMembers`). */
  readonly maxMembers?: number;
  /** Most node pools per member (default 2; at least 1). */
  readonly maxPools?: number;
  /** Most nodes per pool (default 4). */
  readonly maxNodesPerPool?: number;
  /** Whether a member may have a virtual-kubelet (ECI) node (default true). */
  readonly virtualNodes?: boolean;
  /** Whether pools may carry taints Spark pods do not tolerate (default true). */
  readonly taints?: boolean;
}

/**
 * One member cluster named `name`: a Kubernetes version from 1.26 to 1.30, a region label, its clock
 * shifted by 0 or 8 hours (so diurnal peaks of members differ), 1…`maxPools` node pools and, rarely, a
 * virtual-kubelet node with elastic ECI capacity.
 */
export function arbMember(name: string, options: FleetOptions = {}): fc.Arbitrary<MemberInput> {
  const maxPools = Math.max(1, options.maxPools ?? 2);
  return fc
    .record({
      version: fc.constantFrom(...GENERATED_KUBERNETES_VERSIONS),
      region: fc.constantFrom('cn-hangzhou', 'cn-beijing'),
      shifted: fc.boolean(),
      pools: fc.array(
        arbNodePool({
          ...(options.maxNodesPerPool === undefined ? {} : { maxNodes: options.maxNodesPerPool }),
          ...(options.taints === undefined ? {} : { taints: options.taints }),
        }),
        { minLength: 1, maxLength: maxPools },
      ),
      virtual: options.virtualNodes === false ? fc.constant(false) : rarely(),
    })
    .map((m) =>
      withoutUndefined({
        name,
        kubernetesVersion: m.version,
        labels: { region: m.region },
        region: m.region,
        timeZoneOffset: m.shifted ? '8h' : undefined,
        nodePools: m.pools.map((p, i) => ({ ...p, name: `pool-${i}` })),
        virtualNode: m.virtual ? { capacity: { cpu: '1000', memory: '4Ti', pods: 1000 } } : undefined,
      }),
    );
}

/** Member names of generated fleets, in order. */
export const GENERATED_MEMBER_NAMES: readonly string[] = [
  'cluster-a',
  'cluster-b',
  'cluster-c',
  'cluster-d',
  'cluster-e',
];

/**
 * A fleet of `minMembers`…`maxMembers` members (named `cluster-a`, `cluster-b`, … in order) as the scenario's
 * `fleet:` block. Shrinks towards one member with one small pool.
 */
export function arbFleet(options: FleetOptions = {}): fc.Arbitrary<FleetInput> {
  const minMembers = Math.min(GENERATED_MEMBER_NAMES.length, Math.max(1, options.minMembers ?? 1));
  const maxMembers = Math.min(GENERATED_MEMBER_NAMES.length, Math.max(minMembers, options.maxMembers ?? 3));
  return fc
    .array(arbMember('member', options), { minLength: minMembers, maxLength: maxMembers })
    .map((members) => ({ members: members.map((m, i) => ({ ...m, name: GENERATED_MEMBER_NAMES[i]! })) }));
}
