import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SLO_CONFIG } from '@gleaner/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createScenario } from '../../src/scenario/createScenario.js';
import { loadScenario } from '../../src/scenario/loadScenario.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import {
  ACK_SLO_CONFIG_DATA,
  ackSloConfig,
  arbScenarioInput,
  SCENARIO_FILE_NAME,
  scenarioFiles,
  sparkApplicationObject,
} from '../../src/testing/index.js';
import { runScenario } from '../../src/world/runScenario.js';
import { sparkApp } from '../world/helpers.js';

const input: ScenarioInput = {
  name: 'in-memory',
  seed: 1,
  duration: '1h',
  fleet: {
    members: [
      {
        name: 'cluster-a',
        kubernetesVersion: '1.28',
        nodePools: [{ name: 'pool', count: 2, capacity: { cpu: '16', memory: '64Gi', pods: 110 } }],
      },
    ],
  },
  workloads: [{ name: 'pi', application: 'pi', arrival: { type: 'poisson', ratePerHour: 4 }, workCoreSeconds: 60 }],
};

describe('createScenario', () => {
  it('validates with the scenario schema and fills its defaults', () => {
    const made = createScenario(input, { applications: { pi: sparkApp('pi') } });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.scenario.spec.sampleInterval).toBe('5m');
    expect(made.scenario.spec.fleetScheduler.rescheduleTimeout).toBe('300s');
    expect(made.scenario.spec.fleet.members[0]!.nodePools[0]!.reserved).toEqual({});
    expect(made.scenario.applications.get('pi')?.name).toBe('pi');
    // No ConfigMap given: Koordinator's in-code defaults (colocation off), as for a file without one.
    expect(made.scenario.sloConfig).toEqual(DEFAULT_SLO_CONFIG);
  });

  it('lists every problem with its field path instead of throwing', () => {
    const bad = {
      ...input,
      duration: 'soon',
      fleet: { members: [{ name: 'a', kubernetesVersion: 'latest' }] },
    } as unknown as ScenarioInput;
    const made = createScenario(bad);
    expect(made.ok).toBe(false);
    if (made.ok) return;
    const paths = made.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('duration');
    expect(paths).toContain('fleet.members.0.kubernetesVersion');
  });

  it('reports what it cannot resolve without files: a missing application, file paths, duplicate members', () => {
    const made = createScenario({
      ...input,
      manifests: ['policies.yaml'],
      fleet: { members: [input.fleet.members[0]!, input.fleet.members[0]!] },
      colocation: { sloConfig: 'slo.yaml' },
    });
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.issues.map((i) => i.path.join('.')).sort()).toEqual(
      ['colocation.sloConfig', 'fleet.members.1.name', 'manifests.0', 'workloads.0.application'].sort(),
    );
  });

  it('takes manifests written as YAML-shaped objects, with the loader’s defaults', () => {
    const typed = sparkApp('pi');
    const made = createScenario(input, {
      applications: { pi: sparkApplicationObject(typed) },
      sloConfig: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'ack-slo-config', namespace: 'kube-system' },
        data: ACK_SLO_CONFIG_DATA,
      },
    });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.scenario.applications.get('pi')).toEqual(typed);
    expect(made.scenario.sloConfig).toEqual(ackSloConfig);
  });

  it('reports a broken manifest object under its resources path', () => {
    const raw = sparkApplicationObject(sparkApp('pi'));
    const made = createScenario(input, {
      applications: { pi: { ...raw, spec: { ...(raw.spec as object), sparkVersion: '' } } },
    });
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.issues[0]!.path.slice(0, 3)).toEqual(['resources', 'applications', 'pi']);
  });
});

describe('scenarioFiles', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('writes files that loadScenario reads back to the same scenario, which runs the same', async () => {
    const cases = fc.sample(arbScenarioInput({ maxMembers: 2, maxDurationMinutes: 60 }), { numRuns: 4, seed: 7 });
    for (const c of cases) {
      const dir = await mkdtemp(join(tmpdir(), 'gleaner-files-'));
      dirs.push(dir);
      for (const [name, text] of Object.entries(scenarioFiles(c))) await writeFile(join(dir, name), text);
      const loaded = await loadScenario(join(dir, SCENARIO_FILE_NAME));
      expect(loaded.ok ? [] : loaded.issues).toEqual([]);
      const made = createScenario(c.input, c.resources);
      if (!loaded.ok || !made.ok) return;
      const a = loaded.scenario;
      const b = made.scenario;
      expect(a.priorityClasses).toEqual(b.priorityClasses);
      expect(a.policies).toEqual(b.policies);
      expect(a.sloConfig).toEqual(b.sloConfig);
      expect([...a.applications]).toEqual([...b.applications]);
      expect(a.spec.fleet).toEqual(b.spec.fleet);
      const fromFiles = (await runScenario(a)).result;
      const fromMemory = (await runScenario(b)).result;
      expect(JSON.stringify(fromFiles)).toBe(JSON.stringify(fromMemory));
    }
  });
});
