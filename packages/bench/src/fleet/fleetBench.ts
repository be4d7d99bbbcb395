/**
 * Decision-latency benchmark of the fleet scheduler (`@gleaner/core` fleet folder).
 *
 * Scenarios (all inputs generated from a fixed seed, so every run measures the same work):
 * - **gang/warm**: one Gang decision for a SparkApplication of 1 driver + 100 executors across 10 members ×
 *   1,000 nodes, node-level fit, the same synced snapshot reused between decisions (the simulator's case
 *   between two member syncs: per-member node indexes are memoized by node-list identity);
 * - **gang/cold**: the same decision on a snapshot whose node lists were just replaced (indexes rebuilt:
 *   the first decision after a sync);
 * - **gang/preoccupied**: decisions in sequence on one snapshot, each adding its reservations to the view
 *   (the holds of earlier jobs are overlaid on the nodes);
 * - **gang/no-fit**: a fragmented fleet where every member's summary has room but no node takes an
 *   executor, so the node-level fit walks all 10,000 nodes before the job waits (the worst case);
 * - **divideReplicas/100**: dynamic-weight, Aggregated and static-weight division of 1,000 replicas over
 *   100 members (Webster).
 *
 * Run: `pnpm exec tsx --conditions=@gleaner/source packages/bench/src/fleet/fleetBench.ts`
 */
import { pathToFileURL } from 'node:url';
import type {
  DivisionCandidate,
  FleetComponent,
  FleetResource,
  FleetSnapshot,
  MemberNodeSnapshot,
  MemberSnapshot,
  PropagationPolicy,
  ReplicaSchedulingStrategy,
} from '@gleaner/core';
import { divideReplicas, scheduleOnFleet, withReservations } from '@gleaner/core';

const Gi = 2 ** 30;
const Mi = 2 ** 20;
const BATCH_CPU = 'kubernetes.io/batch-cpu';
const BATCH_MEMORY = 'kubernetes.io/batch-memory';

/** mulberry32: a tiny seeded generator, so the generated fleet is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeNode(name: string, rand: () => number, load: number): MemberNodeSnapshot {
  const batchCores = 4 + Math.floor(rand() * 17); // 4–20 batch cores published by Koordinator
  const batchGi = 8 + Math.floor(rand() * 57); // 8–64 GiB
  const used = Math.min(1, load * (0.5 + rand()));
  const usedCores = Math.floor(batchCores * used);
  return {
    name,
    labels: { 'topology.kubernetes.io/zone': `zone-${Math.floor(rand() * 3)}` },
    taints: rand() < 0.02 ? [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] : [],
    allocatable: {
      cpu: 32_000,
      memory: 128 * Gi,
      pods: 110,
      [BATCH_CPU]: batchCores * 1000,
      [BATCH_MEMORY]: batchGi * Gi,
    },
    requested: {
      cpu: Math.floor(32_000 * used),
      memory: Math.floor(128 * Gi * used),
      pods: Math.floor(60 * used),
      [BATCH_CPU]: usedCores * 1000,
      [BATCH_MEMORY]: Math.floor(batchGi * Gi * used),
    },
  };
}

/** `members` members × `nodes` nodes each; `load` ∈ [0, 1] scales how much of each node is already used. */
export function makeFleet(members: number, nodes: number, load: number, seed = 42): FleetSnapshot {
  const rand = rng(seed);
  const out: MemberSnapshot[] = [];
  for (let m = 0; m < members; m++) {
    const name = `member-${String(m).padStart(2, '0')}`;
    out.push({
      name,
      kubernetesVersion: { major: 1, minor: m % 2 === 0 ? 28 : 26 },
      labels: { region: m < members / 2 ? 'cn-hangzhou' : 'cn-beijing' },
      taints: [],
      syncedAt: 0,
      reservations: [],
      nodes: Array.from({ length: nodes }, (_, i) => makeNode(`${name}-node-${i}`, rand, load)),
    });
  }
  return { members: out };
}

/** A colocated SparkApplication: driver 1 core / 1408Mi, `executors` × (2 cores, 4 GiB + 410Mi overhead). */
export function makeSparkApp(name: string, executors: number): FleetResource {
  const components: FleetComponent[] = [
    {
      name: 'driver',
      replicas: 1,
      replicaRequirements: { resourceRequest: { [BATCH_CPU]: 1000, [BATCH_MEMORY]: 1408 * Mi } },
    },
    {
      name: 'executor',
      replicas: executors,
      replicaRequirements: { resourceRequest: { [BATCH_CPU]: 2000, [BATCH_MEMORY]: 4 * Gi + 410 * Mi } },
    },
  ];
  return {
    shape: 'multiComponent',
    template: {
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'SparkApplication',
      name,
      namespace: 'spark',
      labels: {},
    },
    components,
  };
}

