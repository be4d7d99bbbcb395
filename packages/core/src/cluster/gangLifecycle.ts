import type { PodGroup } from './PodGroup.js';
import { resolvePodGroup } from './PodGroup.js';

// The timing and failure rules of Koordinator's Coscheduling plugin, as data the simulator applies
// (pkg/scheduler/plugins/coscheduling/core/core.go, gang.go). The placement itself is scheduleInCluster.

/** How far a gang has got, as the simulator tracks it. */
export interface GangProgress {
  /** Members placed (assumed) and waiting at Permit for the rest of the gang. */
  readonly waiting: number;
  /** Members already bound to nodes. */
  readonly bound: number;
  /** Whether the gang was ever satisfied (Koordinator's irreversible `OnceResourceSatisfied`). */
  readonly onceSatisfied: boolean;
}

/** What happens to a gang's waiting members after an event. */
export type GangRelease =
  /** Every waiting member is rejected and returns to the queue (its assumed resources are released). */
  | 'reject-all-waiting'
  /** Nothing is rolled back; placed members keep waiting until the wait time runs out. */
  | 'keep-waiting'
  /** Only the member concerned is affected; the rest of the gang is left alone. */
  | 'member-only';

/** Simulated time (ms) at which a gang first seen at `firstSeenMs` stops waiting at Permit. */
export function gangWaitDeadline(group: PodGroup, firstSeenMs: number): number {
  return firstSeenMs + resolvePodGroup(group).waitTimeSeconds * 1000;
}

/** Whether the gang's wait time (default 600 s) has run out at `nowMs`: `nowMs ≥ firstSeenMs + wait`. */
export function gangWaitExpired(group: PodGroup, firstSeenMs: number, nowMs: number): boolean {
  return nowMs >= gangWaitDeadline(group, firstSeenMs);
}

/** Whether the gang's Permit condition holds under its match policy (then all waiting members may bind). */
export function gangSatisfied(group: PodGroup, progress: GangProgress): boolean {
  const g = resolvePodGroup(group);
  switch (g.matchPolicy) {
    case 'only-waiting':
      return progress.waiting >= g.minMember;
    case 'waiting-and-running':
      return progress.waiting + progress.bound >= g.minMember;
    case 'once-satisfied':
      return progress.onceSatisfied || progress.waiting >= g.minMember;
  }
}

/**
 * Whether members of this gang still need gang placement. Under `once-satisfied` a gang that was ever
 * satisfied no longer constrains late or replacement members: they schedule as ordinary pods.
 */
export function gangRulesApply(group: PodGroup, progress: GangProgress): boolean {
  return !(resolvePodGroup(group).matchPolicy === 'once-satisfied' && progress.onceSatisfied);
}

/**
 * What a member's scheduling failure (PostFilter) does to the gang: once satisfied, only that member is
 * affected; otherwise `Strict` rejects every waiting member and `NonStrict` keeps them waiting.
 */
export function gangReleaseOnFailure(group: PodGroup, progress: GangProgress): GangRelease {
  if (progress.onceSatisfied) return 'member-only';
  return resolvePodGroup(group).mode === 'Strict' ? 'reject-all-waiting' : 'keep-waiting';
}

/**
 * What a member's Permit timeout does: in `Strict` mode (not yet satisfied) every waiting member is
 * rejected; in `NonStrict` mode, or once satisfied, the member that timed out is released alone.
 */
export function gangReleaseOnTimeout(group: PodGroup, progress: GangProgress): GangRelease {
  if (progress.onceSatisfied) return 'member-only';
  return resolvePodGroup(group).mode === 'Strict' ? 'reject-all-waiting' : 'member-only';
}
