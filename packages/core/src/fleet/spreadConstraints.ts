import type { Placement, SpreadConstraint } from './PropagationPolicy.js';
import type { MemberClusterFacts } from './types.js';

/** A feasible member as Karmada's spread selection sees it (`spreadconstraint/group_clusters.go`). */
export interface SpreadCandidate extends MemberClusterFacts {
  /** Sum of score plugins: 100 when the member already runs the workload (ClusterLocality), else 0. */
  readonly score: number;
  /** Estimated available replicas including the replicas the workload already has there. */
  readonly availableReplicas: number;
}

/** The outcome of {@link selectBestClusters}. */
export type SpreadSelection<C extends SpreadCandidate = SpreadCandidate> =
  | {
      /** Selection succeeded. */
      readonly ok: true;
      /** The selected members. */
      readonly clusters: readonly C[];
    }
  | {
      /** Selection failed (Karmada: `SchedulerError`, retried). */
      readonly ok: false;
      /** Karmada's message. */
      readonly reason: string;
    };

/**
 * Whether Karmada ignores spread constraints for a placement (`select_clusters.go shouldIgnoreSpreadConstraint`):
 * for static-weight division — Divided + Weighted with no weight preference, or with a static list and no
 * dynamic weight.
 */
export function shouldIgnoreSpreadConstraints(placement: Placement): boolean {
  const rs = placement.replicaScheduling;
  if (rs === undefined || rs.replicaSchedulingType !== 'Divided') return false;
  if (rs.replicaDivisionPreference === 'Aggregated') return false;
  const wp = rs.weightPreference;
  return wp === undefined || wp.dynamicWeight === undefined;
}

