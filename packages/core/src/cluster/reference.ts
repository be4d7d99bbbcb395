import type { Node, Pod } from '../model/index.js';
import { findUntoleratedTaint } from '../model/index.js';
import { CPU, MEMORY, PODS } from '../resources/index.js';
import type { ClusterInput } from './ClusterInput.js';
import { createClusterSnapshot } from './ClusterSnapshot.js';
import type { ClusterView } from './ClusterView.js';
import type {
  ClusterDecision,
  GangDecision,
  PodBinding,
  PodDecision,
  PodNomination,
  PodVictim,
  UnplacedMember,
} from './decision.js';
import { matchesPodNodeAffinity, toleratesUnschedulable } from './filters.js';
import { tooFewMembersMessage } from './gang.js';
import { preemptionJobKey } from './jobKey.js';
import type { ClusterSchedulingOptions, ResolvedOptions } from './options.js';
import { feasibleNodesToFind, resolveOptions } from './options.js';
import type { PodDisruptionBudget } from './PodDisruptionBudget.js';
import { disruptionsAllowed, pdbSelectsPod } from './PodDisruptionBudget.js';
import type { Gang } from './PodGroup.js';
import { isGang, resolvePodGroup } from './PodGroup.js';
import {
  insufficientReason,
  MESSAGE_PREEMPTION_POLICY_NEVER,
  REASON_NO_POTENTIAL_VICTIMS,
  REASON_NO_PREEMPTION_VICTIMS,
  REASON_NODE_AFFINITY,
  REASON_NODE_UNSCHEDULABLE,
  REASON_PREEMPTION_NOT_HELPFUL,
  REASON_TOO_MANY_PODS,
  summarizeReasons,
  untoleratedTaintReason,
  withPreemptionMessage,
} from './reasons.js';
import { nonZeroRequest } from './requests.js';
import { balancedAllocationScore } from './scores/balancedAllocation.js';
import { preferredAffinityScore } from './scores/nodeAffinity.js';
import { normalizeScores } from './scores/normalize.js';
import { resourceAllocationScore } from './scores/resourceAllocation.js';
import { intolerablePreferNoScheduleCount } from './scores/taintToleration.js';

// A straightforward kube-scheduler + Koordinator Coscheduling: every decision rescans every node and
// every pod with plain objects — no columns, no classes, no memo. Slow (O(nodes + pods) per pod) and meant
// to be obviously correct: the property tests check that scheduleInCluster makes the same decisions, and
// users can use it as an oracle for their own policies.

/** A node with the pods bound to it (recomputed for every decision). */
interface NodeInfo {
  readonly index: number;
  readonly node: Node;
  readonly pods: readonly Pod[];
}

function nodeInfos(input: ClusterInput): NodeInfo[] {
  const byName = new Map<string, Pod[]>(input.nodes.map((n) => [n.name, []]));
  for (const pod of input.pods) {
    if (pod.nodeName !== undefined) byName.get(pod.nodeName)?.push(pod);
  }
  return input.nodes.map((node, index) => ({ index, node, pods: byName.get(node.name)! }));
}

function requestOf(pod: Pod, resource: string): number {
  return resource === PODS ? 0 : (pod.requests[resource] ?? 0);
}

function sumRequests(pods: readonly Pod[], resource: string): number {
  let sum = 0;
  for (const p of pods) sum += requestOf(p, resource);
  return sum;
}

function sumNonZero(pods: readonly Pod[], resource: typeof CPU | typeof MEMORY): number {
  let sum = 0;
  for (const p of pods) sum += nonZeroRequest(p, resource);
  return sum;
}

function allocatableOf(node: Node, resource: string): number {
  return node.allocatable[resource] ?? 0;
}

/** One NodeResourcesFit shortfall. */
interface Shortfall {
  readonly reason: string;
  readonly unresolvable: boolean;
}

