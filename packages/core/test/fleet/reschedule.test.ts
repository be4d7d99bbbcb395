import { describe, expect, it } from 'vitest';
import type { FleetDispatch, FleetSnapshot } from '../../src/fleet/index.js';
import {
  checkRescheduleTimeout,
  DEFAULT_RESCHEDULE_TIMEOUT_MS,
  releaseReservations,
  scheduleOnFleet,
  withReservations,
} from '../../src/fleet/index.js';
import { beNode, member, sparkApp, sparkappPolicy, sparkPiComponents } from './helpers.js';

const dispatch: FleetDispatch = {
  owner: 'SparkApplication/spark/spark-pi',
  member: 'member-a',
  dispatchedAtMs: 10_000,
  failedMembers: [],
  attempts: [],
};

describe('checkRescheduleTimeout', () => {
  it('waits until the timeout (default 300 s), then reclaims', () => {
    expect(DEFAULT_RESCHEDULE_TIMEOUT_MS).toBe(300_000);
    expect(checkRescheduleTimeout(dispatch, 309_999)).toEqual({
      kind: 'pending',
      member: 'member-a',
      deadlineMs: 310_000,
      remainingMs: 1,
    });
    const r = checkRescheduleTimeout(dispatch, 310_000);
    expect(r).toEqual({
      kind: 'reclaim',
      owner: 'SparkApplication/spark/spark-pi',
      member: 'member-a',
      reclaimedAtMs: 310_000,
      reason:
        'driver did not start within 300 s of dispatch to member-a (dispatched at 10000 ms, reclaimed at 310000 ms)',
      failedMembers: ['member-a'],
      attempts: [
        {
          member: 'member-a',
          dispatchedAtMs: 10_000,
          reclaimedAtMs: 310_000,
          reason:
            'driver did not start within 300 s of dispatch to member-a (dispatched at 10000 ms, reclaimed at 310000 ms)',
        },
      ],
    });
  });

  it('does nothing once the driver started, and honours a custom timeout', () => {
    expect(checkRescheduleTimeout({ ...dispatch, driverStartedAtMs: 12_000 }, 900_000)).toEqual({
      kind: 'started',
      member: 'member-a',
      startedAtMs: 12_000,
    });
    expect(checkRescheduleTimeout(dispatch, 70_000, { rescheduleTimeoutMs: 60_000 }).kind).toBe('reclaim');
    // A start reported for the future is not a start yet.
    expect(checkRescheduleTimeout({ ...dispatch, driverStartedAtMs: 400_000 }, 350_000).kind).toBe('reclaim');
  });
});

describe('a driver that cannot start is rescheduled after the timeout', () => {
  // member-a looks roomier in the synced snapshot (so it is chosen first) but its driver never starts.
  const fleet: FleetSnapshot = {
    members: [member('member-a', [beNode('a-1', 8, 16)]), member('member-b', [beNode('b-1', 4, 8)])],
  };
  const app = sparkApp('spark-pi', sparkPiComponents(1));
  const policies = [sparkappPolicy(['member-a', 'member-b'])];

  it('moves the application to the other member and records the attempt', () => {
    const first = scheduleOnFleet(fleet, app, policies, { nowMs: 0 });
    expect(first.kind).toBe('scheduled');
    if (first.kind !== 'scheduled' || first.dispatch === undefined) return;
    expect(first.targetClusters[0]!.name).toBe('member-a');
    let view = withReservations(fleet, first.reservations);

    expect(checkRescheduleTimeout(first.dispatch, 299_999).kind).toBe('pending');
    const check = checkRescheduleTimeout(first.dispatch, 300_000);
    expect(check.kind).toBe('reclaim');
    if (check.kind !== 'reclaim') return;
    // Reclaim: the pods go (the simulator's job) and the holds in member-a are released.
    view = releaseReservations(view, check.owner, check.member);
    expect(view.members[0]!.reservations).toEqual([]);

    const second = scheduleOnFleet(view, app, policies, {
      nowMs: 300_000,
      failedMembers: check.failedMembers,
      attempts: check.attempts,
    });
    expect(second.kind).toBe('scheduled');
    if (second.kind !== 'scheduled') return;
    expect(second.message).toBe(
      'Binding has been scheduled successfully. Result: {member-b:0,[{driver 1} {executor 1}]}',
    );
    expect(second.verdicts).toEqual([
      {
        member: 'member-a',
        outcome: 'excluded',
        reason: 'the job was reclaimed from this member after its driver did not start; another member is tried first',
      },
      { member: 'member-b', outcome: 'chosen', score: 1 }, // 4 idle cores: one more copy after this one
    ]);
    expect(second.dispatch).toEqual({
      owner: 'SparkApplication/spark/spark-pi',
      member: 'member-b',
      dispatchedAtMs: 300_000,
      failedMembers: ['member-a'],
      attempts: check.attempts,
    });
  });

  it('retries a failed member only when no other member qualifies', () => {
    const small: FleetSnapshot = {
      members: [member('member-a', [beNode('a-1', 8, 16)]), member('member-b', [beNode('b-1', 1, 8)])],
    };
    const d = scheduleOnFleet(small, app, policies, { nowMs: 300_000, failedMembers: ['member-a'] });
    expect(d.kind === 'scheduled' && d.targetClusters[0]!.name).toBe('member-a');
    expect(d.kind === 'scheduled' && d.verdicts[0]!.reason).toMatch(/retried: the job failed to start here before/);
    // And waits when nothing qualifies at all.
    const none: FleetSnapshot = {
      members: [member('member-a', [beNode('a-1', 1, 16)]), member('member-b', [beNode('b-1', 1, 8)])],
    };
    const w = scheduleOnFleet(none, app, policies, { nowMs: 300_000, failedMembers: ['member-a'], attempts: [] });
    expect(w.kind).toBe('waiting');
  });
});
