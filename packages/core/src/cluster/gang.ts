import type { Pod } from '../model/index.js';
import type { GangDecision, PodBinding, PodNomination, PodVictim, UnplacedMember } from './decision.js';
import { diagnose, passesStaticFilters } from './diagnose.js';
import type { Internals } from './internals.js';
import { InternalView, scratchAssume, scratchInternals, scratchRemove } from './internals.js';
import { preemptionJobKey } from './jobKey.js';
import { fitMask, fitReasons } from './nodeResourcesFit.js';
import type { ResolvedOptions } from './options.js';
import type { Gang, ResolvedPodGroup } from './PodGroup.js';
import { resolvePodGroup } from './PodGroup.js';
import type { PodContext } from './podContext.js';
import { podContext } from './podContext.js';
import {
  MESSAGE_PREEMPTION_POLICY_NEVER,
  REASON_NO_POTENTIAL_VICTIMS,
  REASON_PREEMPTION_NOT_HELPFUL,
  summarizeReasons,
  withPreemptionMessage,
} from './reasons.js';
import { placePod } from './schedulePod.js';

// Koordinator Coscheduling inside one decision (pkg/scheduler/plugins/coscheduling): members are tried in
// order on a scratch copy of the requested columns, so each sees the earlier members' usage, and nothing
// of the input changes. The gang binds when at least minMember members are placed; in Strict mode the
// first failure before that gives up, in NonStrict mode the other members are still tried. If the gang
// fails and job-level preemption is on, victims are chosen for all pending members at once
// (coscheduling/core/preemption.go), or not at all.

/** Message for a gang with fewer pods than `minMember` (Koordinator keeps it out of the queue: PreEnqueue). */
export function tooFewMembersMessage(group: ResolvedPodGroup, members: number): string {
  return `gang ${group.namespace}/${group.name} has ${members} member(s), fewer than minMember ${group.minMember}`;
}

interface Failed {
  readonly pod: Pod;
  readonly reasons: UnplacedMember['reasons'];
  readonly message: string;
}

/** Schedules a gang on a view (fast path). */
export function scheduleGangFast(base: Internals, gang: Gang, opts: ResolvedOptions): GangDecision {
  const group = resolvePodGroup(gang.podGroup);
  const members = gang.members;
  if (members.length < group.minMember) {
    return {
      kind: 'unschedulable',
      scope: 'gang',
      podGroup: group,
      reasons: [],
      message: tooFewMembersMessage(group, members.length),
      placedBeforeFailure: 0,
    };
  }
  const scratch = scratchInternals(base);
  const scratchView = new InternalView(scratch);
  const placed: PodBinding[] = [];
  const placedIndex = new Map<Pod, number>();
  const failed: Failed[] = [];
  let stoppedAt = members.length;
  for (let m = 0; m < members.length; m++) {
    const pod = members[m]!;
    const ctx = podContext(scratch, pod);
    const placement = placePod(scratchView, scratch, ctx, opts);
    if (placement.nodeIndex >= 0) {
      const i = placement.nodeIndex;
      placed.push({ pod, nodeName: scratch.nodes[i]!.name, nodeIndex: i, score: placement.score });
      placedIndex.set(pod, i);
      scratchAssume(scratch, pod, i);
      continue;
    }
    const summary = summarizeReasons(scratch.cols.size, diagnose(scratch, ctx).counts);
    failed.push({ pod, reasons: summary.reasons, message: summary.message });
    if (placed.length < group.minMember && group.mode === 'Strict') {
      stoppedAt = m + 1;
      break;
    }
  }
  if (placed.length >= group.minMember) {
    return {
      kind: 'bind',
      scope: 'gang',
      podGroup: group,
      bindings: placed,
      unplaced: failed.map((f) => ({ pod: f.pod, reasons: f.reasons, message: f.message })),
    };
  }
  const first = failed[0]!;
  const pending = [...failed.map((f) => f.pod), ...members.slice(stoppedAt)];
  let preemptionMessage: string | undefined;
  if (opts.preemption && opts.jobLevelPreemption) {
    const outcome = jobLevelPreemption(base, scratch, members, placedIndex, pending, first.pod);
    if (typeof outcome !== 'string') {
      return {
        kind: 'preempt',
        scope: 'gang',
        podGroup: group,
        triggerPod: first.pod,
        nominations: outcome.nominations,
        victims: outcome.victims,
        reasons: first.reasons,
        message: first.message,
      };
    }
    preemptionMessage = outcome;
  }
  return {
    kind: 'unschedulable',
    scope: 'gang',
    podGroup: group,
    failedMember: first.pod,
    reasons: first.reasons,
    message: withPreemptionMessage(first.message, preemptionMessage),
    placedBeforeFailure: placed.length,
  };
}

/** Pod names sorted the way Koordinator sorts victims: priority desc, job key asc, name asc. */
function compareVictims(a: Pod, b: Pod): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const ja = preemptionJobKey(a);
  const jb = preemptionJobKey(b);
  if (ja !== jb) return ja < jb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Whether a pod passes every filter on node `i` of `internals` (no scoring). */
function feasibleOn(internals: Internals, ctx: PodContext, i: number): boolean {
  return passesStaticFilters(internals, ctx, i) && fitMask(internals.cols, ctx.shape, i, 0, 0, 0, 0, 0, null) === 0;
}

