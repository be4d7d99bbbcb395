import type { FleetSnapshot } from '@gleaner/core';
import { describe, expect, it } from 'vitest';
import { Phase } from '../../src/engine/index.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { buildWorld } from '../../src/world/buildWorld.js';
import { World } from '../../src/world/World.js';
import { scenarioOf, sparkApp } from './helpers.js';

// Preoccupation is a property of the member's Kubernetes version (≥ 1.28 by default): at dispatch the fleet
// holds the job's resources in the member until its pods take them, so a burst of concurrent decisions,
// made on a member view that is only refreshed every sync period, does not pile onto the same capacity.
// Two identical members, one on 1.28 and one on 1.26; eight applications arrive in the same millisecond.

const BURST_MS = 65_000; // between two fleet syncs (every 10 s)
const pool = {
  name: 'pool',
  count: 2,
  capacity: { cpu: '16', memory: '64Gi', pods: 110 },
  online: {
    podsPerNode: 2,
    requests: { cpu: '4', memory: '16Gi' },
    cpu: { constant: 0.2 },
    memory: { constant: 0.3 },
  },
};
const input: ScenarioInput = {
  name: 'burst',
  seed: 5,
  duration: '40m',
  fleet: {
    members: [
      { name: 'new-128', kubernetesVersion: '1.28', nodePools: [pool] },
      { name: 'old-126', kubernetesVersion: '1.26', nodePools: [pool] },
    ],
  },
  workloads: [
    {
      name: 'burst',
      application: 'burst',
      arrival: { type: 'fixed', at: Array.from({ length: 8 }, () => `${BURST_MS}ms`) },
      workCoreSeconds: 600,
    },
  ],
  fleetScheduler: { rescheduleTimeout: '120s' },
};

describe('preoccupation under a burst of concurrent submissions', async () => {
  const scenario = scenarioOf(input, { burst: sparkApp('burst', { executors: 4 }) });
  // The hook: the world's own fleet view (`fleetSnapshot`, what the global scheduler decides on), read at
  // the end of the burst's millisecond, after every dispatch decision of the burst was made.
  const built = await buildWorld(scenario);
  if (!built.ok) throw new Error('scenario did not build');
  const world = new World(built.config);
  let view: FleetSnapshot | undefined;
  world.engine.schedule(BURST_MS, Phase.OBSERVE, () => {
    view = world.fleetSnapshot();
  });
  world.run();
  const events = world.metrics.events;
  const dispatches = (member: string) =>
    events.filter((e) => e.type === 'dispatch' && e.tMs === BURST_MS && e.member === member).map((e) => e.job);

  it('dispatches the burst to both members', () => {
    expect(dispatches('new-128').length).toBeGreaterThan(0);
    expect(dispatches('old-126').length).toBeGreaterThan(0);
    expect(dispatches('new-128').length + dispatches('old-126').length).toBe(8);
  });

  it('holds resources only in the 1.28 member, one hold per node per job dispatched there', () => {
    const held = (member: string) => view!.members.find((m) => m.name === member)!.reservations;
    expect(held('old-126')).toEqual([]);
    const jobs = new Set(dispatches('new-128'));
    expect(held('new-128').length).toBeGreaterThanOrEqual(jobs.size);
    for (const r of held('new-128')) expect(r.member).toBe('new-128');
  });

  it('piles the rest onto the 1.26 member beyond what its synced view has room for', () => {
    // Jobs of 5 one-core BE pods: how many fit in a member's free batch-cpu as of the last sync.
    const room = (member: string) => {
      const m = view!.members.find((x) => x.name === member)!;
      let slots = 0;
      for (const n of m.nodes) {
        const free = (n.allocatable['kubernetes.io/batch-cpu'] ?? 0) - (n.requested['kubernetes.io/batch-cpu'] ?? 0);
        slots += Math.floor(free / 1000);
      }
      return Math.floor(slots / 5);
    };
    expect(dispatches('new-128').length).toBeLessThanOrEqual(room('new-128'));
    expect(dispatches('old-126').length).toBeGreaterThan(room('old-126'));
  });

  it('never oversubscribes the 1.28 member: its jobs start without a timeout reschedule', () => {
    const onNew = new Set(dispatches('new-128'));
    const rescheduledFromNew = events.filter((e) => e.type === 'reschedule' && e.member === 'new-128');
    expect(rescheduledFromNew).toEqual([]);
    for (const j of world.allJobs.filter((j) => onNew.has(j.app.name))) expect(j.startMs).not.toBeNull();
  });
});
