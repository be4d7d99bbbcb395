import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferedIo, ExitCode, runCli } from '../../src/cli/index.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gleaner-place-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function place(...argv: string[]) {
  const io = bufferedIo();
  const code = await runCli(['place', ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

const POLICY = `apiVersion: policy.one.alibabacloud.com/v1alpha1
kind: PropagationPolicy
metadata: { name: sparkapp-policy, namespace: spark }
spec:
  resourceSelectors:
    - { apiVersion: sparkoperator.k8s.io/v1beta2, kind: SparkApplication }
  placement:
    clusterAffinity: { clusterNames: [member-a, member-b] }
    replicaScheduling: { replicaSchedulingType: Divided, customSchedulingType: Gang }
`;

const SPARK_PI = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata: { name: spark-pi, namespace: spark }
spec:
  sparkVersion: 3.5.4
  type: Scala
  driver: { cores: 1, memory: 512m }
  executor: { cores: 1, instances: 4, memory: 1g }
`;

// Member a is busy all day (online pods request almost everything); member b has room.
function fleet(bMemberCpu: string): string {
  return `name: place-fleet
seed: 1
duration: 1h
fleet:
  members:
    - name: member-a
      kubernetesVersion: "1.28"
      nodePools:
        - name: p
          count: 2
          capacity: { cpu: "8", memory: 32Gi, pods: 110 }
          online:
            podsPerNode: 1
            requests: { cpu: "7900m", memory: 30Gi }
            cpu: { constant: 0.5 }
            memory: { constant: 0.5 }
    - name: member-b
      kubernetesVersion: "1.28"
      nodePools:
        - name: p
          count: 2
          capacity: { cpu: "${bMemberCpu}", memory: 64Gi, pods: 110 }
manifests: [policy.yaml]
`;
}

describe('gleaner place', () => {
  it('prints the Fleet’s ScheduleBindingSucceed event with the member that has room', async () => {
    file('policy.yaml', POLICY);
    const scenario = file('fleet.yaml', fleet('16'));
    const app = file('app.yaml', SPARK_PI);
    const { code, out, err } = await place(app, '--fleet', scenario);
    expect(err).toBe('');
    expect(code).toBe(ExitCode.OK);
    expect(out.trim()).toBe(
      'ScheduleBindingSucceed  SparkApplication/spark/spark-pi  ' +
        'Binding has been scheduled successfully. Result: {member-b:0,[{driver 1} {executor 4}]}',
    );
  });

  it('prints the decision as JSON with --json', async () => {
    file('policy.yaml', POLICY);
    const scenario = file('fleet.yaml', fleet('16'));
    const app = file('app.yaml', SPARK_PI);
    const { code, out } = await place(app, '--fleet', scenario, '--json');
    expect(code).toBe(ExitCode.OK);
    const parsed = JSON.parse(out) as {
      name: string;
      decision: { kind: string; targetClusters: { name: string }[] };
    }[];
    expect(parsed[0]!.name).toBe('spark/spark-pi');
    expect(parsed[0]!.decision.kind).toBe('scheduled');
    expect(parsed[0]!.decision.targetClusters.map((t) => t.name)).toEqual(['member-b']);
  });

  it('reports a Gang application no member can hold as waiting', async () => {
    file('policy.yaml', POLICY);
    const scenario = file('fleet.yaml', fleet('2'));
    const app = file('app.yaml', SPARK_PI);
    const { code, out } = await place(app, '--fleet', scenario);
    expect(code).toBe(ExitCode.OK);
    expect(out).toMatch(/^ScheduleBindingFailed {2}SparkApplication\/spark\/spark-pi {2}/);
  });

  it('names the file, document and field of a broken manifest and exits 1', async () => {
    file('policy.yaml', POLICY);
    const scenario = file('fleet.yaml', fleet('16'));
    const bad = file('bad.yaml', SPARK_PI.replace('cores: 1, instances: 4', 'cores: -1, instances: 4'));
    const { code, err } = await place(bad, '--fleet', scenario);
    expect(code).toBe(ExitCode.INVALID_INPUT);
    expect(err).toContain(bad);
    expect(err).toContain('document 0');
    expect(err).toContain('spec.executor.cores');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('exits 3 naming a missing manifest file', async () => {
    const scenario = file('fleet.yaml', fleet('16'));
    const missing = path.join(dir, 'nope.yaml');
    const { code, err } = await place(missing, '--fleet', scenario);
    expect(code).toBe(ExitCode.IO);
    expect(err).toContain(missing);
  });

  it('exits 2 without --fleet, and for a bad --at', async () => {
    const app = file('app.yaml', SPARK_PI);
    expect((await place(app)).code).toBe(ExitCode.USAGE);
    file('policy.yaml', POLICY);
    const scenario = file('fleet.yaml', fleet('16'));
    const bad = await place(app, '--fleet', scenario, '--at', 'noon');
    expect(bad.code).toBe(ExitCode.USAGE);
    expect(bad.err).toContain('--at');
  });

  it('exits 1 naming the field of an invalid fleet scenario', async () => {
    const app = file('app.yaml', SPARK_PI);
    const scenario = file(
      'fleet-bad.yaml',
      fleet('16').replace('kubernetesVersion: "1.28"', 'kubernetesVersion: "latest"'),
    );
    const { code, err } = await place(app, '--fleet', scenario);
    expect(code).toBe(ExitCode.INVALID_INPUT);
    expect(err).toContain('fleet.members.0.kubernetesVersion');
  });
});
