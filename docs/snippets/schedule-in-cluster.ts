import { createClusterSnapshot, type Node, type Pod, parseCpu, parseMemory, scheduleInCluster } from '@gleaner/core';

function node(name: string, cpu: string, memory: string): Node {
  const resources = { cpu: parseCpu(cpu), memory: parseMemory(memory), pods: 110 };
  return {
    name,
    labels: {},
    annotations: {},
    taints: [],
    capacity: resources,
    allocatable: resources,
    unschedulable: false,
    virtual: false,
  };
}

function pod(name: string, cpu: string, memory: string, priority: number, nodeName?: string): Pod {
  const requests = { cpu: parseCpu(cpu), memory: parseMemory(memory) };
  return {
    name,
    namespace: 'default',
    labels: {},
    annotations: {},
    priority,
    preemptionPolicy: 'PreemptLowerPriority',
    requests,
    limits: requests,
    nodeSelector: {},
    tolerations: [],
    ...(nodeName === undefined ? {} : { nodeName, startTime: 0 }),
  };
}

// Two 4-core nodes: an online service on node-a, a low-priority batch pod on node-b.
const cluster = createClusterSnapshot({
  nodes: [node('node-a', '4', '16Gi'), node('node-b', '4', '16Gi')],
  pods: [pod('online-0', '3', '8Gi', 1000, 'node-a'), pod('batch-0', '2', '4Gi', -1000, 'node-b')],
});

// A 2-core pod at priority 0 fits next to the batch pod.
const small = scheduleInCluster(cluster, pod('web-1', '2', '2Gi', 0));
if (small.kind === 'bind') console.log(`web-1: bind to ${small.nodeName} (score ${small.score})`);

// A 3-core pod at priority 1000 fits nowhere; evicting the batch pod makes room.
const big = scheduleInCluster(cluster, pod('online-1', '3', '4Gi', 1000));
console.log(`online-1: ${big.kind}`);
if (big.kind !== 'bind') console.log(`  ${big.message}`);
if (big.kind === 'preempt') {
  console.log(`  nominated to ${big.nodeName}, victims: ${big.victims.map((v) => v.name).join(', ')}`);
}
