import { clusterMatchesAffinity, untoleratedClusterTaint } from './clusterAffinity.js';
import type { ClusterScorer } from './clusterScorer.js';
import type { DispenserKind } from './divideReplicas.js';
import { divideReplicas, replicaStrategyOf } from './divideReplicas.js';
import type { EstimateOptions, EstimatorMode } from './estimator.js';
import { estimateAvailableReplicas, estimateComponentSets, MAX_REPLICAS } from './estimator.js';
import { formatScheduleResult } from './eventMessage.js';
import type {
  FleetDecision,
  FleetStrategy,
  MemberPlacement,
  MemberVerdict,
  PolicyRef,
  ScheduledDecision,
  UnschedulableDecision,
  WaitingDecision,
} from './FleetDecision.js';
import type { GangSelection } from './gang.js';
import { chooseGangMember, fitGang } from './gang.js';
import type { LegacyTieOrder } from './legacyDispenser.js';
import type { ClusterAffinity, Placement, PropagationPolicy } from './PropagationPolicy.js';
import { matchPolicy } from './policyMatching.js';
import type { PreoccupationModel } from './preoccupation.js';
import { ttlPreoccupation } from './preoccupation.js';
import type { FleetDispatch, RescheduleAttempt } from './reschedule.js';
import type { SpreadCandidate } from './spreadConstraints.js';
import { missingSpreadField, selectBestClusters, shouldIgnoreSpreadConstraints } from './spreadConstraints.js';
import type {
  FleetComponent,
  FleetIssue,
  FleetReservation,
  FleetResource,
  FleetSnapshot,
  MemberClusterFacts,
  MemberSnapshot,
  TargetCluster,
} from './types.js';
import { fleetResourceKey } from './types.js';
import { findUnknownClusters } from './unknownClusters.js';

/** Options of {@link scheduleOnFleet}; every one has a default. */
export interface FleetScheduleOptions {
  /** Decision time in ms of simulated time. Default: the latest `syncedAt` of the fleet's members. */
  readonly nowMs?: number;
  /** Members the application was reclaimed from (see `checkRescheduleTimeout`): avoided while another qualifies. */
  readonly failedMembers?: readonly string[];
  /** Earlier reclaimed attempts, carried into the new dispatch record. */
  readonly attempts?: readonly RescheduleAttempt[];
  /** The previous result (`spec.clusters`) for scale-up/down of workloads and cluster locality. */
  readonly previous?: readonly TargetCluster[];
  /** Karmada's Fresh mode (a reschedule was triggered): recompute dynamic divisions from scratch. */
  readonly fresh?: boolean;
  /** `status.schedulerObservingAffinityName`: the `clusterAffinities[]` term to start from. Default: the first. */
  readonly observedAffinityName?: string;
  /** Replica dispenser. Default `webster` (Karmada ≥ 1.16). */
  readonly dispenser?: DispenserKind;
  /** Tie order of the legacy dispenser. */
  readonly legacyTieOrder?: LegacyTieOrder;
  /** Replica estimators to consult. Default `both` (the smaller of summary and node-level). */
  readonly estimator?: EstimatorMode;
  /** Ranks members that can hold a Gang job. Default `mostIdleScorer`. */
  readonly scorer?: ClusterScorer;
  /** The preoccupation mechanism. Default `ttlPreoccupation({ minVersion, ttlMs })` from the two options below. */
  readonly preoccupation?: PreoccupationModel;
  /** Lowest member version that gets preoccupation. Default `"1.28"`. */
  readonly preoccupationMinVersion?: string;
  /** Preoccupation hold lifetime in ms. Default 600 000 (see `DEFAULT_PREOCCUPATION_TTL_MS`). */
  readonly preoccupationTtlMs?: number;
}

type TermOutcome = ScheduledDecision | WaitingDecision | UnschedulableDecision;