/** NodeResourcesFit (`fitsRequest`) for `pod` on `node` hosting `pods`. */
function resourceShortfalls(pod: Pod, node: Node, pods: readonly Pod[]): Shortfall[] {
  const out: Shortfall[] = [];
  if (pods.length + 1 > allocatableOf(node, PODS)) out.push({ reason: REASON_TOO_MANY_PODS, unresolvable: false });
  for (const resource of Object.keys(pod.requests).sort()) {
    if (resource === PODS) continue;
    const want = pod.requests[resource]!;
    if (want <= 0) continue;
    const alloc = allocatableOf(node, resource);
    if (want > alloc - sumRequests(pods, resource)) {
      out.push({ reason: insufficientReason(resource), unresolvable: want > alloc });
    }
  }
  return out;
}

/** A node's filter status: the first failing plugin's reasons, and whether preemption could help. */
interface Status {
  readonly fits: boolean;
  readonly resolvable: boolean;
  readonly reasons: readonly string[];
}

/** Runs the filters in kube-scheduler's order: NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit. */
function filterNode(pod: Pod, node: Node, pods: readonly Pod[]): Status {
  if (node.unschedulable && !toleratesUnschedulable(pod.tolerations)) {
    return { fits: false, resolvable: false, reasons: [REASON_NODE_UNSCHEDULABLE] };
  }
  const taint = findUntoleratedTaint(node.taints, pod.tolerations);
  if (taint !== undefined) return { fits: false, resolvable: false, reasons: [untoleratedTaintReason(taint)] };
  if (!matchesPodNodeAffinity(pod, node)) return { fits: false, resolvable: false, reasons: [REASON_NODE_AFFINITY] };
  const shortfalls = resourceShortfalls(pod, node, pods);
  if (shortfalls.length === 0) return { fits: true, resolvable: true, reasons: [] };
  return {
    fits: false,
    resolvable: !shortfalls.some((s) => s.unresolvable),
    reasons: shortfalls.map((s) => s.reason),
  };
}

/** NodeResourcesFit score: the strategy over its resources, cpu/memory with the non-zero defaults. */
function fitScore(pod: Pod, info: NodeInfo, opts: ResolvedOptions): number {
  const requested: number[] = [];
  const allocatable: number[] = [];
  const weights: number[] = [];
  for (const { name, weight } of opts.scoringResources) {
    if (name === CPU || name === MEMORY) {
      requested.push(sumNonZero(info.pods, name) + nonZeroRequest(pod, name));
    } else {
      // A scalar resource the pod does not request is left out; `pods` is never scored.
      if (name === PODS || requestOf(pod, name) === 0) continue;
      requested.push(sumRequests(info.pods, name) + requestOf(pod, name));
    }
    allocatable.push(allocatableOf(info.node, name));
    weights.push(weight);
  }
  return resourceAllocationScore(opts.strategy, requested, allocatable, weights);
}

/** BalancedAllocation score (actual requests); null when the plugin skips the pod (requests none of them). */
function balancedScore(pod: Pod, info: NodeInfo, opts: ResolvedOptions): number | null {
  const names = opts.balancedResources.filter((n) => n !== PODS);
  if (names.every((n) => requestOf(pod, n) === 0)) return null;
  const requested: number[] = [];
  const allocatable: number[] = [];
  for (const name of names) {
    if (name !== CPU && name !== MEMORY && requestOf(pod, name) === 0) continue;
    requested.push(sumRequests(info.pods, name) + requestOf(pod, name));
    allocatable.push(allocatableOf(info.node, name));
  }
  return balancedAllocationScore(requested, allocatable);
}

/** Total scores of the feasible nodes, as the framework sums weighted, normalised plugin scores. */
function scoreFeasible(
  pod: Pod,
  feasible: readonly NodeInfo[],
  opts: ResolvedOptions,
  view: () => ClusterView,
): number[] {
  const totals = feasible.map(() => 0);
  const add = (scores: readonly number[], weight: number): void => {
    scores.forEach((s, k) => {
      totals[k] = totals[k]! + s * weight;
    });
  };
  if (opts.fitWeight > 0)
    add(
      feasible.map((info) => fitScore(pod, info, opts)),
      opts.fitWeight,
    );
  if (opts.balancedWeight > 0)
    add(
      feasible.map((info) => balancedScore(pod, info, opts) ?? 0),
      opts.balancedWeight,
    );
  if (opts.affinityWeight > 0) {
    const terms = pod.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    const raw = feasible.map((info) => preferredAffinityScore(terms, info.node.name, info.node.labels));
    normalizeScores(raw, false);
    add(raw, opts.affinityWeight);
  }
  if (opts.taintWeight > 0) {
    const raw = feasible.map((info) => intolerablePreferNoScheduleCount(info.node.taints, pod.tolerations));
    normalizeScores(raw, true);
    add(raw, opts.taintWeight);
  }
  for (const plugin of opts.plugins) {
    const raw = feasible.map((info) => Math.trunc(plugin.score(pod, info.index, view())));
    const mode = plugin.normalize ?? 'none';
    if (mode !== 'none') normalizeScores(raw, mode === 'reverse-max');
    add(raw, plugin.weight ?? 1);
  }
  return totals;
}