function gangPolicy(members: readonly string[]): PropagationPolicy {
  return {
    apiVersion: 'policy.one.alibabacloud.com/v1alpha1',
    kind: 'PropagationPolicy',
    name: 'sparkapp-policy',
    namespace: 'spark',
    labels: {},
    resourceSelectors: [{ apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication' }],
    placement: {
      clusterAffinity: { clusterNames: [...members] },
      replicaScheduling: { replicaSchedulingType: 'Divided', customSchedulingType: 'Gang' },
    },
    priority: 0,
    preemption: 'Never',
    propagateDeps: true,
    preserveResourcesOnDeletion: false,
    schedulerName: 'default-scheduler',
  };
}

/** Latency statistics of one scenario, in milliseconds. */
export interface ScenarioResult {
  readonly name: string;
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly perSecond: number;
  readonly note: string;
}

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function measure(
  name: string,
  samples: number,
  warmup: number,
  note: string,
  run: (i: number) => unknown,
): ScenarioResult {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink ^= run(i) === undefined ? 1 : 0;
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    const out = run(warmup + i);
    times.push(performance.now() - t0);
    sink ^= out === undefined ? 1 : 0; // use every result
  }
  if (sink === -1) console.log('unreachable');
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  return {
    name,
    samples,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    meanMs: mean,
    perSecond: 1000 / mean,
    note,
  };
}

/** Runs every scenario, prints a table unless `quiet`, and returns the results. */
export function main(options: { readonly quiet?: boolean; readonly samples?: number } = {}): ScenarioResult[] {
  const samples = options.samples ?? 2000;
  const results: ScenarioResult[] = [];

  const fleet = makeFleet(10, 1000, 0.6);
  const names = fleet.members.map((m) => m.name);
  const policies = [gangPolicy(names)];
  const app = makeSparkApp('spark-etl', 100);
  const first = scheduleOnFleet(fleet, app, policies, { nowMs: 0 });
  if (first.kind !== 'scheduled') throw new Error(`fleetBench: the benchmark job should fit, got ${first.kind}`);

  results.push(
    measure('gang/warm', samples, 200, '1 driver + 100 executors, 10 members × 1,000 nodes, snapshot reused', () =>
      scheduleOnFleet(fleet, app, policies, { nowMs: 0 }),
    ),
  );

  // Fresh node lists for every sample: the per-member indexes are rebuilt (first decision after a sync).
  const coldSamples = Math.max(20, Math.floor(samples / 10));
  const coldFleets = Array.from({ length: coldSamples + 20 }, () => ({
    members: fleet.members.map((m) => ({ ...m, nodes: [...m.nodes] })),
  }));
  results.push(
    measure('gang/cold', coldSamples, 20, 'same, right after a sync (node indexes rebuilt)', (i) =>
      scheduleOnFleet(coldFleets[i]!, app, policies, { nowMs: 0 }),
    ),
  );

  // Sequential decisions that each leave reservations behind (reset every 50 jobs).
  let view = fleet;
  results.push(
    measure('gang/preoccupied', samples, 200, 'same, with the reservations of up to 50 earlier jobs overlaid', (i) => {
      if (i % 50 === 0) view = fleet;
      const d = scheduleOnFleet(view, makeSparkApp(`job-${i}`, 100), policies, { nowMs: i });
      if (d.kind === 'scheduled') view = withReservations(view, d.reservations);
      return d;
    }),
  );

  // Worst case: every member's summary has room but every node keeps only 1.5 batch cores free, so no
  // 2-core executor fits anywhere and the node-level fit walks all 10 × 1,000 nodes before the job waits.
  const fragmented: FleetSnapshot = {
    members: fleet.members.map((m) => ({
      ...m,
      nodes: m.nodes.map((n) => ({
        ...n,
        allocatable: { ...n.allocatable, [BATCH_CPU]: 4000, [BATCH_MEMORY]: 32 * Gi },
        requested: { ...n.requested, [BATCH_CPU]: 2500, [BATCH_MEMORY]: 8 * Gi },
      })),
    })),
  };
  if (scheduleOnFleet(fragmented, app, policies, { nowMs: 0 }).kind !== 'waiting') {
    throw new Error('fleetBench: the fragmented fleet should make the job wait');
  }
  results.push(
    measure(
      'gang/no-fit',
      Math.max(50, Math.floor(samples / 4)),
      50,
      'fragmented: every node of every member scanned, job waits',
      () => scheduleOnFleet(fragmented, app, policies, { nowMs: 0 }),
    ),
  );

  const rand = rng(3);
  const clusters: DivisionCandidate[] = Array.from({ length: 100 }, (_, i) => ({
    name: `member-${String(i).padStart(3, '0')}`,
    labels: { tier: i % 3 === 0 ? 'gold' : 'silver' },
    availableReplicas: Math.floor(rand() * 200),
  }));
  const dynamic: ReplicaSchedulingStrategy = {
    replicaSchedulingType: 'Divided',
    replicaDivisionPreference: 'Weighted',
    weightPreference: { dynamicWeight: 'AvailableReplicas' },
  };
  const aggregated: ReplicaSchedulingStrategy = {
    replicaSchedulingType: 'Divided',
    replicaDivisionPreference: 'Aggregated',
  };
  const staticW: ReplicaSchedulingStrategy = {
    replicaSchedulingType: 'Divided',
    replicaDivisionPreference: 'Weighted',
    weightPreference: {
      staticWeightList: [
        { targetCluster: { labelSelector: { matchLabels: { tier: 'gold' } } }, weight: 3 },
        { targetCluster: { labelSelector: { matchLabels: { tier: 'silver' } } }, weight: 1 },
      ],
    },
  };
  const uid = '4858ca61-3ff8-4095-8267-f3d059d8074c';
  for (const [label, rs] of [
    ['dynamic', dynamic],
    ['aggregated', aggregated],
    ['static', staticW],
  ] as const) {
    results.push(
      measure(`divideReplicas/100/${label}`, samples, 200, '1,000 replicas over 100 members (Webster)', () =>
        divideReplicas({ replicas: 1000, clusters, replicaScheduling: rs, uid }),
      ),
    );
  }

  if (options.quiet !== true) {
    console.log(`fleetBench — node ${process.version}, ${samples} samples (cold ${coldSamples})`);
    console.table(
      results.map((r) => ({
        scenario: r.name,
        'p50 (ms)': r.p50Ms.toFixed(4),
        'p99 (ms)': r.p99Ms.toFixed(4),
        'mean (ms)': r.meanMs.toFixed(4),
        'per second': Math.round(r.perSecond),
        note: r.note,
      })),
    );
  }
  return results;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) main();
