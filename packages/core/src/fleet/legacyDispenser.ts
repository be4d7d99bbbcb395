import type { TargetCluster } from './types.js';

/**
 * One weight entry of Karmada's pre-1.16 dispenser (`ClusterWeightInfo`): the cluster, its weight (a static
 * weight or its available replicas) and the replicas it held in the previous result (`LastReplicas`, used only
 * to order equal weights).
 */
export interface LegacyWeight {
  /** Member name. */
  readonly name: string;
  /** Weight (≥ 0). */
  readonly weight: number;
  /** Replicas the member had in the previous result. */
  readonly lastReplicas: number;
}

/**
 * Order of two legacy weight entries that have the same weight and the same previous replicas: negative when
 * `a` comes first. Karmada v1.8–v1.15 flips a `crypto/rand` coin here; Gleaner's core has no randomness, so
 * the default is name ascending (Karmada's rule before v1.8). Pass a comparator built on a seeded generator
 * to reproduce the coin flips statistically.
 */
export type LegacyTieOrder = (a: LegacyWeight, b: LegacyWeight) => number;

/** The default {@link LegacyTieOrder}: name ascending. */
export const legacyNameOrder: LegacyTieOrder = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** ⌊a·b / c⌋ for non-negative integers, exact even when a·b passes 2^53. */
function mulDivFloor(a: number, b: number, c: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) return Math.floor(p / c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/**
 * The dispenser of Karmada v1.8–v1.15 (`pkg/util/helper/binding.go` `Dispenser.TakeByWeight` at v1.15.0):
 * sort the entries by weight descending, then previous replicas descending, then `tieOrder`; give each
 * ⌊weight·N / Σweight⌋ replicas; hand the remainder out one each from the head of the sorted list; add the
 * result onto `init` (Karmada's `MergeTargetClusters`). A zero weight sum changes nothing. Known defects that
 * motivated the Webster method: not monotone in N, remainders always to the heaviest clusters.
 *
 * Returns the merged assignment in name order (entries with 0 replicas included).
 */
export function takeByWeightLegacy(
  replicas: number,
  weights: readonly LegacyWeight[],
  init: readonly TargetCluster[] = [],
  tieOrder: LegacyTieOrder = legacyNameOrder,
): TargetCluster[] {
  const merged = new Map<string, number>();
  for (const t of init) merged.set(t.name, (merged.get(t.name) ?? 0) + t.replicas);
  let sum = 0;
  for (const w of weights) sum += w.weight;
  if (!(replicas === 0 && init.length > 0) && sum > 0) {
    const sorted = [...weights].sort((a, b) => {
      if (a.weight !== b.weight) return b.weight - a.weight;
      if (a.lastReplicas !== b.lastReplicas) return b.lastReplicas - a.lastReplicas;
      return tieOrder(a, b);
    });
    const share = sorted.map((w) => mulDivFloor(w.weight, replicas, sum));
    let remain = replicas;
    for (const s of share) remain -= s;
    for (let i = 0; i < share.length && remain > 0; i++, remain--) share[i]!++;
    for (let i = 0; i < sorted.length; i++) {
      const w = sorted[i]!;
      merged.set(w.name, (merged.get(w.name) ?? 0) + share[i]!);
    }
  }
  return [...merged]
    .map(([name, r]) => ({ name, replicas: r }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
