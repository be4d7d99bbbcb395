import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/manifests/index.js';
import { DEFAULT_MAX_MANIFEST_SIZE, loadManifests } from '../../src/manifests/index.js';
import { haveSeeds, readSeed, seedFiles } from './seedManifests.js';

/** The single manifest `text` loads to, failing the test on any issue. */
function one(text: string): Manifest {
  const r = loadManifests(text);
  expect(r.issues).toEqual([]);
  expect(r.manifests).toHaveLength(1);
  return r.manifests[0]!;
}

/** The issues `text` produces, failing the test when it loads cleanly. */
function issuesOf(text: string) {
  const r = loadManifests(text);
  expect(r.ok).toBe(false);
  return r.issues;
}

const SPARK_HEAD = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: app
spec:
  sparkVersion: "3.5.0"
`;

describe('loadManifests on the seed manifests', () => {
  it('loads every seed file unchanged, with no issues', () => {
    if (!haveSeeds()) return;
    const files = seedFiles();
    expect(files).toHaveLength(7);
    for (const file of files) {
      const r = loadManifests(readSeed(file));
      expect({ file, issues: r.issues }).toEqual({ file, issues: [] });
      expect(r.ok).toBe(true);
    }
  });

  it('reads the documents of 03-priority-class.yaml in order, with their indices', () => {
    if (!haveSeeds()) return;
    const r = loadManifests(readSeed('03-priority-class.yaml'));
    expect(r.manifests.map((m) => [m.kind, m.document])).toEqual([
      ['PriorityClass', 0],
      ['ClusterPropagationPolicy', 1],
    ]);
    const pc = r.manifests[0]!;
    expect(pc.kind === 'PriorityClass' && pc.priorityClass).toEqual({
      name: 'low-priority',
      value: -1000,
      globalDefault: false,
      preemptionPolicy: 'PreemptLowerPriority',
      description: 'Low priority for Spark applications',
    });
  });

  it('keeps the <cluster1-id> placeholders as cluster names (the YAML comments are ignored)', () => {
    if (!haveSeeds()) return;
    const m = one(readSeed('02-namespace-policy.yaml'));
    expect(m.kind).toBe('ClusterPropagationPolicy');
    if (m.kind !== 'ClusterPropagationPolicy') return;
    expect(m.policy.placement.clusterAffinity?.clusterNames).toEqual(['<cluster1-id>', '<cluster2-id>']);
    expect(m.policy.placement.replicaScheduling).toEqual({ replicaSchedulingType: 'Duplicated' });
    expect(m.policy.namespace).toBeUndefined();
  });

  it('reads the Gang policy of 04-sparkapp-policy.yaml with Karmada defaults', () => {
    if (!haveSeeds()) return;
    const m = one(readSeed('04-sparkapp-policy.yaml'));
    if (m.kind !== 'PropagationPolicy') throw new Error(m.kind);
    expect(m.policy).toEqual({
      apiVersion: 'policy.one.alibabacloud.com/v1alpha1',
      kind: 'PropagationPolicy',
      name: 'sparkapp-policy',
      namespace: 'spark',
      labels: {},
      // The webhook writes the policy's namespace into a selector without one.
      resourceSelectors: [{ apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication', namespace: 'spark' }],
      placement: {
        clusterAffinity: { clusterNames: ['<cluster1-id>', '<cluster2-id>'] },
        replicaScheduling: {
          replicaSchedulingType: 'Divided',
          replicaDivisionPreference: 'Weighted',
          customSchedulingType: 'Gang',
        },
      },
      priority: 0,
      preemption: 'Never',
      propagateDeps: true,
      preserveResourcesOnDeletion: false,
      schedulerName: 'default-scheduler',
    });
  });

  it('reads spark-pi with the operator defaults filled in and the template annotation kept', () => {
    if (!haveSeeds()) return;
    const m = one(readSeed('05-spark-pi.yaml'));
    if (m.kind !== 'SparkApplication') throw new Error(m.kind);
    const app = m.application;
    expect(app.namespace).toBe('spark');
    expect(app.type).toBe('Scala');
    expect(app.restartPolicy).toEqual({ type: 'Never' });
    expect(app.driver).toMatchObject({
      cores: 1,
      coreLimit: '1000m',
      memory: '512m',
      priorityClassName: 'low-priority',
    });
    expect(app.driver.template?.annotations).toEqual({ 'sparkoperator.k8s.io/koordinator-colocation': 'true' });
    expect(app.executor).toMatchObject({ cores: 1, instances: 1, memory: '1g' });
  });

  it('reads the wordcount apps: retry intervals as written, labels as strings, the virtual-node selector', () => {
    if (!haveSeeds()) return;
    const m = one(readSeed('07-wordcount-virtual-node.yaml'));
    if (m.kind !== 'SparkApplication') throw new Error(m.kind);
    const app = m.application;
    expect(app.namespace).toBe('default');
    expect(app.restartPolicy).toEqual({
      type: 'OnFailure',
      onFailureRetries: 2,
      onFailureRetryInterval: 5,
      onSubmissionFailureRetries: 2,
      onSubmissionFailureRetryInterval: 10,
    });
    expect(app.driver.labels).toEqual({ version: '2.4.4', 'spark-app': 'spark-wordcount', role: 'driver' });
    expect(app.executor.instances).toBe(100);
    expect(app.executor.nodeSelector).toEqual({ type: 'virtual-kubelet' });
    expect(app.executor.tolerations).toEqual([{ key: 'virtual-kubelet.io/provider', operator: 'Exists' }]);
    expect(app.sparkConf).toEqual({ 'spark.kubernetes.allocation.batch.size': '10' });
  });

  it('parses the ack-slo-config ConfigMap into an SLO config with the issue paths under data', () => {
    if (!haveSeeds()) return;
    const m = one(readSeed('01-ack-slo-config.yaml'));
    if (m.kind !== 'ConfigMap') throw new Error(m.kind);
    expect(m.sloConfig?.colocation.enable).toBe(true);
    expect(m.sloConfig?.colocation.cpuReclaimThresholdPercent).toBe(60);
    expect(m.sloConfig?.colocation.memoryReclaimThresholdPercent).toBe(65);
    expect(m.sloConfig?.resourceThreshold.enable).toBe(true);
  });
});

describe('loadManifests: SparkApplication defaults', () => {
  it('fills type Scala, mode cluster, restartPolicy Never, cores 1, memory 1g, one executor', () => {
    const m = one(SPARK_HEAD);
    if (m.kind !== 'SparkApplication') throw new Error(m.kind);
    expect(m.application).toEqual({
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'SparkApplication',
      name: 'app',
      namespace: 'default',
      labels: {},
      annotations: {},
      type: 'Scala',
      mode: 'cluster',
      sparkVersion: '3.5.0',
      arguments: [],
      sparkConf: {},
      driver: { cores: 1, memory: '1g', labels: {}, annotations: {}, nodeSelector: {}, tolerations: [] },
      executor: {
        cores: 1,
        memory: '1g',
        instances: 1,
        labels: {},
        annotations: {},
        nodeSelector: {},
        tolerations: [],
      },
      restartPolicy: { type: 'Never' },
    });
  });

  it('leaves cores, memory and instances unset when sparkConf decides them', () => {
    const m = one(`${SPARK_HEAD}  sparkConf:
    spark.driver.cores: "3"
    spark.executor.memory: "2g"
    spark.executor.instances: "7"