/** Filter + score + select (`selectHost`) for one pod; `undefined` when nothing fits. */
function placeReference(
  input: ClusterInput,
  pod: Pod,
  opts: ResolvedOptions,
): { binding: PodBinding | undefined; feasible: number; evaluated: number; infos: NodeInfo[] } {
  const infos = nodeInfos(input);
  const n = infos.length;
  const toFind = feasibleNodesToFind(opts.percentage, n);
  const start = n === 0 ? 0 : opts.startNodeIndex % n;
  const feasible: NodeInfo[] = [];
  let evaluated = 0;
  for (let k = 0; k < n && feasible.length < toFind; k++) {
    const info = infos[(start + k) % n]!;
    evaluated++;
    if (filterNode(pod, info.node, info.pods).fits) feasible.push(info);
  }
  if (feasible.length === 0) return { binding: undefined, feasible: 0, evaluated, infos };
  let snapshot: ClusterView | undefined;
  const totals = scoreFeasible(pod, feasible, opts, () => (snapshot ??= createClusterSnapshot(input)));
  let chosen = 0;
  let ties = 1;
  for (let k = 1; k < feasible.length; k++) {
    if (totals[k]! > totals[chosen]!) {
      chosen = k;
      ties = 1;
    } else if (totals[k] === totals[chosen] && opts.random !== undefined) {
      ties++;
      if (opts.random() * ties < 1) chosen = k;
    }
  }
  const info = feasible[chosen]!;
  return {
    binding: { pod, nodeName: info.node.name, nodeIndex: info.index, score: totals[chosen]! },
    feasible: feasible.length,
    evaluated,
    infos,
  };
}

