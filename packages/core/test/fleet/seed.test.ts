import { describe, expect, it } from 'vitest';
import type { FleetSnapshot } from '../../src/fleet/index.js';
import { scheduleOnFleet, sparkApplicationResource } from '../../src/fleet/index.js';
import type { PriorityClass } from '../../src/model/index.js';
import type { SparkApplication } from '../../src/spark/index.js';
import { sparkPods } from '../../src/spark/index.js';
import { BATCH_CPU, BATCH_MEMORY, beNode, Mi, member, sparkappPolicy } from './helpers.js';

// fixtures/seed-manifests/03-priority-class.yaml and 05-spark-pi.yaml, written as model objects.
const lowPriority: PriorityClass = {
  name: 'low-priority',
  value: -1000,
  globalDefault: false,
  preemptionPolicy: 'PreemptLowerPriority',
  description: 'Low priority for Spark applications',
};
const colocated = { 'sparkoperator.k8s.io/koordinator-colocation': 'true' };
// Both pod templates carry only the colocation annotation (the container names do not affect scheduling).
const template = { labels: {}, annotations: colocated, nodeSelector: {}, tolerations: [] };
const sparkPi: SparkApplication = {
  apiVersion: 'sparkoperator.k8s.io/v1beta2',
  kind: 'SparkApplication',
  name: 'spark-pi',
  namespace: 'spark',
  labels: {},
  annotations: {},
  type: 'Scala',
  mode: 'cluster',
  sparkVersion: '3.5.4',
  image: 'registry-cn-hangzhou.ack.aliyuncs.com/ack-demo/spark:3.5.4',
  mainClass: 'org.apache.spark.examples.SparkPi',
  mainApplicationFile: 'local:///opt/spark/examples/jars/spark-examples_2.12-3.5.4.jar',
  arguments: ['50000'],
  sparkConf: {},
  driver: {
    cores: 1,
    coreLimit: '1000m',
    memory: '512m',
    priorityClassName: 'low-priority',
    serviceAccount: 'spark-operator-spark',
    labels: {},
    annotations: {},
    nodeSelector: {},
    tolerations: [],
    template,
  },
  executor: {
    cores: 1,
    coreLimit: '1000m',
    instances: 1,
    memory: '1g',
    priorityClassName: 'low-priority',
    labels: {},
    annotations: {},
    nodeSelector: {},
    tolerations: [],
    template,
  },
  restartPolicy: { type: 'Never' },
};

describe('the seed: spark-pi through sparkPods and the sparkapp-policy', () => {
  it('lands whole on one member: driver 1 + executor 1, reported like the Fleet event', () => {
    const pods = sparkPods(sparkPi, [lowPriority]);
    expect(pods.ok).toBe(true);
    if (!pods.ok) return;
    // Two members (the seed's <cluster1-id>, <cluster2-id>), both on Kubernetes 1.28 with batch resources.
    const fleet: FleetSnapshot = {
      members: [member('c6a1f0', [beNode('n1', 4, 8)]), member('c6b2e1', [beNode('n1', 2, 4)])],
    };
    const d = scheduleOnFleet(
      fleet,
      sparkApplicationResource(sparkPi, pods.pods),
      [sparkappPolicy(['c6a1f0', 'c6b2e1'])],
      {
        nowMs: 0,
      },
    );
    expect(d.kind).toBe('scheduled');
    if (d.kind !== 'scheduled') return;
    expect(d.message).toBe('Binding has been scheduled successfully. Result: {c6a1f0:0,[{driver 1} {executor 1}]}');
    // The colocation annotation makes both pods BE: 1 batch core each; memory 512m + 384Mi and 1g + 384Mi.
    expect(d.reservations[0]!.resources).toEqual({ [BATCH_CPU]: 2000, [BATCH_MEMORY]: (896 + 1408) * Mi, pods: 2 });
  });
});
