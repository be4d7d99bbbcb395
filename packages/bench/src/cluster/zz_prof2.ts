import { MutableClusterState, podKey, scheduleInCluster } from '@gleaner/core';
const Gi = 2 ** 30;
const n = 5000;
const nodes = Array.from({ length: n }, (_, i) => ({
  name: `node-${i}`, labels: {}, annotations: {}, taints: [],
  capacity: { cpu: 4000, memory: 16 * Gi, pods: 110 }, allocatable: { cpu: 4000, memory: 16 * Gi, pods: 110 },
  unschedulable: false, virtual: false,
}));
const mk = (name: string, priority: number, nodeName?: string) => ({ name, namespace: 'b', labels: {}, annotations: {}, priority, preemptionPolicy: 'PreemptLowerPriority' as const,
    requests: { cpu: 1000, memory: 2 * Gi }, limits: {}, nodeSelector: {}, tolerations: [], ...(nodeName ? { nodeName } : {}) });
const pods = [];
for (let i = 0; i < n; i++) for (let j = 0; j < 4; j++) pods.push(mk(`low-${i}-${j}`, j === 0 ? 1 : 0, `node-${i}`));
const state = new MutableClusterState({ nodes, pods });
const t0 = performance.now();
for (let k = 0; k < 100; k++) {
  const d = scheduleInCluster(state.view(), mk(`high-${k}`, 100));
  if (d.kind === 'preempt') { for (const v of d.victims) state.remove(podKey(v)); state.bind(d.pod, d.nodeName); }
}
console.log('ms per preemption', (performance.now() - t0) / 100);