function countReasons(statuses: readonly Status[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

function importanceOrder(a: Pod, b: Pod): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const sa = a.startTime ?? Number.POSITIVE_INFINITY;
  const sb = b.startTime ?? Number.POSITIVE_INFINITY;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

interface Candidate {
  readonly info: NodeInfo;
  readonly victims: Pod[];
  readonly violations: number;
}

/** What dry-running one potential node gives: a candidate, or the node's failure status. */
function dryRunNode(
  info: NodeInfo,
  pod: Pod,
  pdbs: readonly PodDisruptionBudget[],
  budgets: readonly number[],
): Candidate | Status {
  const lower = info.pods.filter((p) => p.priority < pod.priority);
  if (lower.length === 0) return { fits: false, resolvable: false, reasons: [REASON_NO_PREEMPTION_VICTIMS] };
  let remaining = info.pods.filter((p) => p.priority >= pod.priority);
  const withAllRemoved = filterNode(pod, info.node, remaining);
  if (!withAllRemoved.fits) return withAllRemoved;
  const sorted = [...lower].sort(importanceOrder);
  const left = [...budgets];
  const violating: Pod[] = [];
  const nonViolating: Pod[] = [];
  for (const p of sorted) {
    let violated = false;
    pdbs.forEach((pdb, j) => {
      if (!pdbSelectsPod(pdb, p) || (pdb.disruptedPods ?? []).includes(p.name)) return;
      left[j] = left[j]! - 1;
      if (left[j]! < 0) violated = true;
    });
    (violated ? violating : nonViolating).push(p);
  }
  const victims: Pod[] = [];
  let violations = 0;
  for (const [group, isViolating] of [
    [violating, true],
    [nonViolating, false],
  ] as const) {
    for (const p of group) {
      if (filterNode(pod, info.node, [...remaining, p]).fits) remaining = [...remaining, p];
      else {
        victims.push(p);
        if (isViolating) violations++;
      }
    }
  }
  victims.sort(importanceOrder);
  return { info, victims, violations };
}

/** pickOneNodeForPreemption: the criteria one after another; remaining ties go to the first candidate. */
function pickCandidate(candidates: readonly Candidate[]): Candidate {
  const zero = candidates.find((c) => c.victims.length === 0);
  if (zero !== undefined) return zero;
  const earliestTop = (c: Candidate): number => {
    const top = Math.max(...c.victims.map((v) => v.priority));
    return Math.min(...c.victims.filter((v) => v.priority === top).map((v) => v.startTime ?? Number.POSITIVE_INFINITY));
  };
  const rules: ((c: Candidate) => number)[] = [
    (c) => c.violations,
    (c) => Math.max(...c.victims.map((v) => v.priority)),
    (c) => c.victims.reduce((s, v) => s + v.priority + 2 ** 31, 0),
    (c) => c.victims.length,
    (c) => -earliestTop(c),
  ];
  let pool = candidates;
  for (const rule of rules) {
    const min = Math.min(...pool.map(rule));
    pool = pool.filter((c) => rule(c) === min);
    if (pool.length === 1) break;
  }
  return pool[0]!;
}

/** DefaultPreemption for a pod that fits nowhere; returns the chosen candidate or the failure message. */
function preemptReference(
  input: ClusterInput,
  infos: readonly NodeInfo[],
  statuses: readonly Status[],
  pod: Pod,
  opts: ResolvedOptions,
): Candidate | string {
  if (pod.preemptionPolicy === 'Never') return MESSAGE_PREEMPTION_POLICY_NEVER;
  const pdbs = input.podDisruptionBudgets ?? [];
  const bound = infos.flatMap((info) => info.pods);
  const budgets = pdbs.map((pdb) => disruptionsAllowed(pdb, bound));
  const failures: Status[] = [];
  const potential: NodeInfo[] = [];
  infos.forEach((info, k) => {
    if (statuses[k]!.resolvable) potential.push(info);
    else failures.push({ fits: false, resolvable: false, reasons: [REASON_PREEMPTION_NOT_HELPFUL] });
  });
  // Dry run from an offset until enough candidates, one of them violating no budget; each list is capped.
  const wanted = Math.min(
    Math.max(Math.trunc((potential.length * opts.minCandidateNodesPercentage) / 100), opts.minCandidateNodesAbsolute),
    potential.length,
  );
  const offset = opts.random === undefined || potential.length === 0 ? 0 : Math.floor(opts.random() * potential.length);
  const nonViolating: Candidate[] = [];
  const violating: Candidate[] = [];
  for (let step = 0; step < potential.length; step++) {
    if (nonViolating.length > 0 && nonViolating.length + violating.length >= wanted) break;
    const outcome = dryRunNode(potential[(offset + step) % potential.length]!, pod, pdbs, budgets);
    if ('reasons' in outcome) failures.push(outcome);
    else if (outcome.violations === 0) {
      if (nonViolating.length < wanted) nonViolating.push(outcome);
    } else if (violating.length < wanted) violating.push(outcome);
  }
  const candidates = [...nonViolating, ...violating];
  if (candidates.length === 0) return summarizeReasons(infos.length, countReasons(failures)).message;
  return pickCandidate(candidates);
}

function referencePod(input: ClusterInput, pod: Pod, opts: ResolvedOptions): PodDecision {
  const placed = placeReference(input, pod, opts);
  if (placed.binding !== undefined) {
    return {
      kind: 'bind',
      scope: 'pod',
      ...placed.binding,
      feasibleNodes: placed.feasible,
      evaluatedNodes: placed.evaluated,
    };
  }
  const statuses = placed.infos.map((info) => filterNode(pod, info.node, info.pods));
  const summary = summarizeReasons(placed.infos.length, countReasons(statuses));
  if (opts.preemption && placed.infos.length > 0) {
    const outcome = preemptReference(input, placed.infos, statuses, pod, opts);
    if (typeof outcome !== 'string') {
      return {
        kind: 'preempt',
        scope: 'pod',
        pod,
        nodeName: outcome.info.node.name,
        nodeIndex: outcome.info.index,
        victims: outcome.victims,
        pdbViolations: outcome.violations,
        reasons: summary.reasons,
        message: summary.message,
      };
    }
    return {
      kind: 'unschedulable',
      scope: 'pod',
      pod,
      reasons: summary.reasons,
      message: withPreemptionMessage(summary.message, outcome),
      evaluatedNodes: placed.evaluated,
    };
  }
  return {
    kind: 'unschedulable',
    scope: 'pod',
    pod,
    reasons: summary.reasons,
    message: summary.message,
    evaluatedNodes: placed.evaluated,
  };
}

function withPod(input: ClusterInput, pod: Pod, nodeName: string): ClusterInput {
  return { ...input, pods: [...input.pods, { ...pod, nodeName }] };
}

function withoutPods(input: ClusterInput, gone: readonly Pod[]): ClusterInput {
  return { ...input, pods: input.pods.filter((p) => !gone.includes(p)) };
}

function byNodeName(a: NodeInfo, b: NodeInfo): number {
  return a.node.name < b.node.name ? -1 : a.node.name > b.node.name ? 1 : 0;
}

function victimOrder(a: Pod, b: Pod): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const ja = preemptionJobKey(a);
  const jb = preemptionJobKey(b);
  if (ja !== jb) return ja < jb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Whether `pods` can be added one after another to `node` already hosting `hosted`. */
function allFitInTurn(node: Node, hosted: readonly Pod[], pods: readonly Pod[]): boolean {
  let current = [...hosted];
  for (const p of pods) {
    if (!filterNode(p, node, current).fits) return false;
    current = [...current, p];
  }
  return true;
}

/** Koordinator job-level preemption over plain objects (see gang.ts for the rules). */
function jobPreemptionReference(
  base: ClusterInput,
  withWaiting: ClusterInput,
  members: readonly Pod[],
  waiting: ReadonlyMap<Pod, NodeInfo>,
  pending: readonly Pod[],
  trigger: Pod,
): { nominations: PodNomination[]; victims: PodVictim[] } | string {
  if (members.some((m) => m.preemptionPolicy === 'Never')) return MESSAGE_PREEMPTION_POLICY_NEVER;
  const infos = nodeInfos(withWaiting);
  const failures: string[] = [];
  const potential: NodeInfo[] = [];
  const possible = new Map<string, Pod[]>();
  const memberSet = new Set(members);
  for (const info of infos) {
    const status = filterNode(trigger, info.node, info.pods);
    if (status.fits || !status.resolvable) {
      failures.push(REASON_PREEMPTION_NOT_HELPFUL);
      continue;
    }
    potential.push(info);
    const lower = base.pods.filter(
      (p) => p.nodeName === info.node.name && !memberSet.has(p) && p.priority < trigger.priority,
    );
    if (lower.length > 0) possible.set(info.node.name, lower);
    else failures.push(REASON_NO_POTENTIAL_VICTIMS);
  }
  const count = (reasons: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const r of reasons) m.set(r, (m.get(r) ?? 0) + 1);
    return m;
  };
  if (possible.size === 0) return summarizeReasons(infos.length, count(failures)).message;
  const priorities = [...new Set([...possible.values()].flat().map((p) => p.priority))].sort((a, b) => a - b);
  const costOf = (name: string): number => {
    const seen = new Set<string>();
    let cost = 0;
    for (const v of possible.get(name) ?? []) {
      const job = preemptionJobKey(v);
      if (seen.has(job)) continue;
      seen.add(job);
      cost += priorities.indexOf(v.priority);
    }
    return cost;
  };
  let trial = withoutPods(withWaiting, [...possible.values()].flat());
  let candidates = [...potential].sort(byNodeName).map((i) => i.node.name);
  const nominated = new Map<Pod, string>();
  for (const pod of pending) {
    const current = nodeInfos(trial);
    const feasible = candidates.filter((name) => {
      const info = current.find((i) => i.node.name === name)!;
      return filterNode(pod, info.node, info.pods).fits;
    });
    if (feasible.length === 0) {
      for (const name of candidates) {
        const info = current.find((i) => i.node.name === name)!;
        failures.push(...resourceShortfalls(pod, info.node, info.pods).map((s) => s.reason));
      }
      return summarizeReasons(infos.length, count(failures)).message;
    }
    let chosen = feasible[0]!;
    for (const name of feasible) if (costOf(name) < costOf(chosen)) chosen = name;
    trial = withPod(trial, pod, chosen);
    nominated.set(pod, chosen);
    candidates = feasible;
  }
  const victims: PodVictim[] = [];
  const nominatedNodes = [...new Set(nominated.values())].sort();
  for (const name of nominatedNodes) {
    const info = infos.find((i) => i.node.name === name)!;
    const newcomers = pending.filter((p) => nominated.get(p) === name);
    let hosted = withWaiting.pods.filter((p) => p.nodeName === name && !(possible.get(name) ?? []).includes(p));
    for (const v of [...(possible.get(name) ?? [])].sort(victimOrder)) {
      if (allFitInTurn(info.node, [...hosted, v], newcomers)) hosted = [...hosted, v];
      else victims.push({ pod: v, nodeName: name, nodeIndex: info.index });
    }
  }
  const nominations = members.map((pod) => {
    const waited = waiting.get(pod);
    const name = waited?.node.name ?? nominated.get(pod)!;
    return { pod, nodeName: name, nodeIndex: infos.find((i) => i.node.name === name)!.index };
  });
  return { nominations, victims };
}

function referenceGang(input: ClusterInput, gang: Gang, opts: ResolvedOptions): GangDecision {
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
  const noPreemption = { ...opts, preemption: false };
  let scratch = input;
  const bindings: PodBinding[] = [];
  const waiting = new Map<Pod, NodeInfo>();
  const failed: UnplacedMember[] = [];
  let stoppedAt = members.length;
  for (let m = 0; m < members.length; m++) {
    const pod = members[m]!;
    const decision = referencePod(scratch, pod, noPreemption);
    if (decision.kind === 'bind') {
      bindings.push({ pod, nodeName: decision.nodeName, nodeIndex: decision.nodeIndex, score: decision.score });
      waiting.set(pod, nodeInfos(scratch)[decision.nodeIndex]!);
      scratch = withPod(scratch, pod, decision.nodeName);
      continue;
    }
    failed.push({ pod, reasons: decision.reasons, message: decision.message });
    if (bindings.length < group.minMember && group.mode === 'Strict') {
      stoppedAt = m + 1;
      break;
    }
  }
  if (bindings.length >= group.minMember) {
    return { kind: 'bind', scope: 'gang', podGroup: group, bindings, unplaced: failed };
  }
  const first = failed[0]!;
  let preemption: string | undefined;
  if (opts.preemption && opts.jobLevelPreemption) {
    const pending = [...failed.map((f) => f.pod), ...members.slice(stoppedAt)];
    const outcome = jobPreemptionReference(input, scratch, members, waiting, pending, first.pod);
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
    preemption = outcome;
  }
  return {
    kind: 'unschedulable',
    scope: 'gang',
    podGroup: group,
    failedMember: first.pod,
    reasons: first.reasons,
    message: withPreemptionMessage(first.message, preemption),
    placedBeforeFailure: bindings.length,
  };
}

/**
 * The reference implementation of {@link scheduleInCluster}: the same rules and decisions, computed by
 * rescanning every node and pod with plain objects (no columns, classes or memo). Use it as an oracle in
 * tests of policies built on the fast path; it is O(nodes + pods) per pod and far slower.
 */
export function referenceScheduleInCluster(
  input: ClusterInput,
  pod: Pod,
  options?: ClusterSchedulingOptions,
): PodDecision;
export function referenceScheduleInCluster(
  input: ClusterInput,
  gang: Gang,
  options?: ClusterSchedulingOptions,
): GangDecision;
export function referenceScheduleInCluster(
  input: ClusterInput,
  target: Pod | Gang,
  options?: ClusterSchedulingOptions,
): ClusterDecision;
export function referenceScheduleInCluster(
  input: ClusterInput,
  target: Pod | Gang,
  options?: ClusterSchedulingOptions,
): ClusterDecision {
  const opts = resolveOptions(options);
  return isGang(target) ? referenceGang(input, target, opts) : referencePod(input, target, opts);
}