interface Context {
  readonly fleet: FleetSnapshot;
  readonly resource: FleetResource;
  readonly policy: PolicyRef;
  readonly placement: Placement;
  readonly key: string;
  readonly nowMs: number;
  readonly issues: readonly FleetIssue[];
  readonly options: FleetScheduleOptions;
  readonly previous: ReadonlyMap<string, number>;
  readonly failed: ReadonlySet<string>;
  readonly estimate: EstimateOptions;
  readonly preoccupation: PreoccupationModel;
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const byMember = (a: MemberVerdict, b: MemberVerdict): number =>
  a.member < b.member ? -1 : a.member > b.member ? 1 : 0;

// Karmada's NoClusterFit: no member passed the filters.
function noClusterFit(
  ctx: Context,
  strategy: FleetStrategy,
  verdicts: readonly MemberVerdict[],
): UnschedulableDecision {
  return unschedulable(ctx, strategy, 'NoClusterFit', `0/${ctx.fleet.members.length} clusters are available`, verdicts);
}

function facts(m: MemberSnapshot): MemberClusterFacts {
  return {
    name: m.name,
    labels: m.labels,
    ...(m.provider === undefined ? {} : { provider: m.provider }),
    ...(m.region === undefined ? {} : { region: m.region }),
    ...(m.zones === undefined ? {} : { zones: m.zones }),
  };
}

// Karmada's filter plugins, in order: APIEnablement, TaintToleration (both skipped for members already in the
// result), ClusterAffinity, SpreadConstraint (pkg/scheduler/framework/plugins).
function filterMembers(
  ctx: Context,
  affinity: ClusterAffinity | undefined,
): { feasible: MemberSnapshot[]; verdicts: MemberVerdict[] } {
  const feasible: MemberSnapshot[] = [];
  const verdicts: MemberVerdict[] = [];
  const gvk = `${ctx.resource.template.apiVersion}/${ctx.resource.template.kind}`;
  for (const m of [...ctx.fleet.members].sort(byName)) {
    const targeted = ctx.previous.has(m.name);
    let reason: string | undefined;
    if (!targeted && m.apiEnablements !== undefined && !m.apiEnablements.includes(gvk)) {
      reason = `does not serve ${gvk} (APIEnablement)`;
    } else if (!clusterMatchesAffinity(m, affinity)) {
      reason = 'does not match the placement cluster affinity';
    } else {
      const taint = targeted ? undefined : untoleratedClusterTaint(m.taints, ctx.placement.clusterTolerations);
      if (taint !== undefined) {
        reason = `has untolerated taint ${taint.key}${taint.value === undefined ? '' : `=${taint.value}`}:${taint.effect}`;
      } else {
        const field = missingSpreadField(m, ctx.placement.spreadConstraints);
        if (field !== undefined) reason = `does not set ${field}, which a spread constraint groups by`;
      }
    }
    if (reason === undefined) feasible.push(m);
    else verdicts.push({ member: m.name, outcome: 'filtered', reason });
  }
  return { feasible, verdicts };
}

function strategyOf(ctx: Context): FleetStrategy {
  const rs = ctx.placement.replicaScheduling;
  if (ctx.resource.shape === 'object') return 'Object';
  if (rs?.customSchedulingType === 'Gang') return 'Gang';
  if (ctx.resource.shape === 'multiComponent') {
    const c = ctx.placement.spreadConstraints?.find(
      (s) => (s.spreadByField ?? 'cluster') === 'cluster' && s.spreadByLabel === undefined,
    );
    const single = c !== undefined && (c.minGroups ?? 1) === 1 && c.maxGroups === 1;
    return rs?.replicaSchedulingType === 'Divided' && single ? 'MultiComponent' : 'Object';
  }
  return replicaStrategyOf(rs);
}

function unschedulable(
  ctx: Context,
  strategy: FleetStrategy,
  condition: UnschedulableDecision['condition'],
  reason: string,
  verdicts: readonly MemberVerdict[],
): UnschedulableDecision {
  return {
    kind: 'unschedulable',
    resource: ctx.key,
    issues: ctx.issues,
    policy: ctx.policy,
    strategy,
    condition,
    reason,
    verdicts,
  };
}

function scheduled(
  ctx: Context,
  strategy: FleetStrategy,
  targetClusters: readonly TargetCluster[],
  verdicts: readonly MemberVerdict[],
  extra: {
    placements?: readonly MemberPlacement[];
    reservations?: readonly FleetReservation[];
    dispatch?: FleetDispatch;
  } = {},
): ScheduledDecision {
  const sorted = [...targetClusters].sort(byName);
  return {
    kind: 'scheduled',
    resource: ctx.key,
    issues: ctx.issues,
    policy: ctx.policy,
    strategy,
    targetClusters: sorted,
    placements: extra.placements ?? [],
    reservations: extra.reservations ?? [],
    message: formatScheduleResult(sorted),
    verdicts,
    ...(extra.dispatch === undefined ? {} : { dispatch: extra.dispatch }),
  };
}

// Dispatches a whole job to one member: node-level placement, preoccupation holds, dispatch record.
function dispatchToMember(
  ctx: Context,
  strategy: FleetStrategy,
  member: MemberSnapshot,
  components: readonly FleetComponent[],
  placements: MemberPlacement['nodes'],
  target: TargetCluster,
  verdicts: readonly MemberVerdict[],
): ScheduledDecision {
  const reservations = ctx.preoccupation.reserve({
    member,
    owner: ctx.key,
    components,
    placements,
    nowMs: ctx.nowMs,
  });
  const dispatch: FleetDispatch = {
    owner: ctx.key,
    member: member.name,
    dispatchedAtMs: ctx.nowMs,
    failedMembers: ctx.options.failedMembers ?? [],
    attempts: ctx.options.attempts ?? [],
  };
  return scheduled(ctx, strategy, [target], verdicts, {
    placements: [{ member: member.name, nodes: placements }],
    reservations,
    dispatch,
  });
}

function gangVerdicts(selection: GangSelection, chosen: string | undefined): MemberVerdict[] {
  return selection.verdicts.map((v) => {
    if (!v.fits) return { member: v.member, outcome: 'insufficient', reason: v.reason! };
    return { member: v.member, outcome: v.member === chosen ? 'chosen' : 'fits', score: v.score! };
  });
}

// ACK One `customSchedulingType: Gang`: the whole job in one member that holds it all, or wait.
function scheduleGang(
  ctx: Context,
  feasible: readonly MemberSnapshot[],
  filtered: readonly MemberVerdict[],
  components: readonly FleetComponent[],
  target: (member: string) => TargetCluster,
): TermOutcome {
  const strategy: FleetStrategy = 'Gang';
  const opts = { ...ctx.estimate, ...(ctx.options.scorer === undefined ? {} : { scorer: ctx.options.scorer }) };
  const fresh = feasible.filter((m) => !ctx.failed.has(m.name));
  const retry = feasible.filter((m) => ctx.failed.has(m.name));
  const first = chooseGangMember(fresh, components, opts);
  let verdicts: MemberVerdict[] = gangVerdicts(first, first.chosen?.member);
  let chosen = first.chosen;
  if (chosen === undefined && retry.length > 0) {
    // No other member qualifies: the members the job failed on are tried again.
    const second = chooseGangMember(retry, components, opts);
    chosen = second.chosen;
    verdicts.push(
      ...gangVerdicts(second, chosen?.member).map((v) => ({
        ...v,
        reason: `${v.reason === undefined ? '' : `${v.reason}; `}retried: the job failed to start here before and no other member qualifies`,
      })),
    );
  } else {
    verdicts.push(
      ...retry.map((m) => ({
        member: m.name,
        outcome: 'excluded' as const,
        reason: 'the job was reclaimed from this member after its driver did not start; another member is tried first',
      })),
    );
  }
  verdicts = [...verdicts, ...filtered].sort(byMember);
  if (feasible.length === 0) {
    return noClusterFit(ctx, strategy, verdicts);
  }
  if (chosen === undefined) {
    const reasons = verdicts;
    return {
      kind: 'waiting',
      resource: ctx.key,
      issues: ctx.issues,
      policy: ctx.policy,
      strategy,
      reasons,
      message: `no member can hold the whole job now: ${reasons.map((v) => `${v.member}: ${v.reason ?? v.outcome}`).join('; ')}`,
      attempts: ctx.options.attempts ?? [],
    };
  }
  const member = feasible.find((m) => m.name === chosen.member)!;
  return dispatchToMember(ctx, strategy, member, components, chosen.placements, target(member.name), verdicts);
}

// Karmada ≥ 1.16 multi-component scheduling: complete-set estimates, one member (spread min = max = 1).
function scheduleMultiComponent(
  ctx: Context,
  feasible: readonly MemberSnapshot[],
  filtered: readonly MemberVerdict[],
  components: readonly FleetComponent[],
): TermOutcome {
  const strategy: FleetStrategy = 'MultiComponent';
  const candidates = feasible.map((m) => ({
    ...facts(m),
    member: m,
    score: ctx.previous.has(m.name) ? 100 : 0,
    availableReplicas: estimateComponentSets(m, components, ctx.estimate).available,
  }));
  const work = { duplicated: false, replicas: 1 };
  const nonFailed = candidates.filter((c) => !ctx.failed.has(c.name));
  let sel = selectBestClusters(nonFailed, ctx.placement.spreadConstraints, 1, work);
  if (!sel.ok && nonFailed.length < candidates.length)
    sel = selectBestClusters(candidates, ctx.placement.spreadConstraints, 1, work);
  const chosenName = sel.ok ? sel.clusters[0]?.name : undefined;
  const verdicts: MemberVerdict[] = [
    ...filtered,
    ...candidates.map((c): MemberVerdict => {
      if (c.name === chosenName) return { member: c.name, outcome: 'chosen', availableReplicas: c.availableReplicas };
      if (ctx.failed.has(c.name) && sel.ok) {
        return {
          member: c.name,
          outcome: 'excluded',
          availableReplicas: c.availableReplicas,
          reason: 'the job failed to start here before',
        };
      }
      return c.availableReplicas > 0
        ? { member: c.name, outcome: 'fits', availableReplicas: c.availableReplicas }
        : {
            member: c.name,
            outcome: 'insufficient',
            availableReplicas: 0,
            reason: 'no complete set of the components fits',
          };
    }),
  ].sort(byMember);
  if (feasible.length === 0) {
    return noClusterFit(ctx, strategy, verdicts);
  }
  if (!sel.ok || chosenName === undefined) {
    return unschedulable(
      ctx,
      strategy,
      'SchedulerError',
      sel.ok ? 'no clusters available to schedule' : sel.reason,
      verdicts,
    );
  }
  const member = feasible.find((m) => m.name === chosenName)!;
  const fit = fitGang(member, components, ctx.estimate);
  const target: TargetCluster = {
    name: member.name,
    replicas: 0,
    components: components.map((c) => ({ name: c.name, replicas: c.replicas })),
  };
  return dispatchToMember(ctx, strategy, member, components, fit.fits ? fit.placements : [], target, verdicts);
}

// A non-workload (or a multi-component job without Gang / single-cluster spread): the whole object goes to
// every selected member, capacity-blind (pkg/scheduler/core/common.go AssignReplicas).
function scheduleObject(
  ctx: Context,
  feasible: readonly MemberSnapshot[],
  filtered: readonly MemberVerdict[],
): TermOutcome {
  const strategy: FleetStrategy = 'Object';
  const candidates = feasible.map((m) => ({
    ...facts(m),
    score: ctx.previous.has(m.name) ? 100 : 0,
    availableReplicas: MAX_REPLICAS,
  }));
  const sel = selectBestClusters(candidates, ctx.placement.spreadConstraints, -1, { duplicated: true, replicas: 0 });
  const chosen = new Set(sel.ok ? sel.clusters.map((c) => c.name) : []);
  const verdicts: MemberVerdict[] = [
    ...filtered,
    ...candidates.map((c): MemberVerdict => ({ member: c.name, outcome: chosen.has(c.name) ? 'chosen' : 'fits' })),
  ].sort(byMember);
  if (feasible.length === 0) {
    return noClusterFit(ctx, strategy, verdicts);
  }
  if (!sel.ok) return unschedulable(ctx, strategy, 'SchedulerError', sel.reason, verdicts);
  if (chosen.size === 0)
    return unschedulable(ctx, strategy, 'SchedulerError', 'no clusters available to schedule', verdicts);
  const components =
    ctx.resource.shape === 'multiComponent'
      ? ctx.resource.components.map((c) => ({ name: c.name, replicas: c.replicas }))
      : undefined;
  const targets = [...chosen].map((name) =>
    components === undefined ? { name, replicas: 0 } : { name, replicas: 0, components },
  );
  return scheduled(ctx, strategy, targets, verdicts);
}

// A replicated workload: estimator → spread selection → divideReplicas (pkg/scheduler/core/generic_scheduler.go).
function scheduleWorkload(
  ctx: Context,
  feasible: readonly MemberSnapshot[],
  filtered: readonly MemberVerdict[],
  replicas: number,
): TermOutcome {
  const resource = ctx.resource as Extract<FleetResource, { shape: 'workload' }>;
  const rs = ctx.placement.replicaScheduling;
  const strategy = replicaStrategyOf(rs);
  type Candidate = SpreadCandidate & { readonly allocatable: number };
  const candidates: Candidate[] = feasible.map((m) => {
    const allocatable =
      resource.replicaRequirements === undefined
        ? MAX_REPLICAS
        : estimateAvailableReplicas(m, resource.replicaRequirements, ctx.estimate).available;
    const had = ctx.previous.get(m.name) ?? 0;
    return {
      ...facts(m),
      score: ctx.previous.has(m.name) ? 100 : 0,
      allocatable,
      availableReplicas: Math.min(MAX_REPLICAS, allocatable + had),
    };
  });
  if (feasible.length === 0) {
    return noClusterFit(ctx, strategy, filtered);
  }
  let selected: readonly Candidate[] = candidates;
  if (!shouldIgnoreSpreadConstraints(ctx.placement)) {
    const sel = selectBestClusters(
      candidates,
      ctx.placement.spreadConstraints,
      strategy === 'Duplicated' ? -1 : replicas,
      {
        duplicated: strategy === 'Duplicated',
        replicas,
      },
    );
    if (!sel.ok) {
      const verdicts = [
        ...filtered,
        ...candidates.map(
          (c): MemberVerdict => ({ member: c.name, outcome: 'fits', availableReplicas: c.allocatable }),
        ),
      ];
      return unschedulable(
        ctx,
        strategy,
        'SchedulerError',
        sel.reason,
        verdicts.sort((a, b) => byName({ name: a.member }, { name: b.member })),
      );
    }
    selected = sel.clusters;
  }
  const result = divideReplicas({
    replicas,
    clusters: selected.map((c) => ({
      ...facts(feasible.find((m) => m.name === c.name)!),
      availableReplicas: c.allocatable,
    })),
    replicaScheduling: rs,
    previous: ctx.options.previous ?? [],
    ...(resource.template.uid === undefined ? {} : { uid: resource.template.uid }),
    ...(ctx.options.dispenser === undefined ? {} : { dispenser: ctx.options.dispenser }),
    ...(ctx.options.fresh === undefined ? {} : { fresh: ctx.options.fresh }),
    ...(ctx.options.legacyTieOrder === undefined ? {} : { legacyTieOrder: ctx.options.legacyTieOrder }),
  });
  const got = new Map(result.kind === 'assigned' ? result.clusters.map((t) => [t.name, t.replicas] as const) : []);
  const verdicts = [
    ...filtered,
    ...candidates.map(
      (c): MemberVerdict => ({
        member: c.name,
        outcome: (got.get(c.name) ?? 0) > 0 ? 'chosen' : c.allocatable > 0 ? 'fits' : 'insufficient',
        availableReplicas: c.allocatable,
      }),
    ),
  ].sort((a, b) => byName({ name: a.member }, { name: b.member }));
  if (result.kind === 'unschedulable') return unschedulable(ctx, strategy, 'Unschedulable', result.reason, verdicts);
  return scheduled(ctx, strategy, result.clusters, verdicts);
}

function scheduleTerm(ctx: Context, affinity: ClusterAffinity | undefined): TermOutcome {
  const { feasible, verdicts: filtered } = filterMembers(ctx, affinity);
  const strategy = strategyOf(ctx);
  const resource = ctx.resource;
  if (resource.shape === 'object') return scheduleObject(ctx, feasible, filtered);
  if (resource.shape === 'multiComponent') {
    if (strategy === 'Gang') {
      const comps = resource.components;
      return scheduleGang(ctx, feasible, filtered, comps, (name) => ({
        name,
        replicas: 0,
        components: comps.map((c) => ({ name: c.name, replicas: c.replicas })),
      }));
    }
    if (strategy === 'MultiComponent') return scheduleMultiComponent(ctx, feasible, filtered, resource.components);
    return scheduleObject(ctx, feasible, filtered);
  }
  if (strategy === 'Gang') {
    // A Gang of identical replicas: all of them in one member.
    const comps: FleetComponent[] = [
      {
        name: resource.template.kind.toLowerCase(),
        replicas: resource.replicas,
        replicaRequirements: resource.replicaRequirements ?? { resourceRequest: {} },
      },
    ];
    return scheduleGang(ctx, feasible, filtered, comps, (name) => ({ name, replicas: resource.replicas }));
  }
  return scheduleWorkload(ctx, feasible, filtered, resource.replicas);
}

/**
 * The fleet's global scheduling decision for one resource — ACK One Fleet / Karmada's scheduler as a pure
 * function. It finds the policy that claims the resource (`matchPolicy`), filters the members (API
 * enablement, `clusterAffinity` or the ordered `clusterAffinities` groups — the next group only when the
 * current one cannot hold the workload —, `clusterTolerations` against member taints, spread-constraint
 * fields), then places:
 *
 * - a **Gang** job (`customSchedulingType: Gang`, e.g. the seed's SparkApplication): driver and all executors
 *   in the one member whose nodes can hold them all at once (node-level fit as of the member's last sync, minus
 *   reservations held by other jobs), chosen by the cluster scorer; never split; if none can, it **waits**;
 *   members the job already failed on (`failedMembers`) are avoided while another qualifies. Members at or
 *   above the preoccupation version get reservations on the chosen nodes;
 * - a **multi-component** job with Divided + cluster spread min = max = 1: Karmada's complete-set scheduling
 *   (one member with the most complete sets; it gets preoccupation holds the same way);
 * - a **workload**: available replicas per member (min of summary and node-level estimates), spread selection,
 *   then `divideReplicas` (Duplicated / static / dynamic / Aggregated);
 * - an **object** (Namespace, PriorityClass …): to every selected member.
 *
 * Deterministic (ties by member name) and pure: inputs are never mutated. The decision's `reservations` are
 * to be added to the fleet's view (`withReservations`) before the next decision, so that concurrent decisions
 * against the same synced snapshot do not oversubscribe a member that has preoccupation.
 *
 * @example
 * const decision = scheduleOnFleet(fleet, sparkApplicationResource(app, pods), policies, { nowMs: 0 });
 * if (decision.kind === 'scheduled') console.log(decision.message);
 * // Binding has been scheduled successfully. Result: {member-a:0,[{driver 1} {executor 1}]}
 */
export function scheduleOnFleet(
  fleet: FleetSnapshot,
  resource: FleetResource,
  policies: readonly PropagationPolicy[],
  options: FleetScheduleOptions = {},
): FleetDecision {
  const key = fleetResourceKey(resource.template);
  const policy = matchPolicy(resource.template, policies);
  if (policy === undefined) {
    return {
      kind: 'no-policy',
      resource: key,
      issues: [],
      reason: `no PropagationPolicy or ClusterPropagationPolicy selects ${resource.template.apiVersion} ${key}`,
    };
  }
  const policyRef: PolicyRef = {
    kind: policy.kind,
    name: policy.name,
    ...(policy.namespace === undefined ? {} : { namespace: policy.namespace }),
  };
  const issues: FleetIssue[] = findUnknownClusters(
    policy,
    fleet.members.map((m) => m.name),
  );
  const nowMs = options.nowMs ?? fleet.members.reduce((t, m) => Math.max(t, m.syncedAt), 0);
  const preoccupation =
    options.preoccupation ??
    ttlPreoccupation({
      ...(options.preoccupationMinVersion === undefined ? {} : { minVersion: options.preoccupationMinVersion }),
      ...(options.preoccupationTtlMs === undefined ? {} : { ttlMs: options.preoccupationTtlMs }),
    });
  const ctx: Context = {
    fleet,
    resource,
    policy: policyRef,
    placement: policy.placement,
    key,
    nowMs,
    issues,
    options,
    previous: new Map((options.previous ?? []).map((t) => [t.name, t.replicas] as const)),
    failed: new Set(options.failedMembers ?? []),
    estimate: { nowMs, owner: key, ...(options.estimator === undefined ? {} : { estimator: options.estimator }) },
    preoccupation,
  };
  if (resource.shape === 'workload' && (!Number.isSafeInteger(resource.replicas) || resource.replicas < 0)) {
    const issue: FleetIssue = {
      code: 'InvalidReplicas',
      message: `${key}: replicas must be a non-negative integer, got ${resource.replicas}`,
    };
    return unschedulable({ ...ctx, issues: [...issues, issue] }, strategyOf(ctx), 'SchedulerError', issue.message, []);
  }

  const terms = policy.placement.clusterAffinities;
  if (terms === undefined || terms.length === 0) return scheduleTerm(ctx, policy.placement.clusterAffinity);

  // Ordered cluster groups (pkg/scheduler/scheduler.go scheduleResourceBindingWithClusterAffinities): start at
  // the observed term; on failure try the next; never move back to an earlier group by itself.
  const start = Math.max(
    0,
    terms.findIndex((t) => t.affinityName === options.observedAffinityName),
  );
  const failures: TermOutcome[] = [];
  for (let i = start; i < terms.length; i++) {
    const term = terms[i]!;
    const outcome = scheduleTerm(ctx, term);
    if (outcome.kind === 'scheduled') return { ...outcome, affinityName: term.affinityName };
    failures.push(outcome);
  }
  const waiting = failures.find((f): f is WaitingDecision => f.kind === 'waiting');
  const seen = new Set<string>();
  const merged: MemberVerdict[] = [];
  for (const f of failures) {
    for (const v of f.kind === 'waiting' ? f.reasons : f.verdicts) {
      if (seen.has(v.member) || v.outcome === 'filtered') continue;
      seen.add(v.member);
      merged.push(v);
    }
  }
  for (const f of failures) {
    for (const v of f.kind === 'waiting' ? f.reasons : f.verdicts) {
      if (seen.has(v.member)) continue;
      seen.add(v.member);
      merged.push(v);
    }
  }
  merged.sort(byMember);
  if (waiting !== undefined) return { ...waiting, reasons: merged };
  const first = failures[0]!;
  return first.kind === 'unschedulable' ? { ...first, verdicts: merged } : first;
}
