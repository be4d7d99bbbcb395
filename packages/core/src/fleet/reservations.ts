import type { ResourceList } from '../resources/index.js';
import { PODS } from '../resources/index.js';
import type { FleetReservation, FleetSnapshot, MemberSnapshot } from './types.js';

/** Whether a reservation still holds its resources at `nowMs` (ms): until its `expiresAtMs`, exclusive. */
export function isReservationHeld(reservation: FleetReservation, nowMs: number): boolean {
  return reservation.expiresAtMs > nowMs;
}

/**
 * The reservations of a member that other decisions must see as used at `nowMs`: those still held and not
 * owned by `exceptOwner` (the application being scheduled may use its own holds).
 */
export function heldReservations(member: MemberSnapshot, nowMs: number, exceptOwner?: string): FleetReservation[] {
  const out: FleetReservation[] = [];
  for (const r of member.reservations) {
    if (r.owner !== exceptOwner && r.member === member.name && isReservationHeld(r, nowMs)) out.push(r);
  }
  return out;
}

/** Σ of the held amounts of `reservations` (integer units, with the `pods` count). */
export function sumReservations(reservations: readonly FleetReservation[]): ResourceList {
  const out: Record<string, number> = {};
  for (const r of reservations) for (const name in r.resources) out[name] = (out[name] ?? 0) + r.resources[name]!;
  return out;
}

function mapMembers(snapshot: FleetSnapshot, f: (m: MemberSnapshot) => MemberSnapshot): FleetSnapshot {
  return { ...snapshot, members: snapshot.members.map(f) };
}

/**
 * A copy of the fleet snapshot with `reservations` added to their members (what dispatching a decision does
 * to the fleet's own view). Node lists keep their identity so cached indexes stay valid; the input is not
 * mutated. Reservations naming an unknown member are ignored.
 */
export function withReservations(snapshot: FleetSnapshot, reservations: readonly FleetReservation[]): FleetSnapshot {
  if (reservations.length === 0) return snapshot;
  return mapMembers(snapshot, (m) => {
    const add = reservations.filter((r) => r.member === m.name);
    return add.length === 0 ? m : { ...m, reservations: [...m.reservations, ...add] };
  });
}

/**
 * A copy of the fleet snapshot without the reservations of `owner` (in `member` only, when given): what the
 * fleet does when it reclaims an application or when the application finishes.
 */
export function releaseReservations(snapshot: FleetSnapshot, owner: string, member?: string): FleetSnapshot {
  return mapMembers(snapshot, (m) => {
    if (member !== undefined && m.name !== member) return m;
    if (!m.reservations.some((r) => r.owner === owner)) return m;
    return { ...m, reservations: m.reservations.filter((r) => r.owner !== owner) };
  });
}

/** A copy of the fleet snapshot without the reservations that have expired at `nowMs`. */
export function expireReservations(snapshot: FleetSnapshot, nowMs: number): FleetSnapshot {
  return mapMembers(snapshot, (m) =>
    m.reservations.every((r) => isReservationHeld(r, nowMs))
      ? m
      : { ...m, reservations: m.reservations.filter((r) => isReservationHeld(r, nowMs)) },
  );
}

/**
 * The reservations after one of `owner`'s pods (with `podRequests`, integer units) started on `node` of
 * `member`: the hold on that node shrinks by the pod's requests and one pod slot (floored at 0) and disappears
 * when nothing is left. Assumption (ACK does not say): a pod that lands on a node without a hold of its owner
 * consumes the owner's first hold in that member instead, so holds never outlive the pods they were for.
 * Returns a new list; unchanged when the owner holds nothing in that member.
 */
export function consumeReservation(
  reservations: readonly FleetReservation[],
  owner: string,
  member: string,
  node: string,
  podRequests: ResourceList,
): FleetReservation[] {
  let at = reservations.findIndex((r) => r.owner === owner && r.member === member && r.node === node);
  if (at < 0) at = reservations.findIndex((r) => r.owner === owner && r.member === member);
  if (at < 0) return [...reservations];
  const r = reservations[at]!;
  const left: Record<string, number> = {};
  let any = false;
  for (const name in r.resources) {
    const use = name === PODS ? 1 : (podRequests[name] ?? 0);
    const v = Math.max(0, r.resources[name]! - use);
    left[name] = v;
    if (v > 0) any = true;
  }
  const out = [...reservations];
  if (any && (left[PODS] ?? 1) > 0) out[at] = { ...r, resources: left };
  else out.splice(at, 1);
  return out;
}
