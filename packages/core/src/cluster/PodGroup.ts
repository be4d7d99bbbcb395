import type { Pod } from '../model/index.js';

/**
 * Koordinator gang mode (`gang.scheduling.koordinator.sh/mode`): `Strict` rejects every waiting member of
 * the gang as soon as one member fails to schedule before the gang is satisfied; `NonStrict` keeps the
 * members that were placed waiting until the wait time runs out.
 */
export type GangMode = 'Strict' | 'NonStrict';

/**
 * Koordinator gang match policy (`gang.scheduling.koordinator.sh/match-policy`): when the gang counts as
 * satisfied at Permit. `only-waiting`: waiting members ≥ minMember; `waiting-and-running`: waiting + bound
 * ≥ minMember; `once-satisfied` (default): waiting ≥ minMember, or the gang was ever satisfied.
 */
export type GangMatchPolicy = 'once-satisfied' | 'only-waiting' | 'waiting-and-running';

/** Koordinator `CoschedulingArgs.defaultTimeout`: a gang member may wait 600 s at Permit. */
export const DEFAULT_GANG_WAIT_TIME_SECONDS = 600;

/**
 * A gang (`scheduling.sigs.k8s.io/v1alpha1 PodGroup`, or the `gang.scheduling.koordinator.sh/*`
 * annotations): at least `minMember` of its pods must be placed together or none is.
 */
export interface PodGroup {
  /** `metadata.name` of the PodGroup (or the `gang.scheduling.koordinator.sh/name` annotation). */
  readonly name: string;
  /** `metadata.namespace`; the gang id is `namespace/name`. */
  readonly namespace?: string;
  /** `spec.minMember` / `min-available`: members that must be placed together (an integer ≥ 1). */
  readonly minMember: number;
  /** `total-number`: the members the gang will eventually have; defaults to, and is raised to, `minMember`. */
  readonly total?: number;
  /** Default `Strict` (any other value is treated as `Strict`, as Koordinator does). */
  readonly mode?: GangMode;
  /** `spec.scheduleTimeoutSeconds` / `waiting-time`, in seconds; default {@link DEFAULT_GANG_WAIT_TIME_SECONDS}. */
  readonly waitTimeSeconds?: number;
  /** Default `once-satisfied`. */
  readonly matchPolicy?: GangMatchPolicy;
}

/** A {@link PodGroup} with every default applied. */
export interface ResolvedPodGroup {
  /** The PodGroup name. */
  readonly name: string;
  /** The namespace (`default` when absent). */
  readonly namespace: string;
  /** Members that must be placed together. */
  readonly minMember: number;
  /** Total members, at least `minMember`. */
  readonly total: number;
  /** `Strict` or `NonStrict`. */
  readonly mode: GangMode;
  /** Wait time in seconds. */
  readonly waitTimeSeconds: number;
  /** The match policy. */
  readonly matchPolicy: GangMatchPolicy;
}

/** A gang to place: its PodGroup and the member pods, tried in the order given. */
export interface Gang {
  /** The group the members belong to. */
  readonly podGroup: PodGroup;
  /** The pending member pods. */
  readonly members: readonly Pod[];
}

/**
 * Applies Koordinator's defaults (`pkg/scheduler/plugins/coscheduling/util/gang_helper.go`): total raised to
 * minMember, mode `Strict` unless exactly `NonStrict`, wait time 600 s unless positive, match policy
 * `once-satisfied`. Throws a `RangeError` when `minMember` is not an integer ≥ 1.
 */
export function resolvePodGroup(group: PodGroup): ResolvedPodGroup {
  if (!Number.isInteger(group.minMember) || group.minMember < 1) {
    throw new RangeError(
      `resolvePodGroup: minMember of gang "${group.name}" must be an integer >= 1, got ${group.minMember}`,
    );
  }
  const wait = group.waitTimeSeconds;
  return {
    name: group.name,
    namespace: group.namespace ?? 'default',
    minMember: group.minMember,
    total: Math.max(group.total ?? group.minMember, group.minMember),
    mode: group.mode === 'NonStrict' ? 'NonStrict' : 'Strict',
    waitTimeSeconds: wait !== undefined && wait > 0 ? wait : DEFAULT_GANG_WAIT_TIME_SECONDS,
    matchPolicy: group.matchPolicy ?? 'once-satisfied',
  };
}

/** Whether the thing to schedule is a {@link Gang} rather than a single pod. */
export function isGang(target: Pod | Gang): target is Gang {
  return Object.hasOwn(target, 'podGroup') && Object.hasOwn(target, 'members');
}