`);
    if (m.kind !== 'SparkApplication') throw new Error(m.kind);
    expect(m.application.driver.cores).toBeUndefined();
    expect(m.application.driver.memory).toBe('1g');
    expect(m.application.executor.memory).toBeUndefined();
    expect(m.application.executor.cores).toBe(1);
    expect(m.application.executor.instances).toBeUndefined();
  });

  it('leaves instances unset under dynamic allocation', () => {
    const m = one(`${SPARK_HEAD}  dynamicAllocation:
    enabled: true
    minExecutors: 2
`);
    if (m.kind !== 'SparkApplication') throw new Error(m.kind);
    expect(m.application.executor.instances).toBeUndefined();
    expect(m.application.dynamicAllocation).toEqual({ enabled: true, minExecutors: 2 });
  });

  it('gives both retry intervals 5 s when the restart policy is not Never', () => {
    const m = one(`${SPARK_HEAD}  restartPolicy:
    type: Always
`);
    if (m.kind !== 'SparkApplication') throw new Error(m.kind);
    expect(m.application.restartPolicy).toEqual({
      type: 'Always',
      onFailureRetryInterval: 5,
      onSubmissionFailureRetryInterval: 5,
    });
  });

  it('reads a JSON SparkApplication the same as YAML', () => {
    const json = JSON.stringify({
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'SparkApplication',
      metadata: { name: 'app', namespace: 'ns' },
      spec: { sparkVersion: '4.0.0', type: 'Python', executor: { instances: 0 } },
    });
    const m = one(json);
    if (m.kind !== 'SparkApplication') throw new Error(m.kind);
    expect(m.application).toMatchObject({ namespace: 'ns', type: 'Python', executor: { instances: 0 } });
  });
});

describe('loadManifests: PriorityClass, Namespace, ConfigMap', () => {
  it('defaults preemptionPolicy and globalDefault and accepts the system classes', () => {
    const m = one('apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000000000\n');
    expect(m.kind === 'PriorityClass' && m.priorityClass).toEqual({
      name: 'high',
      value: 1_000_000_000,
      globalDefault: false,
      preemptionPolicy: 'PreemptLowerPriority',
    });
    const sys = one(
      'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: system-node-critical}\nvalue: 2000001000\n',
    );
    expect(sys.kind === 'PriorityClass' && sys.priorityClass.value).toBe(2_000_001_000);
  });

  it('rejects a value above 1e9, a fractional value and a missing value', () => {
    const head = 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: pc}\n';
    expect(issuesOf(`${head}value: 1000000001\n`).map((i) => [i.path, i.message])).toEqual([
      [['value'], 'must be ≤ 1000000000 (higher values are reserved for system classes), got 1000000001'],
    ]);
    expect(issuesOf(`${head}value: 1.5\n`)[0]).toMatchObject({
      path: ['value'],
      message: 'must be an integer, got 1.5',
    });
    expect(issuesOf(head)[0]).toMatchObject({
      path: ['value'],
      message: 'required',
      kind: 'PriorityClass',
      name: 'pc',
    });
  });

  it('reads a Namespace', () => {
    expect(one('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: spark\n  labels: {team: data}\n')).toEqual({
      kind: 'Namespace',
      document: 0,
      name: 'spark',
      labels: { team: 'data' },
      annotations: {},
    });
  });

  it('keeps an ordinary ConfigMap as data, without an SLO config', () => {
    const m = one('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other, namespace: kube-system}\ndata: {a: "1"}\n');
    expect(m).toEqual({ kind: 'ConfigMap', document: 0, name: 'other', namespace: 'kube-system', data: { a: '1' } });
  });

  it('parses slo-controller-config in koordinator-system, and reports SLO errors under data', () => {
    const ok = one(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: slo-controller-config, namespace: koordinator-system}\ndata:\n  colocation-config: \'{"enable": true, "cpuReclaimThresholdPercent": 70}\'\n',
    );
    expect(ok.kind === 'ConfigMap' && ok.sloConfig?.colocation.cpuReclaimThresholdPercent).toBe(70);
    const bad = issuesOf(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ack-slo-config, namespace: kube-system}\ndata:\n  colocation-config: \'{"cpuReclaimThresholdPercent": "high"}\'\n',
    );
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({
      code: 'invalid-field',
      document: 0,
      kind: 'ConfigMap',
      name: 'ack-slo-config',
      path: ['data', 'colocation-config', 'cpuReclaimThresholdPercent'],
    });
  });

  it('does not treat an SLO-named ConfigMap in another namespace as the SLO config', () => {
    const m = one(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ack-slo-config, namespace: default}\ndata:\n  colocation-config: "not json"\n',
    );
    expect(m.kind === 'ConfigMap' && m.sloConfig).toBeUndefined();
  });
});

describe('loadManifests: documents and streams', () => {
  it('skips empty documents but keeps counting them', () => {
    const r = loadManifests('---\n# nothing\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n');
    expect(r.ok).toBe(true);
    expect(r.manifests.map((m) => m.document)).toEqual([1]);
  });

  it('loads nothing from empty input, without issues', () => {
    expect(loadManifests('')).toEqual({ ok: true, manifests: [], issues: [] });
  });

  it('returns the valid documents alongside the issues of the broken ones', () => {
    const r = loadManifests(
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\n',
    );
    expect(r.ok).toBe(false);
    expect(r.manifests.map((m) => m.document)).toEqual([0]);
    expect(r.issues).toEqual([
      { code: 'invalid-field', document: 1, path: ['metadata'], message: 'required', kind: 'Namespace', line: 5 },
    ]);
  });

  it('reports YAML 1.2 scalars as Kubernetes would see them (yes is a string)', () => {
    const m = one('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labels: {enabled: yes}\n');
    expect(m.kind === 'Namespace' && m.labels).toEqual({ enabled: 'yes' });
  });

  it('reads an empty YAML value (labels:) as absent, as Kubernetes does', () => {
    const m = one('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labels:\n');
    expect(m.kind === 'Namespace' && m.labels).toEqual({});
  });

  it('exports the default size limit', () => {
    expect(DEFAULT_MAX_MANIFEST_SIZE).toBe(33_554_432);
  });
});
