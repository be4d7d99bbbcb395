import { fnv1a32 } from './fnv.js';

/**
 * One party of a Webster (Sainte-Laguë) apportionment: in Karmada a member cluster, its `votes` the cluster's
 * weight (a static weight, or available replicas under dynamic weighting) and its `seats` the replicas it holds.
 */
export interface WebsterParty {
  /** Party (member) name. */
  readonly name: string;
  /** Votes (weight), ≥ 0. */
  readonly votes: number;
  /** Seats (replicas) held. */
  readonly seats: number;
}

/**
 * Decides a tie between two parties of equal Webster priority: `true` when `a` gets the next seat before `b`.
 * It must be a strict order (never `true` both ways) so the result does not depend on heap layout.
 */
export type WebsterTieBreaker = (a: WebsterParty, b: WebsterParty) => boolean;

/**
 * Karmada's tie rule for Webster: the party holding fewer seats wins; with equal seats, names decide in
 * ascending order, or in descending order when `descending` is true (`pkg/util/helper/webstermethod.go`).
 */
export function fewerSeatsThenName(descending: boolean): WebsterTieBreaker {
  return (a, b) => {
    if (a.seats !== b.seats) return a.seats < b.seats;
    return descending ? a.name > b.name : a.name < b.name;
  };
}

/**
 * The tie breaker Karmada ≥ 1.16 derives from a binding's resource UID (`pkg/util/helper/binding.go`): fewer
 * seats first, then names ascending when the UID is empty or its FNV-1a-32 hash is even, descending when it
 * is odd — so that ties do not always favour the same cluster across workloads.
 */
export function tieBreakerForUid(uid: string | undefined): WebsterTieBreaker {
  const descending = uid !== undefined && uid !== '' && fnv1a32(uid) % 2 === 1;
  return fewerSeatsThenName(descending);
}

interface MutableParty {
  name: string;
  votes: number;
  seats: number;
}

/**
 * Hands out `newSeats` seats one at a time to the party with the highest priority `votes / (2·seats + 1)` (the
 * Webster / Sainte-Laguë divisor method), starting from `initialSeats`. Priorities are compared as IEEE
 * doubles, exactly as Karmada's Go code compares `float64` quotients; equal priorities go to `tieBreaker`
 * (default: {@link fewerSeatsThenName} ascending). Parties are the union of `votes` and `initialSeats` (a
 * party only in `initialSeats` has 0 votes and keeps its seats). Returns every party, sorted by name
 * ascending, including those with 0 seats. Integer seat counts; `newSeats` ≤ 0 hands out nothing.
 *
 * Source: `pkg/util/helper/webstermethod.go` (`AllocateWebsterSeats`).
 *
 * @example
 * allocateWebsterSeats(14, new Map([['m1', 3], ['m2', 2], ['m3', 1]]));
 * // → m1 7, m2 5, m3 2 (the v1.16 release example)
 */
export function allocateWebsterSeats(
  newSeats: number,
  votes: ReadonlyMap<string, number>,
  initialSeats: ReadonlyMap<string, number> = new Map(),
  tieBreaker: WebsterTieBreaker = fewerSeatsThenName(false),
): WebsterParty[] {
  const byName = new Map<string, MutableParty>();
  for (const [name, seats] of initialSeats) byName.set(name, { name, votes: 0, seats });
  for (const [name, v] of votes) {
    const p = byName.get(name);
    if (p !== undefined) p.votes = v;
    else byName.set(name, { name, votes: v, seats: 0 });
  }
  const heap = [...byName.values()];
  if (heap.length === 0) return [];

  // `better(a, b)`: a is served before b.
  const better = (a: MutableParty, b: MutableParty): boolean => {
    const pa = a.votes / (2 * a.seats + 1);
    const pb = b.votes / (2 * b.seats + 1);
    if (pa !== pb) return pa > pb;
    return tieBreaker(a, b);
  };
  const siftDown = (start: number): void => {
    let i = start;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < n && better(heap[l]!, heap[best]!)) best = l;
      if (r < n && better(heap[r]!, heap[best]!)) best = r;
      if (best === i) return;
      const tmp = heap[i]!;
      heap[i] = heap[best]!;
      heap[best] = tmp;
      i = best;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
  for (let remaining = newSeats; remaining > 0; remaining--) {
    heap[0]!.seats++; // the top party takes a seat; its priority only falls, so it sinks
    siftDown(0);
  }
  return heap
    .map((p) => ({ name: p.name, votes: p.votes, seats: p.seats }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
