import { readFileSync } from 'node:fs';
import {
  type FleetSnapshot,
  loadManifests,
  type MemberNodeSnapshot,
  type PriorityClass,
  type PropagationPolicy,
  parseCpu,
  parseKubernetesVersion,
  parseMemory,
  type SparkApplication,
  scheduleOnFleet,
  sparkApplicationResource,
  sparkPods,
} from '@gleaner/core';

// The seed's SparkPi, its PriorityClass and the Gang PropagationPolicy (Divided, customSchedulingType: Gang).
const text = ['priority-class.yaml', 'spark-pi.yaml', 'sparkapp-policy.yaml']
  .map((f) => readFileSync(`examples/seed-fleet/manifests/${f}`, 'utf8'))
  .join('\n---\n');
const classes: PriorityClass[] = [];
const policies: PropagationPolicy[] = [];
let app: SparkApplication | undefined;
for (const m of loadManifests(text).manifests) {
  if (m.kind === 'PriorityClass') classes.push(m.priorityClass);
  if (m.kind === 'PropagationPolicy' || m.kind === 'ClusterPropagationPolicy') policies.push(m.policy);
  if (m.kind === 'SparkApplication') app = m.application;
}
if (app === undefined) throw new Error('no SparkApplication');
const pods = sparkPods(app, classes);
if (!pods.ok) throw new Error('spark-pi does not resolve');

// A node as the fleet last synced it: Koordinator's published batch resources, and what is requested.
function node(name: string, batchCpu: string, batchMemory: string): MemberNodeSnapshot {
  return {
    name,
    labels: {},
    taints: [],
    allocatable: {
      'kubernetes.io/batch-cpu': parseCpu(batchCpu),
      'kubernetes.io/batch-memory': parseMemory(batchMemory),
      pods: 110,
    },
    requested: { pods: 6 },
  };
}

const fleet: FleetSnapshot = {
  members: [
    {
      name: 'cn-hangzhou-online',
      labels: {},
      kubernetesVersion: parseKubernetesVersion('1.28')!,
      taints: [],
      nodes: [node('hz-1', '1500m', '2Gi'), node('hz-2', '1500m', '2Gi')],
      syncedAt: 0,
      reservations: [],
    },
    {
      name: 'eu-frankfurt-online',
      labels: {},
      kubernetesVersion: parseKubernetesVersion('1.26')!,
      taints: [],
      nodes: [node('fra-1', '500m', '8Gi')],
      syncedAt: 0,
      reservations: [],
    },
  ],
};

const decision = scheduleOnFleet(fleet, sparkApplicationResource(app, pods.pods), policies, { nowMs: 0 });
console.log(
  `${decision.kind}: ${decision.kind === 'scheduled' || decision.kind === 'waiting' ? decision.message : decision.reason}`,
);
if (decision.kind === 'scheduled') {
  for (const v of decision.verdicts)
    console.log(`  ${v.member}: ${v.outcome}${v.reason === undefined ? '' : ` (${v.reason})`}`);
  for (const p of decision.placements.flatMap((m) => m.nodes))
    console.log(`  ${p.component} ×${p.replicas} on ${p.node}`);
  for (const r of decision.reservations) {
    console.log(`  hold on ${r.node} until ${r.expiresAtMs / 1000} s: ${JSON.stringify(r.resources)}`);
  }
}
