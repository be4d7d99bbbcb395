import { describe, expect, it } from 'vitest';
import type { ClusterObjectsManifest } from '../../src/manifests/index.js';
import { loadManifests } from '../../src/manifests/index.js';

const GI = 2 ** 30;
const MI = 2 ** 20;

function objects(value: unknown): ClusterObjectsManifest {
  const r = loadManifests(JSON.stringify(value));
  expect(r.issues).toEqual([]);
  const m = r.manifests[0]!;
  if (m.kind === 'SparkApplication' || !('nodes' in m)) throw new Error(`unexpected ${m.kind}`);
  return m;
}

// The shape `kubectl get nodes -o json` prints (kind List, items with kind Node), trimmed.
const nodeItem = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'node-a', labels: { 'kubernetes.io/hostname': 'node-a' }, annotations: {} },
  spec: { taints: [{ key: 'type', value: 'hound', effect: 'NoSchedule', timeAdded: '2024-01-01T00:00:00Z' }] },
  status: {
    capacity: { cpu: '8', memory: '32144656Ki', pods: '58', 'ephemeral-storage': '20959212Ki', 'hugepages-2Mi': '0' },
    allocatable: {
      cpu: '7910m',
      memory: '31127824Ki',
      pods: '58',
      'kubernetes.io/batch-cpu': '4200',
      'kubernetes.io/batch-memory': '8589934592',
      'nvidia.com/gpu': '1',
    },
  },
};

const virtualNode = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'virtual-kubelet-cn-hangzhou-k' },
  spec: {
    taints: [{ key: 'virtual-kubelet.io/provider', value: 'alibabacloud', effect: 'NoSchedule' }],
    unschedulable: false,
  },
  status: { capacity: { cpu: '1000', memory: '6Ti', pods: '2k' } },
};

const podItem = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-1',
    namespace: 'shop',
    uid: 'u-1',
    labels: { app: 'web' },
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'rs-1', controller: true },
      { apiVersion: 'v1', kind: 'Other', name: 'x' },
    ],
  },
  spec: {
    nodeName: 'node-a',
    priority: 100,
    priorityClassName: 'prod',
    preemptionPolicy: 'Never',
    schedulerName: 'default-scheduler',
    nodeSelector: { disk: 'ssd' },
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }],
        },
      },
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [] },
    },
    initContainers: [{ name: 'init', resources: { requests: { cpu: '2', memory: '64Mi' } } }],
    containers: [
      { name: 'app', resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } },
      { name: 'sidecar', resources: { requests: { cpu: '100m', memory: '128Mi' } } },
    ],
    overhead: { cpu: '250m', memory: '120Mi' },
  },
  status: { phase: 'Running', startTime: '2024-05-01T08:00:00Z' },
};

