import { divideReplicas } from '@gleaner/core';

// Karmada's dynamic-weight example: three members that can take 6, 12 and 18 more replicas share 12
// replicas in proportion to that room.
const result = divideReplicas({
  replicas: 12,
  clusters: [
    { name: 'member1', labels: {}, availableReplicas: 6 },
    { name: 'member2', labels: {}, availableReplicas: 12 },
    { name: 'member3', labels: {}, availableReplicas: 18 },
  ],
  replicaScheduling: {
    replicaSchedulingType: 'Divided',
    replicaDivisionPreference: 'Weighted',
    weightPreference: { dynamicWeight: 'AvailableReplicas' },
  },
});

if (result.kind === 'assigned') {
  console.log(result.strategy);
  for (const c of result.clusters) console.log(`${c.name}: ${c.replicas}`);
} else {
  console.log(result.reason);
}
