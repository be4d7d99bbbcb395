import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/index.js';
import type { PriorityClass } from '../../src/model/index.js';
import type { SparkApplication, SparkPods } from '../../src/spark/index.js';
import { KOORDINATOR_COLOCATION_ANNOTATION, sparkPods } from '../../src/spark/index.js';
import { haveSeeds, readSeed } from '../manifests/seedManifests.js';
import { sparkApp } from './sparkAppFixture.js';

const MI = 2 ** 20;
const LOW: PriorityClass = {
  name: 'low-priority',
  value: -1000,
  globalDefault: false,
  preemptionPolicy: 'PreemptLowerPriority',
};
const COLOCATE = { [KOORDINATOR_COLOCATION_ANNOTATION]: 'true' };

function podsOf(app: SparkApplication, classes: readonly PriorityClass[] = []): SparkPods {
  const r = sparkPods(app, classes);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.pods;
}

function seedApp(file: string): SparkApplication {
  const r = loadManifests(readSeed(file));
  const m = r.manifests[0];
  if (m?.kind !== 'SparkApplication') throw new Error(`${file} holds no SparkApplication`);
  return m.application;
}

describe('sparkPods on the seeds', () => {
  it('spark-pi (seed 05): BE driver 1000 batch-cpu / 896 MiB, executor 1000 / 1408 MiB, priority -1000', () => {
    if (!haveSeeds()) return;
    const pods = podsOf(seedApp('05-spark-pi.yaml'), [LOW]);
    expect(pods.driver).toMatchObject({ role: 'driver', replicas: 1, colocated: true });
    expect(pods.driver.pod).toMatchObject({
      name: 'spark-pi-driver',
      namespace: 'spark',
      priority: -1000,
      priorityClassName: 'low-priority',
      preemptionPolicy: 'PreemptLowerPriority',
      requests: { 'kubernetes.io/batch-cpu': 1000, 'kubernetes.io/batch-memory': 896 * MI },
      limits: { 'kubernetes.io/batch-cpu': 1000, 'kubernetes.io/batch-memory': 896 * MI },
      owner: { apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication', name: 'spark-pi' },
    });
    expect(pods.driver.pod.labels['koordinator.sh/qosClass']).toBe('BE');
    expect(pods.executor).toMatchObject({ role: 'executor', replicas: 1, colocated: true });
    expect(pods.executor.pod).toMatchObject({
      name: 'spark-pi-exec',
      priority: -1000,
      requests: { 'kubernetes.io/batch-cpu': 1000, 'kubernetes.io/batch-memory': 1408 * MI },
      limits: { 'kubernetes.io/batch-cpu': 1000, 'kubernetes.io/batch-memory': 1408 * MI },
      owner: { apiVersion: 'v1', kind: 'Pod', name: 'spark-pi-driver' },
    });
    expect(pods.executor.pod.labels['koordinator.sh/qosClass']).toBe('BE');
    expect(pods.executorBatchSize).toBe(5);
  });

  it('wordcount (seed 06): driver cpu 2000 / 4505 MiB, 100 executors cpu 1000 / 1408 MiB, batches of 10', () => {
    if (!haveSeeds()) return;
    const pods = podsOf(seedApp('06-wordcount-serverless.yaml'));
    expect(pods.driver.pod.requests).toEqual({ cpu: 2000, memory: 4505 * MI });
    expect(pods.driver.pod.limits).toEqual({ memory: 4505 * MI });
    expect(pods.driver.pod.priority).toBe(0);
    expect(pods.driver.colocated).toBe(false);
    expect(pods.executor.replicas).toBe(100);
    expect(pods.executor.pod.requests).toEqual({ cpu: 1000, memory: 1408 * MI });
    expect(pods.executorBatchSize).toBe(10);
  });

  it('wordcount on the virtual node (seed 07): executors carry the selector and toleration, the driver does not', () => {
    if (!haveSeeds()) return;
    const pods = podsOf(seedApp('07-wordcount-virtual-node.yaml'));
    expect(pods.executor.pod.nodeSelector).toEqual({ type: 'virtual-kubelet' });
    expect(pods.executor.pod.tolerations).toEqual([{ key: 'virtual-kubelet.io/provider', operator: 'Exists' }]);
    expect(pods.driver.pod.nodeSelector).toEqual({});
  });
});

describe('sparkPods: CPU', () => {
  it('requests cores × 1000 millicores without a limit by default', () => {
    const pods = podsOf(sparkApp({ driver: { cores: 2 } }));
    expect(pods.driver.pod.requests.cpu).toBe(2000);
    expect(pods.driver.pod.limits.cpu).toBeUndefined();
  });

  it('prefers coreRequest over cores and sets the limit from coreLimit', () => {
    const pods = podsOf(sparkApp({ executor: { cores: 4, coreRequest: '500m', coreLimit: '1.5' } }));
    expect(pods.executor.pod.requests.cpu).toBe(500);
    expect(pods.executor.pod.limits.cpu).toBe(1500);
  });

  it('reads the request, limit and cores from sparkConf when the spec leaves them unset', () => {
    const app = sparkApp({
      sparkConf: {
        'spark.kubernetes.driver.request.cores': '250m',
        'spark.kubernetes.executor.limit.cores': '2',
        'spark.executor.cores': '3',
      },
      executor: { cores: undefined },
    });
    const pods = podsOf(app);
    expect(pods.driver.pod.requests.cpu).toBe(250);
    expect(pods.executor.pod.requests.cpu).toBe(3000);
    expect(pods.executor.pod.limits.cpu).toBe(2000);
  });
});

describe('sparkPods: priority', () => {
  it('resolves the role class, else the template class, else the global default', () => {
    const prod: PriorityClass = { name: 'prod', value: 1000, globalDefault: true, preemptionPolicy: 'Never' };
    const app = sparkApp({
      driver: { priorityClassName: 'low-priority' },
      executor: {
        template: { labels: {}, annotations: {}, nodeSelector: {}, tolerations: [], priorityClassName: 'low-priority' },
      },
    });
    const pods = podsOf(app, [LOW, prod]);
    expect(pods.driver.pod.priority).toBe(-1000);
    expect(pods.executor.pod.priority).toBe(-1000);
    const defaults = podsOf(sparkApp(), [prod]);
    expect(defaults.driver.pod).toMatchObject({ priority: 1000, priorityClassName: 'prod', preemptionPolicy: 'Never' });
  });

  it('reports a missing class as an issue with its path', () => {
    expect(sparkPods(sparkApp({ driver: { priorityClassName: 'low-priority' } }), [])).toEqual({
      ok: false,
      issues: [
        { path: ['spec', 'driver', 'priorityClassName'], message: 'PriorityClass "low-priority" does not exist' },
      ],
    });
    const viaTemplate = sparkApp({
      executor: {
        template: { labels: {}, annotations: {}, nodeSelector: {}, tolerations: [], priorityClassName: 'gone' },
      },
    });
    const r = sparkPods(viaTemplate, []);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([
      ['spec', 'executor', 'template', 'spec', 'priorityClassName'],
    ]);
  });
});

describe('sparkPods: Koordinator colocation', () => {
  it('turns only the annotated role into a BE pod when the annotation is on the role', () => {
    const pods = podsOf(sparkApp({ executor: { annotations: COLOCATE, coreLimit: '2' } }));
    expect(pods.driver.colocated).toBe(false);
    expect(pods.driver.pod.requests).toEqual({ cpu: 1000, memory: 1408 * MI });
    expect(pods.executor.colocated).toBe(true);
    expect(pods.executor.pod.requests).toEqual({
      'kubernetes.io/batch-cpu': 1000,
      'kubernetes.io/batch-memory': 1408 * MI,
    });
    expect(pods.executor.pod.limits).toEqual({
      'kubernetes.io/batch-cpu': 2000,
      'kubernetes.io/batch-memory': 1408 * MI,
    });
  });

  it('turns both roles into BE pods when the annotation is on the application, in any case', () => {
    const pods = podsOf(sparkApp({ annotations: { [KOORDINATOR_COLOCATION_ANNOTATION]: 'True' } }));
    expect([pods.driver.colocated, pods.executor.colocated]).toEqual([true, true]);
    expect(pods.driver.pod.labels['koordinator.sh/qosClass']).toBe('BE');
  });

  it('ignores the annotation unless it says true', () => {
    const pods = podsOf(sparkApp({ annotations: { [KOORDINATOR_COLOCATION_ANNOTATION]: 'false' } }));
    expect(pods.driver.colocated).toBe(false);
    expect(pods.driver.pod.labels['koordinator.sh/qosClass']).toBeUndefined();
  });
});

describe('sparkPods: labels, annotations and placement', () => {
  it('merges template < app < role labels, then Spark and operator labels', () => {
    const app = sparkApp({
      labels: { team: 'data', tier: 'app' },
      driver: {
        labels: { tier: 'role', 'spark-role': 'mine' },
        annotations: { a: 'role' },
        template: {
          labels: { team: 'tpl', x: '1' },
          annotations: { a: 'tpl', b: 'tpl' },
          nodeSelector: {},
          tolerations: [],
        },
      },
    });
    const pod = podsOf(app).driver.pod;
    expect(pod.labels).toEqual({
      team: 'data',
      x: '1',
      tier: 'role',
      'spark-role': 'driver',
      'spark-app-name': 'app',
      'sparkoperator.k8s.io/app-name': 'app',
      'sparkoperator.k8s.io/launched-by-spark-operator': 'true',
    });
    expect(pod.annotations).toEqual({ a: 'role', b: 'tpl' });
  });

  it('merges node selectors, concatenates tolerations, and takes affinity and scheduler from the nearest source', () => {
    const tplAffinity = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } };
    const app = sparkApp({
      nodeSelector: { pool: 'spark', zone: 'app' },
      executor: {
        nodeSelector: { zone: 'role' },
        tolerations: [{ key: 'b', operator: 'Exists' }],
        schedulerName: 'role-scheduler',
        template: {
          labels: {},
          annotations: {},
          nodeSelector: { disk: 'ssd', pool: 'tpl' },
          tolerations: [{ key: 'a', operator: 'Exists' }],
          affinity: tplAffinity,
          schedulerName: 'tpl-scheduler',
        },
      },
    });
    const pod = podsOf(app).executor.pod;
    expect(pod.nodeSelector).toEqual({ disk: 'ssd', pool: 'spark', zone: 'role' });
    expect(pod.tolerations).toEqual([
      { key: 'a', operator: 'Exists' },
      { key: 'b', operator: 'Exists' },
    ]);
    expect(pod.affinity).toEqual(tplAffinity);
    expect(pod.schedulerName).toBe('role-scheduler');
    expect(podsOf({ ...app, batchScheduler: 'volcano' }).executor.pod.schedulerName).toBe('volcano');
  });

  it('counts executors with dynamic allocation', () => {
    const pods = podsOf(
      sparkApp({ dynamicAllocation: { enabled: true, initialExecutors: 4 }, executor: { instances: undefined } }),
    );
    expect(pods.executor.replicas).toBe(4);
  });
});

describe('sparkPods: errors as data', () => {
  it('collects every problem of both roles instead of throwing', () => {
    const app = sparkApp({
      driver: { cores: 0, memory: 'lots' },
      executor: { coreLimit: '1.5.3' },
      sparkConf: { 'spark.kubernetes.allocation.batch.size': '0', 'spark.executor.instances': 'x' },
    });
    const r = sparkPods(app, []);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => i.path.join('.'))).toEqual([
      'spec.sparkConf.spark.kubernetes.allocation.batch.size',
      'spec.sparkConf.spark.executor.instances',
      'spec.driver.cores',
      'spec.driver.memory',
      'spec.executor.coreLimit',
    ]);
  });
});
