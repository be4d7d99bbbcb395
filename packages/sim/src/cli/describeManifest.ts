import {
  BATCH_CPU,
  BATCH_MEMORY,
  type ClusterAffinity,
  type ClusterObjectsManifest,
  type ConfigMapManifest,
  CPU,
  formatCpu,
  formatMemory,
  type Manifest,
  MEMORY,
  type PropagationPolicy,
  type ReplicaSchedulingStrategy,
  type ResourceList,
  type SparkApplication,
  type SparkPods,
  type SparkRolePod,
} from '@gleaner/core';

/** The name a manifest goes by in messages: `namespace/name` for namespaced objects, else `name`. */
export function manifestName(m: Manifest): string | undefined {
  switch (m.kind) {
    case 'SparkApplication':
      return `${m.application.namespace}/${m.application.name}`;
    case 'PropagationPolicy':
    case 'ClusterPropagationPolicy':
      return m.policy.namespace === undefined ? m.policy.name : `${m.policy.namespace}/${m.policy.name}`;
    case 'PriorityClass':
      return m.priorityClass.name;
    case 'Namespace':
      return m.name;
    case 'ConfigMap':
      return m.namespace === undefined ? m.name : `${m.namespace}/${m.name}`;
    default:
      return undefined;
  }
}

/** A resource amount as kubectl would print it: cpu as a CPU quantity, bytes with a binary suffix, counts as is. */
function formatAmount(name: string, value: number): string {
  if (name === CPU) return formatCpu(value);
  if (name === MEMORY || name === BATCH_MEMORY || name === 'ephemeral-storage') return formatMemory(value);
  return String(value);
}

/** `cpu 2  memory 4505Mi` / `batch-cpu 1000  batch-memory 896Mi`, in a stable order (cpu, memory, rest). */
function formatResources(list: ResourceList): string[] {
  const rank = (name: string): number => [CPU, MEMORY, BATCH_CPU, BATCH_MEMORY].indexOf(name) + 1 || 9;
  return Object.keys(list)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((name) => `${name.replace(/^kubernetes\.io\//, '')} ${formatAmount(name, list[name]!)}`);
}

/** Pads each column to its widest cell so the role lines of one application line up. */
function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

function roleRow(role: SparkRolePod): string[] {
  const count = `${role.replicas} ${role.replicas === 1 ? 'pod' : 'pods'}`;
  const resources = formatResources(role.pod.requests);
  const qos = role.colocated ? 'qos BE' : '';
  return [role.role, count, ...resources, `priority ${role.pod.priority}`, qos];
}

function describeSpark(app: SparkApplication, pods: SparkPods | undefined): string[] {
  const head = `${app.type}, Spark ${app.sparkVersion}, restartPolicy ${app.restartPolicy.type}`;
  if (pods === undefined) return [head];
  return [
    `${head}; executors requested ${pods.executorBatchSize} per round`,
    ...alignColumns([roleRow(pods.driver), roleRow(pods.executor)]).map((line) => `  ${line}`),
  ];
}