/** Nominations and victims of a successful job-level preemption. */
interface JobPreemptionPlan {
  readonly nominations: readonly PodNomination[];
  readonly victims: readonly PodVictim[];
}

/**
 * Koordinator job-level preemption. `scratch` holds the members placed so far (waiting at Permit); the
 * `pending` members (trigger first) are placed on the potential nodes of the trigger with every pod of
 * lower priority than the trigger removed, each on the feasible node of least preemption cost; then each
 * nominated node reprieves victims (priority desc, job, name) while all its new members still fit.
 * Returns the nominations and victims, or the failure message.
 */
function jobLevelPreemption(
  base: Internals,
  scratch: Internals,
  members: readonly Pod[],
  placedIndex: ReadonlyMap<Pod, number>,
  pending: readonly Pod[],
  trigger: Pod,
): JobPreemptionPlan | string {
  if (members.some((m) => m.preemptionPolicy === 'Never')) return MESSAGE_PREEMPTION_POLICY_NEVER;
  const n = scratch.cols.size;
  const codes = diagnose(scratch, podContext(scratch, trigger)).codes;
  const counts = new Map<string, number>();
  const bump = (reason: string): void => {
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  };
  const potential: number[] = [];
  const victimsOf = new Map<number, Pod[]>();
  for (let i = 0; i < n; i++) {
    if (codes[i] !== 1) {
      bump(REASON_PREEMPTION_NOT_HELPFUL);
      continue;
    }
    potential.push(i);
    const list = base.podsByNode[i]!.filter((p) => p.priority < trigger.priority);
    if (list.length > 0) victimsOf.set(i, list);
    else bump(REASON_NO_POTENTIAL_VICTIMS);
  }
  if (victimsOf.size === 0) return summarizeReasons(n, counts).message;
  // Preemption cost: rank of each distinct victim priority; per node, Σ over distinct jobs of the rank.
  const priorities = [...new Set([...victimsOf.values()].flat().map((p) => p.priority))].sort((a, b) => a - b);
  const rank = new Map(priorities.map((p, k) => [p, k]));
  const cost = new Map<number, number>();
  for (const [i, list] of victimsOf) {
    const jobs = new Set<string>();
    let c = 0;
    for (const v of list) {
      const job = preemptionJobKey(v);
      if (jobs.has(job)) continue;
      jobs.add(job);
      c += rank.get(v.priority)!;
    }
    cost.set(i, c);
  }
  const trial = scratchInternals(scratch);
  for (const [i, list] of victimsOf) for (const v of list) scratchRemove(trial, v, i);
  const byName = (a: number, b: number): number => {
    const na = trial.nodes[a]!.name;
    const nb = trial.nodes[b]!.name;
    return na < nb ? -1 : na > nb ? 1 : 0;
  };
  let candidates = [...potential].sort(byName);
  const nominated = new Map<Pod, number>();
  const onNode = new Map<number, Pod[]>();
  const contexts = new Map<Pod, PodContext>(pending.map((p) => [p, podContext(trial, p)]));
  for (const pod of pending) {
    const ctx = contexts.get(pod)!;
    const feasible = candidates.filter((i) => feasibleOn(trial, ctx, i));
    if (feasible.length === 0) {
      const reasons: string[] = [];
      for (const i of candidates) {
        reasons.length = 0;
        fitReasons(trial.cols, ctx.shape, i, reasons);
        for (const r of reasons) bump(r);
      }
      return summarizeReasons(n, counts).message;
    }
    let chosen = feasible[0]!;
    for (const i of feasible) if ((cost.get(i) ?? 0) < (cost.get(chosen) ?? 0)) chosen = i;
    scratchAssume(trial, pod, chosen);
    nominated.set(pod, chosen);
    onNode.set(chosen, [...(onNode.get(chosen) ?? []), pod]);
    candidates = feasible;
  }
  const victims: PodVictim[] = [];
  for (const i of [...onNode.keys()].sort(byName)) {
    const newMembers = onNode.get(i)!;
    for (const p of newMembers)
      scratchRemove(trial, trial.podsByNode[i]!.find((q) => q.name === p.name && q.namespace === p.namespace)!, i);
    const possible = [...(victimsOf.get(i) ?? [])].sort(compareVictims);
    for (const v of possible) {
      scratchAssume(trial, v, i);
      const added: Pod[] = [];
      let fits = true;
      for (const p of newMembers) {
        if (!feasibleOn(trial, contexts.get(p)!, i)) {
          fits = false;
          break;
        }
        scratchAssume(trial, p, i);
        added.push(trial.podsByNode[i]!.at(-1)!);
      }
      for (const a of added) scratchRemove(trial, a, i);
      if (!fits) {
        scratchRemove(trial, trial.podsByNode[i]!.find((q) => q.name === v.name && q.namespace === v.namespace)!, i);
        victims.push({ pod: v, nodeName: trial.nodes[i]!.name, nodeIndex: i });
      }
    }
    for (const p of newMembers) scratchAssume(trial, p, i);
  }
  const nominations: PodNomination[] = members.map((pod) => {
    const i = placedIndex.get(pod) ?? nominated.get(pod)!;
    return { pod, nodeName: trial.nodes[i]!.name, nodeIndex: i };
  });
  return { nominations, victims };
}
