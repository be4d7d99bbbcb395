import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { buildWorld } from '../../src/world/buildWorld.js';
import { summarise } from '../../src/world/summarise.js';
import { World } from '../../src/world/World.js';
import { min, scenarioOf, sparkApp } from './helpers.js';

// An application the Spark Operator cannot turn into pods (its PriorityClass does not exist): a workload
// whose template is like that is a scenario error, said before the run; an application that still fails at
// submission ends FAILED at once and keeps its record, so every submitted application stays accounted for.

const input: ScenarioInput = {
  name: 'submission-failure',
  seed: 3,
  duration: '30m',
  sampleInterval: '5m',
  fleet: {
    members: [
      {
        name: 'cluster-a',
        kubernetesVersion: '1.28',
        nodePools: [{ name: 'pool', count: 2, capacity: { cpu: '16', memory: '64Gi', pods: 110 } }],
      },
    ],
  },
  workloads: [{ name: 'etl', application: 'etl', arrival: { type: 'fixed', at: ['1m', '2m'] }, workCoreSeconds: 60 }],
};

describe('applications that cannot be turned into pods', () => {
  it('a workload whose SparkApplication names an unknown PriorityClass is a scenario error', async () => {
    const scenario = scenarioOf(input, { etl: sparkApp('etl', { executorPriorityClass: 'no-such-class' }) });
    const built = await buildWorld(scenario);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.issues).toHaveLength(1);
    expect(built.issues[0]!.path).toEqual(['workloads', 0, 'application']);
    expect(built.issues[0]!.message).toMatch(/workload "etl".*no-such-class/);
  });

  it('one failing at submission is recorded FAILED at its submit time and counted', async () => {
    const built = await buildWorld(scenarioOf(input, { etl: sparkApp('etl') }));
    if (!built.ok) throw new Error('scenario did not build');
    // The second arrival's application names a PriorityClass the fleet does not have.
    const [good, second] = built.config.arrivals;
    const bad = { ...second!, app: sparkApp(second!.app.name, { driverPriorityClass: 'no-such-class' }) };
    const world = new World({ ...built.config, arrivals: [good!, bad] });
    world.run();
    const jobs = world.jobRecords();
    expect(jobs.map((j) => [j.name, j.state])).toEqual([
      [good!.app.name, 'COMPLETED'],
      [bad.app.name, 'FAILED'],
    ]);
    expect(jobs[1]).toMatchObject({ submitMs: min(2), finishMs: min(2), startMs: null, attempts: 0, member: null });
    const failed = world.metrics.events.filter((e) => e.type === 'failed');
    expect(failed.map((e) => [e.tMs, e.job])).toEqual([[min(2), bad.app.name]]);
    const summary = summarise(jobs, world.metrics, built.config.durationMs, undefined, undefined, 0);
    expect(summary).toMatchObject({ jobsSubmitted: 2, jobsCompleted: 1, jobsFailed: 1, jobsUnfinished: 0 });
  });
});
