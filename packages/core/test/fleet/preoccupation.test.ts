import { describe, expect, it } from 'vitest';
import type { FleetDecision, FleetSnapshot } from '../../src/fleet/index.js';
import {
  consumeReservation,
  DEFAULT_PREOCCUPATION_TTL_MS,
  expireReservations,
  noPreoccupation,
  scheduleOnFleet,
  ttlPreoccupation,
  withReservations,
} from '../../src/fleet/index.js';
import { BATCH_CPU, BATCH_MEMORY, beNode, Mi, member, sparkApp, sparkappPolicy, sparkPiComponents } from './helpers.js';

// Two members synced at t = 0, each with room for exactly one spark-pi (2 batch cores, 4 GiB).
const fleet: FleetSnapshot = {
  members: [
    member('old', [beNode('old-1', 2, 4)], { kubernetesVersion: { major: 1, minor: 26 } }),
    member('new', [beNode('new-1', 2, 4)], { kubernetesVersion: { major: 1, minor: 28 } }),
  ],
};
const app = (name: string) => sparkApp(name, sparkPiComponents(1));
const target = (d: FleetDecision) => (d.kind === 'scheduled' ? d.targetClusters[0]!.name : d.kind);

describe('preoccupation under concurrent decisions against one synced snapshot', () => {
  it('does not protect a member below 1.28: both decisions land on it (oversubscribed)', () => {
    const policies = [sparkappPolicy(['old'])];
    const first = scheduleOnFleet(fleet, app('job-1'), policies, { nowMs: 1000 });
    expect(target(first)).toBe('old');
    expect(first.kind === 'scheduled' && first.reservations).toEqual([]);
    // The fleet applies the decision (no holds) and decides again before the next sync.
    const view = withReservations(fleet, first.kind === 'scheduled' ? first.reservations : []);
    const second = scheduleOnFleet(view, app('job-2'), policies, { nowMs: 1001 });
    expect(target(second)).toBe('old');
  });

  it('protects a member at 1.28: the first decision’s hold is visible to the second, which waits', () => {
    const policies = [sparkappPolicy(['new'])];
    const first = scheduleOnFleet(fleet, app('job-1'), policies, { nowMs: 1000 });
    expect(target(first)).toBe('new');
    if (first.kind !== 'scheduled') return;
    expect(first.reservations).toHaveLength(1);
    const view = withReservations(fleet, first.reservations);
    const second = scheduleOnFleet(view, app('job-2'), policies, { nowMs: 1001 });
    expect(second.kind).toBe('waiting');
    expect(second.kind === 'waiting' && second.reasons[0]!.reason).toBe(
      'insufficient kubernetes.io/batch-cpu (needs 2, 0 idle)',
    );
    // Once the hold's TTL has passed it no longer counts.
    const later = scheduleOnFleet(view, app('job-2'), policies, { nowMs: 1000 + DEFAULT_PREOCCUPATION_TTL_MS });
    expect(target(later)).toBe('new');
  });

  it('with both members: the held 1.28 member is skipped, only the old one can be oversubscribed', () => {
    const policies = [sparkappPolicy(['old', 'new'])];
    const first = scheduleOnFleet(fleet, app('job-1'), policies, { nowMs: 0 });
    expect(target(first)).toBe('new'); // equal room: name order
    const view = withReservations(fleet, first.kind === 'scheduled' ? first.reservations : []);
    const second = scheduleOnFleet(view, app('job-2'), policies, { nowMs: 1 });
    expect(target(second)).toBe('old');
    const view2 = withReservations(view, second.kind === 'scheduled' ? second.reservations : []);
    const third = scheduleOnFleet(view2, app('job-3'), policies, { nowMs: 2 });
    expect(target(third)).toBe('old'); // nothing held on 'old': the stale snapshot still shows room
  });

  it('takes the minimum version and TTL as parameters', () => {
    const policies = [sparkappPolicy(['old'])];
    const d = scheduleOnFleet(fleet, app('job-1'), policies, {
      nowMs: 0,
      preoccupationMinVersion: '1.26',
      preoccupationTtlMs: 5000,
    });
    expect(d.kind === 'scheduled' && d.reservations.map((r) => [r.member, r.expiresAtMs])).toEqual([['old', 5000]]);
    const none = scheduleOnFleet(fleet, app('job-1'), [sparkappPolicy(['new'])], {
      nowMs: 0,
      preoccupation: noPreoccupation,
    });
    expect(none.kind === 'scheduled' && none.reservations).toEqual([]);
    expect(() => ttlPreoccupation({ minVersion: 'latest' })).toThrow(/minVersion "latest"/);
    expect(() => ttlPreoccupation({ ttlMs: 0 })).toThrow(RangeError);
  });

  it('lets the owner’s own pods use its hold', () => {
    const policies = [sparkappPolicy(['new'])];
    const first = scheduleOnFleet(fleet, app('job-1'), policies, { nowMs: 0 });
    const view = withReservations(fleet, first.kind === 'scheduled' ? first.reservations : []);
    // Rescheduling the same application (same owner) is not blocked by its own hold.
    expect(target(scheduleOnFleet(view, app('job-1'), policies, { nowMs: 1 }))).toBe('new');
  });
});

describe('reservation bookkeeping', () => {
  const hold = {
    owner: 'SparkApplication/spark/job-1',
    member: 'new',
    node: 'new-1',
    resources: { [BATCH_CPU]: 2000, [BATCH_MEMORY]: 2304 * Mi, pods: 2 },
    createdAtMs: 0,
    expiresAtMs: 600_000,
  };

  it('shrinks a hold as the owner’s pods start and removes it when used up', () => {
    const afterDriver = consumeReservation([hold], hold.owner, 'new', 'new-1', {
      [BATCH_CPU]: 1000,
      [BATCH_MEMORY]: 896 * Mi,
    });
    expect(afterDriver).toEqual([{ ...hold, resources: { [BATCH_CPU]: 1000, [BATCH_MEMORY]: 1408 * Mi, pods: 1 } }]);
    const afterExecutor = consumeReservation(afterDriver, hold.owner, 'new', 'other-node', {
      [BATCH_CPU]: 1000,
      [BATCH_MEMORY]: 1408 * Mi,
    });
    expect(afterExecutor).toEqual([]);
    expect(consumeReservation([hold], 'someone-else', 'new', 'new-1', {})).toEqual([hold]);
  });

  it('drops expired holds from a snapshot without touching node lists', () => {
    const view = withReservations(fleet, [hold]);
    expect(view.members[1]!.reservations).toEqual([hold]);
    expect(view.members[1]!.nodes).toBe(fleet.members[1]!.nodes);
    expect(expireReservations(view, 600_000).members[1]!.reservations).toEqual([]);
    expect(expireReservations(view, 599_999).members[1]!.reservations).toEqual([hold]);
  });
});
