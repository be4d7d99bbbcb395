import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferedIo, ExitCode, runCli } from '../../src/cli/index.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SEED_DIR = path.resolve(REPO_ROOT, '../shared/fixtures/seed-manifests');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gleaner-validate-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a file into the test's temp folder and returns its path. */
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function validate(...argv: string[]) {
  const io = bufferedIo();
  const code = await runCli(['validate', ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

const SPARK_PI = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: spark-pi
  namespace: spark
spec:
  sparkVersion: 3.5.4
  driver:
    coreLimit: 1000m
    cores: 1
    memory: 512m
    priorityClassName: low-priority
    template:
      metadata:
        annotations:
          sparkoperator.k8s.io/koordinator-colocation: "true"
  executor:
    coreLimit: 1000m
    cores: 1
    instances: 1
    memory: 1g
    priorityClassName: low-priority
    template:
      metadata:
        annotations:
          sparkoperator.k8s.io/koordinator-colocation: "true"
`;

const LOW_PRIORITY = `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: low-priority
value: -1000
`;

describe('gleaner validate', () => {
  it('validates every seed manifest together and prints what they mean', async () => {
    if (!existsSync(SEED_DIR)) {
      console.log(`skipped: ../shared not found (looked for ${SEED_DIR})`);
      return;
    }
    const files = readdirSync(SEED_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => path.join(SEED_DIR, f));
    const { code, out, err } = await validate(...files);
    expect(err).toBe('');
    expect(code).toBe(ExitCode.OK);
    const lines = out.split('\n');
    const at = (name: string) => lines.filter((l) => l.startsWith(path.join(SEED_DIR, name)));
    expect(at('01-ack-slo-config.yaml')[0]).toContain(
      'document 0 (ConfigMap/kube-system/ack-slo-config): Koordinator SLO config: colocation enabled; reclaim thresholds cpu 60% memory 65%',
    );
    expect(at('02-namespace-policy.yaml')[0]).toContain(
      'placement clusters <cluster1-id>, <cluster2-id>; replicas Duplicated',
    );
    expect(at('03-priority-class.yaml')).toHaveLength(2);
    expect(at('04-sparkapp-policy.yaml')[0]).toContain('replicas Divided, Weighted (equal static weights), Gang');
    expect(out).toContain('  driver    1 pod  batch-cpu 1000  batch-memory 896Mi   priority -1000  qos BE\n');
    expect(out).toContain('  executor  1 pod  batch-cpu 1000  batch-memory 1408Mi  priority -1000  qos BE\n');
    expect(out).toContain('  executor  100 pods  cpu 1  memory 1408Mi  priority 0\n');
  });

  it('resolves a PriorityClass defined in another file', async () => {
    const { code, out } = await validate(file('pc.yaml', LOW_PRIORITY), file('pi.yaml', SPARK_PI));
    expect(code).toBe(ExitCode.OK);
    expect(out).toContain(
      `${path.join(dir, 'pc.yaml')}: document 0 (PriorityClass/low-priority): value -1000, preemptionPolicy PreemptLowerPriority\n`,
    );
    expect(out).toContain('driver    1 pod  batch-cpu 1000  batch-memory 896Mi');
  });

  it('reports a missing PriorityClass as an invalid-input line and exits 1', async () => {
    const pi = file('pi-alone.yaml', SPARK_PI);
    const { code, out, err } = await validate(pi);
    expect(code).toBe(ExitCode.INVALID_INPUT);
    expect(out).toContain('(SparkApplication/spark/spark-pi): Scala, Spark 3.5.4');
    expect(err).toBe(
      [
        `${pi}: document 0 (SparkApplication/spark-pi): spec.driver.priorityClassName: PriorityClass "low-priority" does not exist`,
        `${pi}: document 0 (SparkApplication/spark-pi): spec.executor.priorityClassName: PriorityClass "low-priority" does not exist`,
        'gleaner: 2 problems in 1 of 1 file',
        '',
      ].join('\n'),
    );
  });

  it('prints one line per problem with file, document, kind/name, field path and line; no stack trace', async () => {
    const bad = file(
      'bad.yaml',
      `${LOW_PRIORITY}---
apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata: {name: broken}
spec:
  sparkVersion: "3.5.0"
  driver: {memory: "1.5.3Gi"}
  executor: {cores: -1}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
---
apiVersion: policy.karmada.io/v1alpha1
kind: PropagationPolicy
metadata: {name: p}
spec:
  resourceSelectors: [{apiVersion: v1, kind: ConfigMap}]
  placement: {replicaScheduling: {replicaSchedulingType: Sometimes}}
`,
    );
    const { code, err } = await validate(bad);
    expect(code).toBe(ExitCode.INVALID_INPUT);
    const lines = err.trimEnd().split('\n');
    expect(lines).toEqual([
      `${bad}: document 1 (SparkApplication/broken): spec.driver.memory: "1.5.3Gi" is not a Spark memory size (expected e.g. "512m" or "4g") (line 12)`,
      `${bad}: document 1 (SparkApplication/broken): spec.executor.cores: must be ≥ 1, got -1 (line 13)`,
      expect.stringMatching(
        new RegExp(
          `^${bad}: document 2 \\(Deployment/web\\): kind: "Deployment" \\(apps/v1\\) is not a supported kind; `,
        ),
      ),
      `${bad}: document 3 (PropagationPolicy/p): spec.placement.replicaScheduling.replicaSchedulingType: must be one of "Duplicated", "Divided", got "Sometimes" (line 24)`,
      'gleaner: 4 problems in 1 of 1 file',
    ]);
    expect(err).not.toContain('    at ');
  });

  it('reports broken YAML with its line', async () => {
    const broken = file('broken.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a: b\n');
    const { code, err } = await validate(broken);
    expect(code).toBe(ExitCode.INVALID_INPUT);
    expect(err.split('\n')[0]).toMatch(new RegExp(`^${broken}: document 0: line 4: `));
  });

  it('refuses a file over --max-size before reading it', async () => {
    const big = file('big.yaml', `# ${'x'.repeat(2000)}\n`);
    const { code, err } = await validate('--max-size', '1000', big);
    expect(code).toBe(ExitCode.INVALID_INPUT);
    expect(err).toContain(`${big}: the file is 2003 bytes; the limit is 1000 (raise it with --max-size)\n`);
  });

  it('exits 3 when a file cannot be read, and still validates the others', async () => {
    const ok = file('ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: spark}\n');
    const missing = path.join(dir, 'missing.yaml');
    const { code, out, err } = await validate(ok, missing, dir);
    expect(code).toBe(ExitCode.IO);
    expect(out).toBe(`${ok}: document 0 (Namespace/spark): namespace\n`);
    expect(err).toBe(
      `${missing}: cannot read: no such file\n${dir}: is a directory, not a manifest file\ngleaner: 2 problems in 2 of 3 files\n`,
    );
  });

  it('summarises node and pod dumps and ordinary ConfigMaps', async () => {
    const dump = file(
      'dump.json',
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [
          {
            apiVersion: 'v1',
            kind: 'Node',
            metadata: { name: 'n1' },
            status: { allocatable: { cpu: '4', memory: '16Gi' } },
          },
          {
            apiVersion: 'v1',
            kind: 'Node',
            metadata: { name: 'vk', labels: { type: 'virtual-kubelet' } },
            status: { allocatable: { cpu: '8', memory: '16Gi' } },
          },
          { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { nodeName: 'n1', containers: [] } },
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: 'b' },
            spec: { containers: [] },
            status: { phase: 'Failed' },
          },
        ],
      }),
    );
    const cm = file('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: "1"}\n');
    const { code, out } = await validate(dump, cm);
    expect(code).toBe(ExitCode.OK);
    expect(out).toBe(
      [
        `${dump}: document 0 (List): 2 nodes (1 virtual), allocatable cpu 12 memory 32Gi; 1 pod (1 bound to nodes), 1 Succeeded/Failed skipped`,
        `${cm}: document 0 (ConfigMap/x): ConfigMap with 1 data key (not an SLO config; Gleaner does not read it)`,
        '',
      ].join('\n'),
    );
  });

  it('prints one JSON report with --json, valid or not', async () => {
    const pc = file('pc2.yaml', LOW_PRIORITY);
    const pi = file('pi2.yaml', SPARK_PI);
    const good = await validate('--json', pc, pi);
    expect(good.code).toBe(ExitCode.OK);
    const report = JSON.parse(good.out);
    expect(report.ok).toBe(true);
    expect(report.files).toHaveLength(2);
    const app = report.files[1].manifests[0];
    expect(app.kind).toBe('SparkApplication');
    expect(app.sparkPods.driver.pod.requests).toEqual({
      'kubernetes.io/batch-cpu': 1000,
      'kubernetes.io/batch-memory': 896 * 2 ** 20,
    });
    const bad = await validate('--json', pi);
    expect(bad.code).toBe(ExitCode.INVALID_INPUT);
    const badReport = JSON.parse(bad.out);
    expect(badReport.ok).toBe(false);
    expect(badReport.files[0].issues[0]).toMatchObject({ document: 0, path: ['spec', 'driver', 'priorityClassName'] });
  });
});