/** Karmada's candidate order: score descending, available replicas descending, name ascending. */
export function compareSpreadCandidates(a: SpreadCandidate, b: SpreadCandidate): number {
  return (
    b.score - a.score || b.availableReplicas - a.availableReplicas || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

/**
 * The member field a spread constraint groups by that `member` lacks (`SpreadConstraint` filter plugin: a
 * member must set provider/region/zones when a constraint spreads by that field), or `undefined`.
 */
export function missingSpreadField(
  member: MemberClusterFacts,
  constraints: readonly SpreadConstraint[] | undefined,
): 'provider' | 'region' | 'zone' | undefined {
  for (const c of constraints ?? []) {
    if (c.spreadByField === 'provider' && (member.provider ?? '') === '') return 'provider';
    if (c.spreadByField === 'region' && (member.region ?? '') === '') return 'region';
    if (c.spreadByField === 'zone' && (member.zones ?? []).length === 0) return 'zone';
  }
  return undefined;
}

interface Group {
  readonly name: string;
  readonly value: number;
  readonly weight: number;
}

// DFS over groups sorted (value asc, weight desc, name asc): a path stops growing once its value reaches the
// target within [min, max] groups; the best feasible path has the highest weight, then value, then was found
// first; a feasible proper prefix of it is preferred (spreadconstraint/select_groups.go).
function selectGroups(groups: Group[], min: number, max: number, target: number): Group[] | undefined {
  const sorted = [...groups].sort(
    (a, b) => a.value - b.value || b.weight - a.weight || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const paths: { groups: Group[]; weight: number; value: number; id: number }[] = [];
  const path: Group[] = [];
  const dfs = (sum: number, begin: number): void => {
    if (sum >= target && path.length >= min && path.length <= max) {
      const g = [...path].sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      paths.push({
        groups: g,
        weight: g.reduce((s, x) => s + x.weight, 0),
        value: g.reduce((s, x) => s + x.value, 0),
        id: paths.length,
      });
      return;
    }
    if (path.length >= max) return;
    for (let i = begin; i < sorted.length; i++) {
      path.push(sorted[i]!);
      dfs(sum + sorted[i]!.value, i + 1);
      path.pop();
    }
  };
  dfs(0, 0);
  if (paths.length === 0) return undefined;
  paths.sort((a, b) => b.weight - a.weight || b.value - a.value || a.id - b.id);
  let best = paths[0]!;
  for (let i = 1; i < paths.length; i++) {
    const sub = paths[i]!;
    if (sub.groups.length < best.groups.length && sub.groups.every((g, j) => best.groups[j]!.name === g.name)) {
      best = sub;
    }
  }
  return best.groups;
}

/** What the group score needs to know about the workload. */
export interface SpreadWorkload {
  /** Whether replicas are duplicated (not divided). */
  readonly duplicated: boolean;
  /** `spec.replicas`. */
  readonly replicas: number;
}

// Region score (group_clusters.go calcGroupScore); clusters in candidate order; integer arithmetic.
function groupScore(
  clusters: readonly SpreadCandidate[],
  workload: SpreadWorkload,
  minGroups: number,
  clusterMinGroups: number,
): number {
  if (workload.duplicated) {
    const valid = clusters.filter((c) => c.availableReplicas >= workload.replicas);
    const sum = valid.reduce((s, c) => s + c.score, 0);
    return 1000 * valid.length + (valid.length === 0 ? 0 : Math.trunc(sum / valid.length));
  }
  const target = Math.ceil(workload.replicas / Math.max(1, minGroups));
  const need = Math.max(clusterMinGroups, minGroups);
  let available = 0;
  let score = 0;
  let count = 0;
  for (const c of clusters) {
    available += c.availableReplicas;
    score += c.score;
    count++;
    if (count >= need && available >= target) return 1000 * target + Math.trunc(score / count);
  }
  return 1000 * available + (clusters.length === 0 ? 0 : Math.trunc(score / clusters.length));
}

/**
 * Karmada's SelectBestClusters (`pkg/scheduler/core/spreadconstraint/`): with no spread constraints every
 * candidate; with a `cluster` constraint at most `maxGroups` members, the first in candidate order, swapping
 * in members with more room (from the last position backwards) while their room is short of `needReplicas`
 * (−1 = ignore resources); with a `region` constraint (which needs a `cluster` one) the best region
 * combination by group score, the top member of each, then the rest up to the cluster `maxGroups`.
 * Zone/provider/label constraints only filter. Errors carry Karmada's messages.
 */
export function selectBestClusters<C extends SpreadCandidate>(
  candidates: readonly C[],
  constraints: readonly SpreadConstraint[] | undefined,
  needReplicas: number,
  workload: SpreadWorkload,
): SpreadSelection<C> {
  const sorted = [...candidates].sort(compareSpreadCandidates);
  if (constraints === undefined || constraints.length === 0) return { ok: true, clusters: sorted };
  const field = (c: SpreadConstraint): string =>
    c.spreadByField ?? (c.spreadByLabel !== undefined && c.spreadByLabel !== '' ? 'label' : 'cluster');
  const clusterC = constraints.find((c) => field(c) === 'cluster');
  const regionC = constraints.find((c) => field(c) === 'region');
  if (clusterC === undefined && regionC === undefined) {
    return { ok: false, reason: 'just support cluster and region spread constraint' };
  }
  const cMin = Math.max(1, clusterC?.minGroups ?? 1);
  const cMax = clusterC?.maxGroups ?? 0;

  if (regionC !== undefined) {
    const rMin = Math.max(1, regionC.minGroups ?? 1);
    const rMax = regionC.maxGroups ?? 0;
    const regions = new Map<string, C[]>();
    for (const c of sorted) {
      const r = c.region ?? '';
      if (r === '') continue;
      const list = regions.get(r);
      if (list === undefined) regions.set(r, [c]);
      else list.push(c);
    }
    if (regions.size < rMin) {
      return { ok: false, reason: 'the number of feasible region is less than spreadConstraint.MinGroups' };
    }
    const groups = [...regions].map(([name, list]) => ({
      name,
      value: list.length,
      weight: groupScore(list, workload, rMin, cMin),
    }));
    const chosen = selectGroups(groups, rMin, rMax, cMin);
    if (chosen === undefined) {
      return { ok: false, reason: 'the number of clusters is less than the cluster spreadConstraint.MinGroups' };
    }
    const picked: C[] = [];
    const rest: C[] = [];
    for (const g of chosen) {
      const list = regions.get(g.name)!;
      picked.push(list[0]!);
      rest.push(...list.slice(1));
    }
    const needCnt = Math.min(picked.length + rest.length, cMax);
    rest.sort(compareSpreadCandidates);
    for (let i = 0; picked.length < needCnt && i < rest.length; i++) picked.push(rest[i]!);
    return { ok: true, clusters: picked };
  }

  if (sorted.length < cMin) {
    return { ok: false, reason: 'the number of feasible clusters is less than spreadConstraint.MinGroups' };
  }
  const n = Math.min(sorted.length, cMax);
  const selected = sorted.slice(0, n);
  if (needReplicas < 0) return { ok: true, clusters: selected };
  const unselected = sorted.slice(n);
  const total = (): number => selected.reduce((s, c) => s + c.availableReplicas, 0);
  for (let p = selected.length - 1; p >= 0 && total() < needReplicas; p--) {
    let best = -1;
    for (let u = 0; u < unselected.length; u++) {
      if (unselected[u]!.availableReplicas > selected[p]!.availableReplicas) {
        if (best < 0 || unselected[u]!.availableReplicas > unselected[best]!.availableReplicas) best = u;
      }
    }
    if (best >= 0) {
      const out = selected[p]!;
      selected[p] = unselected[best]!;
      unselected[best] = out;
    }
  }
  if (total() < needReplicas) return { ok: false, reason: `no enough resource when selecting ${n} clusters` };
  return { ok: true, clusters: selected };
}
