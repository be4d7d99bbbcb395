import type { KubernetesVersion } from '../model/index.js';
import { compareKubernetesVersions, formatKubernetesVersion, parseKubernetesVersion } from '../model/index.js';
import { PODS } from '../resources/index.js';
import type { FleetComponent, FleetReservation, MemberSnapshot, NodePlacement } from './types.js';

/**
 * Default lowest member Kubernetes version that gets preoccupation: ACK One documents "for member clusters
 * running Kubernetes 1.28 or later, the Fleet instance supports resource preoccupation".
 */
export const DEFAULT_PREOCCUPATION_MIN_VERSION = '1.28';

/**
 * Default time a preoccupation hold lives, in ms: 600 s. **Assumption** (ACK does not document it): long
 * enough to cover the 300 s reschedule timeout during which the fleet waits for the driver, plus the
 * executor ramp-up after it; it matches Karmada's application-failover `gracePeriodSeconds` default (600)
 * and the 600 s gang wait time of the in-member coscheduling. Holds are consumed earlier by the
 * application's own pods and released at once when the fleet reclaims the application.
 */
export const DEFAULT_PREOCCUPATION_TTL_MS = 600_000;

/** What a preoccupation model gets at dispatch: the member, the application and its node-level fit. */
export interface PreoccupationRequest {
  /** The member the job is dispatched to. */
  readonly member: MemberSnapshot;
  /** {@link fleetResourceKey} of the application. */
  readonly owner: string;
  /** The job's components (their per-pod requests are what is held). */
  readonly components: readonly FleetComponent[];
  /** Where the fleet's node-level fit put each pod (the holds follow it node by node). */
  readonly placements: readonly NodePlacement[];
  /** Dispatch time, ms. */
  readonly nowMs: number;
}

/**
 * The mechanism behind ACK One Fleet's "resource preoccupation", kept behind one interface because ACK does not
 * document it (candidates: Koordinator `Reservation` objects owned by the job's pods, or pods created with
 * scheduling gates). A model decides which members get holds and what they hold; the fleet makes other
 * decisions see the holds as used, and the application's own pods consume them
 * (see `consumeReservation`).
 */
export interface PreoccupationModel {
  /** Short name for reports. */
  readonly name: string;
  /** Whether dispatching to `member` places holds. */
  supports(member: MemberSnapshot): boolean;
  /** The holds to place for a dispatch (empty when the member is not supported). */
  reserve(request: PreoccupationRequest): FleetReservation[];
}

/** Options of {@link ttlPreoccupation}. */
export interface TtlPreoccupationOptions {
  /** Lowest member version that gets holds (`"1.28"` or a parsed version). Default {@link DEFAULT_PREOCCUPATION_MIN_VERSION}. */
  readonly minVersion?: string | KubernetesVersion;
  /** Hold lifetime in ms. Default {@link DEFAULT_PREOCCUPATION_TTL_MS}. */
  readonly ttlMs?: number;
}

function toVersion(v: string | KubernetesVersion): KubernetesVersion {
  if (typeof v !== 'string') return v;
  const parsed = parseKubernetesVersion(v);
  if (parsed === undefined) throw new RangeError(`ttlPreoccupation: minVersion "${v}" is not a Kubernetes version`);
  return parsed;
}

/**
 * Gleaner's default preoccupation model. Assumptions (ACK is silent on each): members at or above
 * `minVersion` get holds; at dispatch the fleet holds, on each node its node-level fit chose, exactly the
 * requests of the application's pods placed there (driver and all executors — the whole Gang) plus their pod
 * slots; a hold lives `ttlMs` from dispatch unless consumed or released sooner; holds behave like Koordinator
 * `Reservation`s with `allocateOnce: false` (every owner pod consumes from them).
 */
export function ttlPreoccupation(options: TtlPreoccupationOptions = {}): PreoccupationModel {
  const minVersion = toVersion(options.minVersion ?? DEFAULT_PREOCCUPATION_MIN_VERSION);
  const ttlMs = options.ttlMs ?? DEFAULT_PREOCCUPATION_TTL_MS;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`ttlPreoccupation: ttlMs must be a positive number of ms, got ${ttlMs}`);
  }
  const supports = (member: MemberSnapshot): boolean =>
    compareKubernetesVersions(member.kubernetesVersion, minVersion) >= 0;
  return {
    name: `ttl(≥${formatKubernetesVersion(minVersion)}, ${ttlMs} ms)`,
    supports,
    reserve(request) {
      if (!supports(request.member)) return [];
      const byName = new Map(request.components.map((c) => [c.name, c.replicaRequirements.resourceRequest]));
      const perNode = new Map<string, Record<string, number>>();
      for (const p of request.placements) {
        let held = perNode.get(p.node);
        if (held === undefined) {
          held = {};
          perNode.set(p.node, held);
        }
        const req = byName.get(p.component) ?? {};
        for (const name in req) if (name !== PODS) held[name] = (held[name] ?? 0) + req[name]! * p.replicas;
        held[PODS] = (held[PODS] ?? 0) + p.replicas;
      }
      return [...perNode].map(([node, resources]) => ({
        owner: request.owner,
        member: request.member.name,
        node,
        resources,
        createdAtMs: request.nowMs,
        expiresAtMs: request.nowMs + ttlMs,
      }));
    },
  };
}

/** A model with no preoccupation at all (upstream Karmada: nothing is held between decision and pod creation). */
export const noPreoccupation: PreoccupationModel = {
  name: 'none',
  supports: () => false,
  reserve: () => [],
};
