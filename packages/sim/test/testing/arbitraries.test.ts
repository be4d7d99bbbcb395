import { loadManifests, parseKubernetesVersion } from '@gleaner/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createScenario } from '../../src/scenario/createScenario.js';
import { loadCurveSchema, nodePoolSchema } from '../../src/scenario/schema.js';
import {
  arbFleet,
  arbLoadCurve,
  arbNode,
  arbNodePool,
  arbPolicy,
  arbScenarioInput,
  arbSparkApplication,
  GENERATED_KUBERNETES_VERSIONS,
  LOW_PRIORITY_CLASS,
  priorityClassObject,
  propagationPolicyObject,
  sparkApplicationObject,
} from '../../src/testing/index.js';

// The arbitraries generate what a user could write: every value passes the same validation a file does,
// and manifests written back out as YAML load to the very same objects.

const asJson = (value: unknown): string => JSON.stringify(value);

describe('arbitraries', () => {
  it('generate load curves and node pools the scenario schema accepts', () => {
    fc.assert(
      fc.property(arbLoadCurve(), arbNodePool(), (curve, pool) => {
        expect(loadCurveSchema.safeParse(curve).success).toBe(true);
        expect(nodePoolSchema.safeParse(pool).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('generate fleets of uniquely named members on Kubernetes 1.26–1.30', () => {
    fc.assert(
      fc.property(arbFleet({ maxMembers: 4 }), (fleet) => {
        const names = fleet.members.map((m) => m.name);
        expect(new Set(names).size).toBe(names.length);
        expect(names.length).toBeGreaterThanOrEqual(1);
        expect(names.length).toBeLessThanOrEqual(4);
        for (const m of fleet.members) {
          expect(GENERATED_KUBERNETES_VERSIONS).toContain(m.kubernetesVersion);
          const v = parseKubernetesVersion(m.kubernetesVersion)!;
          expect(v.minor).toBeGreaterThanOrEqual(26);
          expect(v.minor).toBeLessThanOrEqual(30);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('generate nodes whose allocatable is within capacity', () => {
    fc.assert(
      fc.property(arbNode(), (node) => {
        for (const k of Object.keys(node.capacity)) {
          expect(node.allocatable[k]!).toBeLessThanOrEqual(node.capacity[k]!);
          expect(node.allocatable[k]!).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('generate SparkApplications, policies and PriorityClasses that round-trip through YAML manifests', () => {
    fc.assert(
      fc.property(
        arbSparkApplication({ priorityClassNames: ['low-priority'] }),
        arbPolicy(['cluster-a', 'cluster-b', 'cluster-c']),
        (app, policy) => {
          const docs = [
            sparkApplicationObject(app),
            propagationPolicyObject(policy),
            priorityClassObject(LOW_PRIORITY_CLASS),
          ];
          const loaded = loadManifests(docs.map((d) => stringify(d)).join('---\n'));
          expect(loaded.issues).toEqual([]);
          const [a, p, pc] = loaded.manifests;
          expect(a?.kind === 'SparkApplication' && asJson(a.application)).toBe(asJson(app));
          expect(p?.kind === policy.kind && 'policy' in p && asJson(p.policy)).toBe(asJson(policy));
          expect(pc?.kind === 'PriorityClass' && asJson(pc.priorityClass)).toBe(asJson(LOW_PRIORITY_CLASS));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('generate whole scenarios that createScenario accepts, within the requested size', () => {
    const options = { maxMembers: 2, maxNodesPerPool: 3, maxPools: 1, maxDurationMinutes: 90, maxApplications: 4 };
    fc.assert(
      fc.property(arbScenarioInput(options), (c) => {
        const made = createScenario(c.input, c.resources);
        expect(made.ok ? [] : made.issues).toEqual([]);
        if (!made.ok) return;
        const spec = made.scenario.spec;
        expect(spec.fleet.members.length).toBeLessThanOrEqual(2);
        for (const m of spec.fleet.members) {
          expect(m.nodePools.length).toBe(1);
          expect(m.nodePools[0]!.count).toBeLessThanOrEqual(3);
        }
        for (const w of spec.workloads) expect('maxApplications' in w && w.maxApplications).toBeLessThanOrEqual(4);
        expect(made.scenario.applications.size).toBe(spec.workloads.length);
        expect(made.scenario.sloConfig.colocation.enable).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