function describeAffinity(a: ClusterAffinity): string {
  const parts: string[] = [];
  if (a.clusterNames !== undefined && a.clusterNames.length > 0) parts.push(`clusters ${a.clusterNames.join(', ')}`);
  const labels = a.labelSelector;
  if (labels !== undefined) {
    const terms = [
      ...Object.entries(labels.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
      ...(labels.matchExpressions ?? []).map(
        (e) => `${e.key} ${e.operator}${e.values ? ` (${e.values.join(',')})` : ''}`,
      ),
    ];
    parts.push(`cluster labels ${terms.join(', ') || '(any)'}`);
  }
  for (const e of a.fieldSelector?.matchExpressions ?? []) parts.push(`${e.key} ${e.operator} (${e.values.join(',')})`);
  if (a.exclude !== undefined && a.exclude.length > 0) parts.push(`excluding ${a.exclude.join(', ')}`);
  return parts.length === 0 ? 'all member clusters' : parts.join('; ');
}

function describeReplicaScheduling(r: ReplicaSchedulingStrategy | undefined): string {
  if (r === undefined) return 'replicas Duplicated (no replicaScheduling)';
  let text = `replicas ${r.replicaSchedulingType}`;
  if (r.replicaSchedulingType === 'Divided') {
    if (r.replicaDivisionPreference === 'Aggregated') text += ', Aggregated';
    else if (r.weightPreference?.dynamicWeight !== undefined)
      text += `, Weighted by ${r.weightPreference.dynamicWeight}`;
    else if (r.weightPreference?.staticWeightList !== undefined) {
      const weights = r.weightPreference.staticWeightList.map(
        (w) => `${describeAffinity(w.targetCluster)}: ${w.weight}`,
      );
      text += `, Weighted by static weights (${weights.join('; ')})`;
    } else text += ', Weighted (equal static weights)';
  }
  if (r.customSchedulingType === 'Gang') text += ', Gang (all pods of a job in one cluster)';
  return text;
}

function describePolicy(p: PropagationPolicy): string {
  const selectors = p.resourceSelectors
    .map((s) => `${s.apiVersion} ${s.kind} ${s.name === undefined ? '(any name)' : JSON.stringify(s.name)}`)
    .join(', ');
  const placement = p.placement;
  const where =
    placement.clusterAffinities !== undefined
      ? `affinity groups ${placement.clusterAffinities.map((t) => `${t.affinityName}: ${describeAffinity(t)}`).join(' then ')}`
      : describeAffinity(placement.clusterAffinity ?? {});
  const extras = [
    p.priority === 0 ? '' : `priority ${p.priority}`,
    p.propagateDeps ? 'propagateDeps' : '',
    p.schedulerName === 'default-scheduler' ? '' : `scheduler ${p.schedulerName}`,
  ].filter((x) => x !== '');
  return [
    `selects ${selectors}`,
    `placement ${where}`,
    describeReplicaScheduling(placement.replicaScheduling),
    ...extras,
  ].join('; ');
}

function describeConfigMap(m: ConfigMapManifest): string {
  const slo = m.sloConfig;
  if (slo === undefined) {
    const keys = Object.keys(m.data).length;
    return `ConfigMap with ${keys} data ${keys === 1 ? 'key' : 'keys'} (not an SLO config; Gleaner does not read it)`;
  }
  const c = slo.colocation;
  const t = slo.resourceThreshold;
  const nodes =
    slo.nodeConfigs.colocation.length + slo.nodeConfigs.resourceThreshold.length + slo.nodeConfigs.resourceQOS.length;
  return [
    `Koordinator SLO config: colocation ${c.enable ? 'enabled' : 'disabled'}`,
    `reclaim thresholds cpu ${c.cpuReclaimThresholdPercent}% memory ${c.memoryReclaimThresholdPercent}% (policies cpu ${c.cpuCalculatePolicy}, memory ${c.memoryCalculatePolicy})`,
    `BE limits ${t.enable ? 'enabled' : 'disabled'}: cpu suppress ${t.cpuSuppressThresholdPercent}% (${t.cpuSuppressPolicy}), memory evict ${t.memoryEvictThresholdPercent}%`,
    ...(nodes === 0 ? [] : [`${nodes} node-level ${nodes === 1 ? 'override' : 'overrides'}`]),
  ].join('; ');
}

function describeClusterObjects(m: ClusterObjectsManifest): string {
  const parts: string[] = [];
  if (m.nodes.length > 0 || m.kind === 'NodeList' || m.kind === 'Node') {
    const virtual = m.nodes.filter((n) => n.virtual).length;
    const cordoned = m.nodes.filter((n) => n.unschedulable).length;
    let total: Record<string, number> = {};
    for (const n of m.nodes) {
      total = {
        ...total,
        [CPU]: (total[CPU] ?? 0) + (n.allocatable[CPU] ?? 0),
        [MEMORY]: (total[MEMORY] ?? 0) + (n.allocatable[MEMORY] ?? 0),
      };
    }
    const notes = [virtual > 0 ? `${virtual} virtual` : '', cordoned > 0 ? `${cordoned} unschedulable` : ''].filter(
      (x) => x !== '',
    );
    parts.push(
      `${m.nodes.length} ${m.nodes.length === 1 ? 'node' : 'nodes'}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}, allocatable ${formatResources(total).join(' ') || 'none'}`,
    );
  }
  if (m.pods.length > 0 || m.skippedPods.length > 0 || m.kind === 'PodList' || m.kind === 'Pod') {
    const bound = m.pods.filter((p) => p.nodeName !== undefined).length;
    const skipped = m.skippedPods.length;
    parts.push(
      `${m.pods.length} ${m.pods.length === 1 ? 'pod' : 'pods'} (${bound} bound to nodes)${skipped > 0 ? `, ${skipped} Succeeded/Failed skipped` : ''}`,
    );
  }
  return parts.join('; ');
}

/**
 * What one loaded manifest means, for `gleaner validate`: a one-line summary, followed for a
 * SparkApplication by one indented line per pod role (count, requests, priority, QoS).
 */
export function describeManifest(m: Manifest, pods?: SparkPods): string[] {
  switch (m.kind) {
    case 'SparkApplication':
      return describeSpark(m.application, pods);
    case 'PropagationPolicy':
    case 'ClusterPropagationPolicy':
      return [describePolicy(m.policy)];
    case 'PriorityClass': {
      const c = m.priorityClass;
      return [`value ${c.value}, preemptionPolicy ${c.preemptionPolicy}${c.globalDefault ? ', globalDefault' : ''}`];
    }
    case 'Namespace': {
      const labels = Object.entries(m.labels).map(([k, v]) => `${k}=${v}`);
      return [labels.length === 0 ? 'namespace' : `namespace, labels ${labels.join(', ')}`];
    }
    case 'ConfigMap':
      return [describeConfigMap(m)];
    default:
      return [describeClusterObjects(m)];
  }
}
