/**
 * Default time the fleet waits for a dispatched application's driver to start before it reclaims the
 * application and reschedules it elsewhere, in ms: 300 s. **Assumption**: ACK One documents the reclaim "after
 * a timeout" but not its value; 300 s is Karmada's application-failover `tolerationSeconds` default (and
 * Kueue's `waitForPodsReady.timeout`).
 */
export const DEFAULT_RESCHEDULE_TIMEOUT_MS = 300_000;

/** One earlier dispatch of an application that the fleet reclaimed. */
export interface RescheduleAttempt {
  /** The member the job was dispatched to. */
  readonly member: string;
  /** When it was dispatched, ms. */
  readonly dispatchedAtMs: number;
  /** When the fleet reclaimed it, ms. */
  readonly reclaimedAtMs: number;
  /** Why (the driver did not start in time). */
  readonly reason: string;
}

/**
 * The fleet's record of where it dispatched an application and when (ms of simulated time), what it has
 * learned about the driver since, and the history of reclaimed attempts.
 */
export interface FleetDispatch {
  /** `fleetResourceKey` of the application. */
  readonly owner: string;
  /** The member the job was dispatched to. */
  readonly member: string;
  /** When it was dispatched, ms. */
  readonly dispatchedAtMs: number;
  /** When the driver pod started running in `member`, if it has. */
  readonly driverStartedAtMs?: number;
  /** Members the application was reclaimed from, oldest first (no duplicates). */
  readonly failedMembers: readonly string[];
  /** Earlier reclaimed dispatches, oldest first. */
  readonly attempts: readonly RescheduleAttempt[];
}

/** Options of {@link checkRescheduleTimeout}. */
export interface RescheduleOptions {
  /** Default {@link DEFAULT_RESCHEDULE_TIMEOUT_MS}. */
  readonly rescheduleTimeoutMs?: number;
}

/**
 * What to do with a dispatched application at `nowMs`:
 * - `started`: its driver runs; nothing to do.
 * - `pending`: the driver has not started but the timeout has not passed; check again at `deadlineMs`.
 * - `reclaim`: the timeout passed without a driver: remove the application's pods from `member`, release its
 *   reservations there (`releaseReservations(snapshot, owner, member)`), and schedule it again with
 *   `failedMembers` / `attempts` passed to `scheduleOnFleet`, which avoids those members while another
 *   qualifies.
 */
export type RescheduleCheck =
  | {
      /** The driver runs. */
      readonly kind: 'started';
      /** The member it runs in. */
      readonly member: string;
      /** When it started, ms. */
      readonly startedAtMs: number;
    }
  | {
      /** Still within the timeout. */
      readonly kind: 'pending';
      /** The member the job waits in. */
      readonly member: string;
      /** When the timeout passes, ms. */
      readonly deadlineMs: number;
      /** ms left until `deadlineMs`. */
      readonly remainingMs: number;
    }
  | {
      /** Reclaim the job and schedule it again. */
      readonly kind: 'reclaim';
      /** The job's `fleetResourceKey` (whose reservations to release). */
      readonly owner: string;
      /** The member to remove the job's pods and holds from. */
      readonly member: string;
      /** When, ms. */
      readonly reclaimedAtMs: number;
      /** One line: the driver did not start within the timeout. */
      readonly reason: string;
      /** Members to avoid next, including this one. */
      readonly failedMembers: readonly string[];
      /** The attempt history including this one. */
      readonly attempts: readonly RescheduleAttempt[];
    };

/**
 * ACK One Fleet's timeout reschedule as a pure function: "if the driver cannot start due to insufficient
 * resources, the Fleet instance reclaims the SparkApplication after a timeout and reschedules it to another
 * member cluster". A driver counts as started once `driverStartedAtMs` ≤ `nowMs`; the deadline is
 * `dispatchedAtMs + rescheduleTimeoutMs`, reached inclusive.
 */
export function checkRescheduleTimeout(
  dispatch: FleetDispatch,
  nowMs: number,
  options: RescheduleOptions = {},
): RescheduleCheck {
  const timeout = options.rescheduleTimeoutMs ?? DEFAULT_RESCHEDULE_TIMEOUT_MS;
  if (!(timeout > 0)) throw new RangeError(`checkRescheduleTimeout: rescheduleTimeoutMs must be > 0, got ${timeout}`);
  const started = dispatch.driverStartedAtMs;
  if (started !== undefined && started <= nowMs) {
    return { kind: 'started', member: dispatch.member, startedAtMs: started };
  }
  const deadlineMs = dispatch.dispatchedAtMs + timeout;
  if (nowMs < deadlineMs) {
    return { kind: 'pending', member: dispatch.member, deadlineMs, remainingMs: deadlineMs - nowMs };
  }
  const reason = `driver did not start within ${timeout / 1000} s of dispatch to ${dispatch.member} (dispatched at ${dispatch.dispatchedAtMs} ms, reclaimed at ${nowMs} ms)`;
  const failedMembers = dispatch.failedMembers.includes(dispatch.member)
    ? dispatch.failedMembers
    : [...dispatch.failedMembers, dispatch.member];
  return {
    kind: 'reclaim',
    owner: dispatch.owner,
    member: dispatch.member,
    reclaimedAtMs: nowMs,
    reason,
    failedMembers,
    attempts: [
      ...dispatch.attempts,
      { member: dispatch.member, dispatchedAtMs: dispatch.dispatchedAtMs, reclaimedAtMs: nowMs, reason },
    ],
  };
}
