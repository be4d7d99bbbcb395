import { MutableClusterState, scheduleInCluster } from '@gleaner/core';
const Gi = 2 ** 30;
const nodes = Array.from({ length: 5000 }, (_, i) => ({
  name: `node-${i}`, labels: { zone: `z${i % 3}` }, annotations: {}, taints: [],
  capacity: { cpu: 64000, memory: 256 * Gi, pods: 110 },
  allocatable: { cpu: 64000, memory: 256 * Gi, pods: 110, 'kubernetes.io/batch-cpu': 20000, 'kubernetes.io/batch-memory': 80 * Gi },
  unschedulable: false, virtual: false,
}));
const state = new MutableClusterState({ nodes, pods: [] });
const view = state.view();
const t0 = performance.now();
for (let k = 0; k < 5000; k++) {
  const p = { name: `p${k}`, namespace: 'b', labels: {}, annotations: {}, priority: 0, preemptionPolicy: 'PreemptLowerPriority' as const,
    requests: { cpu: 1000 * (1 + (k % 4)), memory: 2 * Gi }, limits: {}, nodeSelector: {}, tolerations: [] };
  const d = scheduleInCluster(view, p);
  state.apply(d);
}
console.log('ms', performance.now() - t0);
console.log('recomputes', (globalThis as any).__recomputes)
