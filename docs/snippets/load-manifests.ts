import { readFileSync } from 'node:fs';
import {
  formatCpu,
  formatFieldPath,
  formatMemory,
  loadManifests,
  type PriorityClass,
  type ResourceList,
  sparkPods,
} from '@gleaner/core';

// The seed's manifests: the low-priority PriorityClass and the SparkPi application.
const text = ['priority-class.yaml', 'spark-pi.yaml']
  .map((f) => readFileSync(`examples/seed-fleet/manifests/${f}`, 'utf8'))
  .join('\n---\n');

const loaded = loadManifests(text);
for (const issue of loaded.issues) {
  console.log(`document ${issue.document}: ${formatFieldPath(issue.path)}: ${issue.message}`);
}

// Millicores and bytes back to Kubernetes quantities, for printing.
const show = (list: ResourceList): string =>
  Object.entries(list)
    .map(([name, n]) => `${name}=${name.endsWith('cpu') ? formatCpu(n) : formatMemory(n)}`)
    .join(' ');

const classes: PriorityClass[] = [];
for (const m of loaded.manifests) if (m.kind === 'PriorityClass') classes.push(m.priorityClass);

for (const m of loaded.manifests) {
  if (m.kind !== 'SparkApplication') continue;
  const result = sparkPods(m.application, classes);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  for (const role of [result.pods.driver, result.pods.executor]) {
    const { pod, memory } = role;
    console.log(`${pod.name} ×${role.replicas}  priority ${pod.priority}  BE pod: ${role.colocated}`);
    console.log(`  requests ${show(pod.requests)}`);
    console.log(`  memory = ${memory.heapMiB} MiB heap + ${memory.overheadMiB} MiB overhead`);
  }
}