describe('loadManifests: kubectl node and pod dumps', () => {
  it('reads a Node: allocatable per resource unit, taints, not virtual', () => {
    const m = objects({ apiVersion: 'v1', kind: 'List', items: [nodeItem], metadata: { resourceVersion: '' } });
    expect(m.kind).toBe('List');
    expect(m.nodes).toEqual([
      {
        name: 'node-a',
        labels: { 'kubernetes.io/hostname': 'node-a' },
        annotations: {},
        taints: [{ key: 'type', value: 'hound', effect: 'NoSchedule' }],
        capacity: {
          cpu: 8000,
          memory: 32144656 * 1024,
          pods: 58,
          'ephemeral-storage': 20959212 * 1024,
          'hugepages-2Mi': 0,
        },
        allocatable: {
          cpu: 7910,
          memory: 31127824 * 1024,
          pods: 58,
          // batch-cpu is already millicores; batch-memory bytes.
          'kubernetes.io/batch-cpu': 4200,
          'kubernetes.io/batch-memory': 8 * GI,
          'nvidia.com/gpu': 1,
        },
        unschedulable: false,
        virtual: false,
      },
    ]);
  });

  it('marks virtual-kubelet nodes (by taint or by label) and uses capacity when allocatable is absent', () => {
    const byLabel = { ...virtualNode, metadata: { name: 'vk2', labels: { type: 'virtual-kubelet' } }, spec: {} };
    const m = objects({ apiVersion: 'v1', kind: 'NodeList', items: [virtualNode, byLabel] });
    expect(m.nodes.map((n) => n.virtual)).toEqual([true, true]);
    expect(m.nodes[0]!.allocatable).toEqual({ cpu: 1_000_000, memory: 6 * 2 ** 40, pods: 2000 });
  });

  it('reads a Pod: requests as kube-scheduler sums them, controller owner, placement fields, start time', () => {
    const m = objects({ apiVersion: 'v1', kind: 'PodList', items: [podItem] });
    expect(m.pods).toEqual([
      {
        name: 'web-1',
        namespace: 'shop',
        uid: 'u-1',
        labels: { app: 'web' },
        annotations: {},
        priority: 100,
        priorityClassName: 'prod',
        preemptionPolicy: 'Never',
        // cpu: max(500 + 100, init 2000) + 250 overhead; memory: max(1Gi + 128Mi, 64Mi) + 120Mi.
        requests: { cpu: 2250, memory: GI + 128 * MI + 120 * MI },
        // Only the app container sets limits; overhead is added to the limits that are set.
        limits: { cpu: 1250, memory: GI + 120 * MI },
        nodeSelector: { disk: 'ssd' },
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }],
            },
          },
        },
        tolerations: [
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        ],
        owner: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'rs-1' },
        nodeName: 'node-a',
        schedulerName: 'default-scheduler',
        startTime: Date.UTC(2024, 4, 1, 8, 0, 0),
      },
    ]);
  });

  it('defaults a container request to its limit, and counts sidecar init containers', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        initContainers: [
          { name: 'proxy', restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } },
          { name: 'migrate', resources: { requests: { cpu: '1' } } },
        ],
        containers: [{ name: 'app', resources: { limits: { cpu: '300m', memory: '256Mi' } } }],
      },
    };
    const m = objects(pod);
    expect(m.kind).toBe('Pod');
    // steady state 300 + 100 sidecar = 400; init peak 1000 + 100 sidecar = 1100.
    expect(m.pods[0]!.requests).toEqual({ cpu: 1100, memory: 256 * MI });
    expect(m.pods[0]!).toMatchObject({ namespace: 'default', priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
  });

  it('skips Succeeded and Failed pods and lists them', () => {
    const done = { ...podItem, metadata: { name: 'job-1', namespace: 'batch' }, status: { phase: 'Succeeded' } };
    const failed = { ...podItem, metadata: { name: 'job-2' }, status: { phase: 'Failed' } };
    const pending = {
      ...podItem,
      metadata: { name: 'job-3' },
      spec: { ...podItem.spec, nodeName: '' },
      status: { phase: 'Pending' },
    };
    const m = objects({ apiVersion: 'v1', kind: 'List', items: [nodeItem, done, failed, pending] });
    expect(m.nodes).toHaveLength(1);
    expect(m.pods.map((p) => [p.name, p.nodeName])).toEqual([['job-3', undefined]]);
    expect(m.skippedPods).toEqual([
      { name: 'job-1', namespace: 'batch', phase: 'Succeeded' },
      { name: 'job-2', namespace: 'default', phase: 'Failed' },
    ]);
  });

  it('reports bad items at items[i] and other item kinds in a List', () => {
    const badPod = {
      ...podItem,
      spec: { ...podItem.spec, containers: [{ name: 'c', resources: { requests: { cpu: '1.5.3' } } }] },
    };
    const r = loadManifests(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [nodeItem, badPod, { apiVersion: 'v1', kind: 'Service' }, {}],
      }),
    );
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['items.1.spec.containers.0.resources.requests.cpu', 'invalid-field'],
      ['items.2.kind', 'unsupported-kind'],
      ['items.3.kind', 'invalid-field'],
    ]);
    expect(r.issues[0]).toMatchObject({ kind: 'List', message: '"1.5.3" is not a Kubernetes quantity' });
  });

  it('reports a negative allocatable and a bad start time', () => {
    const r = loadManifests(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [
          { ...nodeItem, status: { allocatable: { memory: '-1Gi' } } },
          { ...podItem, status: { phase: 'Running', startTime: 'yesterday' } },
        ],
      }),
    );
    expect(r.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['items.0.status.allocatable.memory', '"-1Gi" is negative; resource amounts must be ≥ 0'],
      ['items.1.status.startTime', 'must be an RFC 3339 time such as "2024-05-01T08:00:00Z", got "yesterday"'],
    ]);
  });
});
