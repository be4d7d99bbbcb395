import { MutableClusterState, scheduleInCluster } from '@gleaner/core';
import { __test } from './placementBench.js';

const nodes = __test.makeNodes(5000, 1);
const pods = __test.makePods(20000, 2, false);
const state = new MutableClusterState({ nodes, pods: [] });
const lat: [number, number, string][] = [];
for (let k = 0; k < pods.length; k++) {
  const t0 = process.hrtime.bigint();
  const d = scheduleInCluster(state.view(), pods[k]!);
  lat.push([
    Number(process.hrtime.bigint() - t0) / 1000,
    k,
    JSON.stringify(pods[k]!.requests) + JSON.stringify(pods[k]!.nodeSelector) + pods[k]!.tolerations.length,
  ]);
  state.apply(d);
}
lat.sort((a, b) => b[0] - a[0]);
console.log(
  lat
    .slice(0, 40)
    .map((x) => `${x[0].toFixed(0)}us k=${x[1]} ${x[2]}`)
    .join('\n'),
);
const total = lat.reduce((a, b) => a + b[0], 0);
console.log('total ms', total / 1000, 'top 1% ms', lat.slice(0, 200).reduce((a, b) => a + b[0], 0) / 1000);
