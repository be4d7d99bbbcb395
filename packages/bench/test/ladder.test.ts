import { describe, expect, it } from 'vitest';
import {
  FULL_LADDER,
  JOBS_LADDER,
  ladderRows,
  TARGET_APPS_PER_NODE_HOUR,
  targetRung,
  WEEK_TARGET,
} from '../src/macro/ladder.js';
import type { RungSpec } from '../src/macro/ladderScenario.js';
import type { RungResult } from '../src/macro/rung.js';

/** A rung result whose loop took `wallS` seconds (the other figures follow from it). */
function result(spec: RungSpec, wallS: number, rssMiB = 300): RungResult {
  const simulatedMs = spec.duration === '168h' ? 168 * 3_600_000 : 24 * 3_600_000;
  return {
    spec,
    simulatedMs,
    runWallMs: wallS * 1000,
    setupWallMs: 100,
    events: 1000,
    eventsPerSecond: 1000 / wallS,
    simSecondsPerWallSecond: simulatedMs / 1000 / wallS,
    jobsSubmitted: Math.round(((spec.arrivalsPerHour ?? 0) * simulatedMs) / 3_600_000),
    jobsCompleted: 0,
    fleetDecisions: 0,
    cpuSeconds: wallS,
    peakRssMiB: rssMiB,
    isolated: true,
  };
}

describe('the macro ladders', () => {
  it('are the week target and its doubling ladders at 20,000 applications per 10,000 nodes per week', () => {
    expect(WEEK_TARGET).toMatchObject({ nodes: 10_000, members: 10, duration: '168h' });
    expect((WEEK_TARGET.arrivalsPerHour ?? 0) * 168).toBeCloseTo(20_000, 6);
    expect(FULL_LADDER.map((r) => r.nodes)).toEqual([1250, 2500, 5000, 10_000, 20_000]);
    for (const r of FULL_LADDER) expect(r.arrivalsPerHour).toBeCloseTo(r.nodes * TARGET_APPS_PER_NODE_HOUR, 9);
    expect(JOBS_LADDER.map((r) => (r.arrivalsPerHour ?? 0) / (JOBS_LADDER[0]!.arrivalsPerHour ?? 1))).toEqual([
      1, 4, 16,
    ]);
  });

  it('fits exponent 1 to wall time doubling with nodes, and judges the week against 30 s and 2 GiB', () => {
    const nodes = FULL_LADDER.map((spec) => [result(spec, spec.nodes / 1000)]);
    const jobs = JOBS_LADDER.map((spec, i) => [result(spec, 2 + i)]);
    const rows = ladderRows(nodes, jobs, result(WEEK_TARGET, 25, 700));
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(row('sim/scaling-exponent').median).toBeCloseTo(1, 9);
    expect(row('sim/jobs-exponent').median).toBeLessThan(1);
    const week = row('sim/week-10k');
    expect(week.median).toBe(25);
    expect(week.target).toMatchObject({ met: true });
    // Seven of the 10k-node day rung (10 s each) would be 70 s: the week took 25.
    expect(week.baseline.median).toBe(70);
    expect(row('sim/week-10k-rss').target).toMatchObject({ met: true });
    const slow = ladderRows(nodes, jobs, result(targetRung(10_000, '168h'), 31, 2100));
    expect(slow.find((r) => r.id === 'sim/week-10k')!.target).toMatchObject({ met: false });
    expect(slow.find((r) => r.id === 'sim/week-10k-rss')!.target).toMatchObject({ met: false });
  });
});
