import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.js';
import { buildWorld } from '../../src/world/buildWorld.js';
import { World } from '../../src/world/World.js';

// The world keeps running totals per node instead of building a NodeMetric for every node at every koordlet
// report; in verify mode it recomputes each node with core's computeBatchResources and throws on any
// difference. These runs mix BE (batch-resource) pods, ordinary Spark pods (high priority for the batch
// calculation, counted at request until their first metric) and online pods, under each calculate policy.

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gleaner-kernel-'));
  writeFileSync(
    path.join(dir, 'manifests.yaml'),
    `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: { name: low-priority }
value: -1000
---
apiVersion: policy.karmada.io/v1alpha1
kind: PropagationPolicy
metadata: { name: spark, namespace: spark }
spec:
  resourceSelectors: [{ apiVersion: sparkoperator.k8s.io/v1beta2, kind: SparkApplication }]
  placement:
    clusterAffinity: { clusterNames: [a, b] }
    replicaScheduling: { replicaSchedulingType: Divided, customSchedulingType: Gang }
`,
  );
  const app = (name: string, colocated: boolean) => `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: ${name}
  namespace: spark
${colocated ? '  annotations: { sparkoperator.k8s.io/koordinator-colocation: "true" }\n' : ''}spec:
  sparkVersion: 3.5.4
  driver: { cores: 1, memory: 512m, priorityClassName: low-priority }
  executor: { cores: 2, instances: 3, memory: 2g, priorityClassName: low-priority }
`;
  writeFileSync(path.join(dir, 'be.yaml'), app('be', true));
  writeFileSync(path.join(dir, 'ls.yaml'), app('ls', false));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scenario(memoryPolicy: string, cpuPolicy: string): string {
  const file = path.join(dir, `s-${memoryPolicy}-${cpuPolicy}.yaml`);
  writeFileSync(
    path.join(dir, `slo-${memoryPolicy}-${cpuPolicy}.yaml`),
    `apiVersion: v1
kind: ConfigMap
metadata: { name: slo-controller-config, namespace: koordinator-system }
data:
  colocation-config: '{"enable": true, "memoryCalculatePolicy": "${memoryPolicy}", "cpuCalculatePolicy": "${cpuPolicy}"}'
`,
  );
  writeFileSync(
    file,
    `name: kernel
seed: 3
duration: 4h
fleet:
  members:
    - name: a
      kubernetesVersion: "1.28"
      nodePools:
        - name: p
          count: 3
          capacity: { cpu: "16", memory: 64Gi, pods: 110 }
          reserved: { cpu: 500m, memory: 1Gi }
          systemUsage: { cpu: 800m, memory: 2Gi }
          online:
            podsPerNode: 3
            requests: { cpu: "6", memory: 20Gi }
            cpu: { diurnal: { mean: 0.3, amplitude: 0.2, period: 2h }, noise: { stddev: 0.05 } }
            memory: { constant: 0.3, noise: { stddev: 0.05 } }
    - name: b
      kubernetesVersion: "1.26"
      nodePools:
        - name: p
          count: 2
          capacity: { cpu: "16", memory: 64Gi, pods: 110 }
          online:
            podsPerNode: 2
            requests: { cpu: "4", memory: 16Gi }
            cpu: { constant: 0.2, noise: { stddev: 0.1 } }
            memory: { constant: 0.4 }
colocation: { sloConfig: slo-${memoryPolicy}-${cpuPolicy}.yaml }
manifests: [manifests.yaml]
workloads:
  - name: be
    application: be.yaml
    arrival: { type: poisson, ratePerHour: 20 }
    workCoreSeconds: 1800
  - name: ls
    application: ls.yaml
    arrival: { type: poisson, ratePerHour: 6 }
    workCoreSeconds: 1800
`,
  );
  return file;
}

describe('the world’s batch-resource totals', () => {
  it.each([
    ['usage', 'usage'],
    ['request', 'usage'],
    ['maxUsageRequest', 'maxUsageRequest'],
  ])('agree with computeBatchResources on every node at every report (memory %s, cpu %s)', async (mem, cpu) => {
    const loaded = await loadScenario(scenario(mem, cpu));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const built = await buildWorld(loaded.scenario);
    if (!built.ok) throw new Error(JSON.stringify(built.issues));
    const world = new World({ ...built.config, verifyKernels: true });
    expect(() => world.run()).not.toThrow();
    // The runs did place both kinds of Spark pods, so the check covered them.
    const states = world.allJobs.map((j) => j.lifecycle.state);
    expect(states.filter((s) => s === 'COMPLETED').length).toBeGreaterThan(5);
    expect(world.allJobs.some((j) => j.workload === 'ls' && j.startMs !== null)).toBe(true);
  });
});
