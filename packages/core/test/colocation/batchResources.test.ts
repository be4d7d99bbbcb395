import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  BatchResources,
  BatchResourcesResult,
  ColocationStrategy,
  NodeMetric,
  PodMetric,
} from '../../src/colocation/index.js';
import {
  annotationReserved,
  batchResourceTerms,
  batchResourceValue,
  batchResourceValues,
  CALCULATE_POLICY_CODES,
  computeBatchResources,
  cpusetSize,
  DEFAULT_COLOCATION_STRATEGY,
  reclaimPercentFromRatio,
  reservePortion,
} from '../../src/colocation/index.js';
import type { Pod } from '../../src/model/index.js';
import { bePod, CORE, deepFreeze, G, GI, lsPod, makeMetric, makeNode, makePod, podMetric, usage } from './fixtures.js';

const ON: ColocationStrategy = { ...DEFAULT_COLOCATION_STRATEGY, enable: true };
const NOW = 10 * 60_000;

function ok(r: BatchResourcesResult): BatchResources {
  if (r.degraded) throw new Error(`degraded: ${r.reason}`);
  return r;
}

describe('computeBatchResources — worked cases', () => {
  it('koordinator.md §2.3: 100 cores / 120G, reclaim 65/65, system 7c/12G, HP used 33c/33G → 25000 m and 33 G', () => {
    const node = makeNode({ cpu: 100 * CORE, memory: 120 * G });
    const pods = [
      lsPod('online-a', 20 * CORE, 20 * G),
      lsPod('online-b', 30 * CORE, 30 * G),
      bePod('spark-exec', 10 * CORE, 10 * G),
    ];
    const metric = makeMetric(NOW, usage(7 * CORE, 12 * G), [
      podMetric('online-a', 11 * CORE, 11 * G),
      podMetric('online-b', 22 * CORE, 22 * G),
      podMetric('spark-exec', 10 * CORE, 10 * G, 'koord-batch', 'BE'),
    ]);
    const strategy = { ...ON, cpuReclaimThresholdPercent: 65, memoryReclaimThresholdPercent: 65 };
    const r = ok(computeBatchResources(node, pods, metric, strategy, NOW));
    expect(r.batchCpu).toBe(25_000);
    expect(r.batchMemory).toBe(33 * G);
    expect(r.cpu).toMatchObject({ capacity: 100_000, safetyMargin: 35_000, systemUsed: 7000, hpUsed: 33_000 });
    expect(r.memory).toMatchObject({ safetyMargin: 42 * G, systemUsed: 12 * G, hpUsed: 33 * G, policy: 'usage' });
    // With the defaults (60/65) the CPU margin is 40 cores instead of 35.
    expect(ok(computeBatchResources(node, pods, metric, ON, NOW)).batchCpu).toBe(20_000);
  });

  // Node used by the next cases: 16 cores / 64Gi, kubelet reserves 1 core and 2Gi.
  const node16 = makeNode({
    cpu: 16 * CORE,
    memory: 64 * GI,
    allocatableCpu: 15 * CORE,
    allocatableMemory: 62 * GI,
  });
  // Memory safety margin at 65%: trunc(68719476736 × 0.35) = 24051816857 bytes; CPU margin at 60%: 6400 m.
  const MEM_MARGIN_16 = 24_051_816_857;

  it('usage policy with the kubelet reservation above system usage (defaults 60/65)', () => {
    const pods = [lsPod('web', 6 * CORE, 12 * GI)];
    const metric = makeMetric(NOW, usage(500, GI), [podMetric('web', 4 * CORE, 10 * GI)]);
    const r = ok(computeBatchResources(node16, pods, metric, ON, NOW));
    // cpu: 16000 − 6400 − max(500, 1000) − 4000
    expect(r.batchCpu).toBe(4600);
    // memory: 64Gi − margin − max(1Gi, 2Gi) − 10Gi
    expect(r.batchMemory).toBe(64 * GI - MEM_MARGIN_16 - 2 * GI - 10 * GI);
    expect(r.batchMemory).toBe(31_782_757_991);
    expect(r.cpu.nodeReserved).toBe(1000);
  });

  it('memory request policy: HP requests and the reservation only; CPU stays on usage, new pods at request', () => {
    const pods = [lsPod('web', 6 * CORE, 8 * GI), lsPod('new', 1 * CORE, 4 * GI)];
    // `new` has no metric yet: it counts at its request in HP usage, and its request in HP request.
    const metric = makeMetric(NOW, usage(3 * CORE, GI), [podMetric('web', 4 * CORE, 10 * GI)]);
    const r = ok(computeBatchResources(node16, pods, metric, { ...ON, memoryCalculatePolicy: 'request' }, NOW));
    // cpu (usage): 16000 − 6400 − max(3000, 1000) − (4000 + 1000)
    expect(r.batchCpu).toBe(1600);
    // memory (request): 64Gi − margin − 2Gi (reserved, not system usage) − (8Gi + 4Gi)
    expect(r.memory.policy).toBe('request');
    expect(r.batchMemory).toBe(64 * GI - MEM_MARGIN_16 - 2 * GI - 12 * GI);
    expect(r.batchMemory).toBe(29_635_274_343);
  });

  it('maxUsageRequest for cpu and memory; no-metric pods add nothing there; dangling HP metrics do', () => {
    const pods = [lsPod('web', 4 * CORE, 8 * GI), lsPod('new', 1 * CORE, 1 * GI)];
    const metric = makeMetric(NOW, usage(500, GI), [
      podMetric('web', 3 * CORE, 10 * GI), // max(request, usage) = 4 cores, 10Gi
      podMetric('gone', 500, GI), // dangling, koord-prod
    ]);
    const strategy: ColocationStrategy = {
      ...ON,
      cpuCalculatePolicy: 'maxUsageRequest',
      memoryCalculatePolicy: 'maxUsageRequest',
    };
    const r = ok(computeBatchResources(node16, pods, metric, strategy, NOW));
    // cpu: 16000 − 6400 − max(500, 1000) − (4000 + 500)
    expect(r.batchCpu).toBe(4100);
    // memory: 64Gi − margin − 2Gi − (10Gi + 1Gi)
    expect(r.batchMemory).toBe(30_709_016_167);
    expect(r.cpu.hpMaxUsedRequest).toBe(4500);
    expect(r.cpu.hpUsed).toBe(3000 + 1000 + 500);
    expect(r.danglingHighPriorityMetrics).toBe(1);
  });

  it('cpu policy "request" is not supported and behaves as usage', () => {
    const pods = [lsPod('web', 8 * CORE, 8 * GI)];
    const metric = makeMetric(NOW, usage(0, 0), [podMetric('web', 2 * CORE, 2 * GI)]);
    const r = ok(computeBatchResources(node16, pods, metric, { ...ON, cpuCalculatePolicy: 'request' }, NOW));
    expect(r.cpu.policy).toBe('usage');
    expect(r.batchCpu).toBe(16_000 - 6400 - 1000 - 2000);
  });

  it('reservation annotation: reservedCPUs overrides resources.cpu; max with kubelet and system usage', () => {
    const node = makeNode({
      cpu: 32 * CORE,
      memory: 128 * GI,
      annotations: {
        'node.koordinator.sh/reservation': JSON.stringify({
          resources: { cpu: '2', memory: '4Gi' },
          reservedCPUs: '0-3',
        }),
      },
    });
    const metric = makeMetric(NOW, usage(3 * CORE, GI), [podMetric('web', 10 * CORE, 20 * GI)]);
    const r = ok(computeBatchResources(node, [lsPod('web', 12 * CORE, 24 * GI)], metric, ON, NOW));
    expect(r.cpu.nodeReserved).toBe(4000);
    expect(r.memory.nodeReserved).toBe(4 * GI);
    // cpu: 32000 − 12800 − max(3000, 4000) − 10000
    expect(r.batchCpu).toBe(5200);
    // memory: 128Gi − trunc(128Gi × 0.35) − max(1Gi, 4Gi) − 20Gi
    expect(r.batchMemory).toBe(63_565_515_981);
  });

  it('dangling metrics, LSE CPU at request, batch pods claiming their metric, host applications', () => {
    const node = makeNode({ cpu: 64 * CORE, memory: 256 * GI });
    const pods: Pod[] = [
      lsPod('lse', 8 * CORE, 8 * GI, { labels: { 'koordinator.sh/qosClass': 'LSE' } }),
      bePod('exec', 4 * CORE, 8 * GI),
      lsPod('relabelled', 2 * CORE, 2 * GI, { labels: { 'koordinator.sh/priority-class': 'koord-batch' } }),
    ];
    const metric = makeMetric(
      NOW,
      usage(2 * CORE, 4 * GI),
      [
        podMetric('lse', 3 * CORE, 6 * GI, 'koord-prod', 'LSE'), // cpu counted at request (8 cores), memory at usage
        podMetric('exec', 4 * CORE, 8 * GI, 'koord-batch', 'BE'), // claimed by a batch pod: never counted
        podMetric('relabelled', 1 * CORE, 1 * GI, 'koord-prod'), // listed pod is batch now: not counted
        podMetric('deleted-prod', 5 * CORE, 10 * GI, 'koord-prod'), // dangling HP: counted
        podMetric('deleted-none', 1 * CORE, 1 * GI, 'none', 'NONE'), // dangling, empty priority: HP
        podMetric('deleted-batch', 6 * CORE, 6 * GI, 'koord-batch', 'BE'), // dangling batch: ignored
        podMetric('deleted-free', 6 * CORE, 6 * GI, 'koord-free', 'BE'), // dangling free: ignored
      ],
      {
        hostApplicationMetric: [
          { name: 'agent', usage: usage(1 * CORE, 2 * GI), priorityClass: 'koord-prod', qosClass: 'LS' },
          { name: 'yarn-nm', usage: usage(9 * CORE, 9 * GI), priorityClass: 'koord-batch', qosClass: 'BE' },
        ],
      },
    );
    const r = ok(computeBatchResources(node, pods, metric, ON, NOW));
    expect(r.danglingHighPriorityMetrics).toBe(2);
    expect(r.cpu.hpUsed).toBe(8 * CORE + 5 * CORE + 1 * CORE);
    expect(r.memory.hpUsed).toBe(6 * GI + 10 * GI + 1 * GI);
    expect(r.cpu.systemUsed).toBe(3 * CORE);
    expect(r.memory.systemUsed).toBe(6 * GI);
    // cpu: 64000 − 25600 − 3000 − 14000
    expect(r.batchCpu).toBe(21_400);
    // memory: 256Gi − trunc(256Gi × 0.35) − 6Gi − 17Gi
    expect(r.batchMemory).toBe(256 * GI - reservePortion(256 * GI, 65) - 23 * GI);
  });

  it('batch caps take the minimum with capacity × percent', () => {
    const node = makeNode({ cpu: 100 * CORE, memory: 120 * G });
    const metric = makeMetric(NOW, usage(7 * CORE, 12 * G), [podMetric('a', 33 * CORE, 33 * G)]);
    const base = { ...ON, cpuReclaimThresholdPercent: 65, memoryReclaimThresholdPercent: 65 };
    const r = ok(
      computeBatchResources(
        node,
        [lsPod('a', 40 * CORE, 40 * G)],
        metric,
        { ...base, batchCPUThresholdPercent: 20, batchMemoryThresholdPercent: 10 },
        NOW,
      ),
    );
    expect(r.cpu.cap).toBe(20_000);
    expect(r.batchCpu).toBe(20_000); // min(25000, 20000)
    expect(r.batchMemory).toBe(12 * G); // min(33G, 12G)
    // A cap above the computed value changes nothing.
    const loose = ok(
      computeBatchResources(
        node,
        [lsPod('a', 40 * CORE, 40 * G)],
        metric,
        { ...base, batchCPUThresholdPercent: 50 },
        NOW,
      ),
    );
    expect(loose.batchCpu).toBe(25_000);
    expect(loose.memory.cap).toBeUndefined();
  });

  it('floors at zero when HP usage exceeds the reclaimable share', () => {
    const metric = makeMetric(NOW, usage(1000, GI), [podMetric('hot', 14 * CORE, 60 * GI)]);
    const r = ok(computeBatchResources(node16, [lsPod('hot', 4 * CORE, 8 * GI)], metric, ON, NOW));
    expect(r.batchCpu).toBe(0);
    expect(r.batchMemory).toBe(0);
  });

  it('truncates the safety margin exactly as upstream (float ratio, then truncation)', () => {
    // (100 − 71) / 100 = 0.28999999999999998 → 100 m × that = 28.999… → 28 m (integer math would give 29).
    expect(reservePortion(100, 71)).toBe(28);
    const node = makeNode({ cpu: 100, memory: 1000 });
    const metric = makeMetric(NOW, usage(0, 0), []);
    const r = ok(computeBatchResources(node, [], metric, { ...ON, cpuReclaimThresholdPercent: 71 }, NOW));
    expect(r.batchCpu).toBe(72);
    // A reclaim percent above 100 gives a negative margin.
    const over = ok(computeBatchResources(node, [], metric, { ...ON, cpuReclaimThresholdPercent: 120 }, NOW));
    expect(over.cpu.safetyMargin).toBe(-20);
    expect(over.batchCpu).toBe(120);
  });

  it('node reclaim-ratio labels override the strategy (float × 100, truncated)', () => {
    const node = makeNode({
      cpu: 100 * CORE,
      memory: 120 * G,
      labels: { 'node.koordinator.sh/cpu-reclaim-ratio': '0.65', 'node.koordinator.sh/memory-reclaim-ratio': 'x' },
    });
    const metric = makeMetric(NOW, usage(7 * CORE, 12 * G), [podMetric('a', 33 * CORE, 33 * G)]);
    const r = ok(computeBatchResources(node, [lsPod('a', 40 * CORE, 40 * G)], metric, ON, NOW));
    expect(r.batchCpu).toBe(25_000); // 65% from the label
    expect(r.memory.safetyMargin).toBe(42 * G); // invalid label ignored: 65% from the strategy
    expect(reclaimPercentFromRatio('0.29')).toBe(28);
    expect(reclaimPercentFromRatio('0.7')).toBe(70);
    expect(reclaimPercentFromRatio('-0.1')).toBeUndefined();
    expect(reclaimPercentFromRatio('')).toBeUndefined();
  });

  it('node colocation-strategy annotation is merged over the strategy; an illegal one is ignored', () => {
    const metric = makeMetric(NOW, usage(7 * CORE, 12 * G), [podMetric('a', 33 * CORE, 33 * G)]);
    const pods = [lsPod('a', 40 * CORE, 40 * G)];
    const annotated = makeNode({
      cpu: 100 * CORE,
      memory: 120 * G,
      annotations: { 'node.koordinator.sh/colocation-strategy': '{"cpuReclaimThresholdPercent": 65}' },
    });
    expect(ok(computeBatchResources(annotated, pods, metric, ON, NOW)).batchCpu).toBe(25_000);
    const illegal = makeNode({
      cpu: 100 * CORE,
      memory: 120 * G,
      annotations: { 'node.koordinator.sh/colocation-strategy': '{"cpuReclaimThresholdPercent": "65"}' },
    });
    expect(ok(computeBatchResources(illegal, pods, metric, ON, NOW)).batchCpu).toBe(20_000);
  });
});

describe('computeBatchResources — degrade and reset', () => {
  const node = makeNode({ cpu: 8 * CORE, memory: 32 * GI });
  const metric = makeMetric(0, usage(0, 0), []);

  it('resets when colocation is disabled for the node', () => {
    expect(computeBatchResources(node, [], metric, DEFAULT_COLOCATION_STRATEGY, 0)).toEqual({
      degraded: true,
      reason: 'colocationDisabled',
    });
  });
  it('resets when the NodeMetric is missing or was never written', () => {
    expect(computeBatchResources(node, [], undefined, ON, 0)).toEqual({ degraded: true, reason: 'nodeMetricMissing' });
    const { updateTime: _u, ...unwritten } = metric;
    expect(computeBatchResources(node, [], unwritten, ON, 0)).toEqual({ degraded: true, reason: 'nodeMetricMissing' });
  });
  it('resets strictly after degradeTimeMinutes since updateTime', () => {
    expect(computeBatchResources(node, [], metric, ON, 15 * 60_000).degraded).toBe(false);
    expect(computeBatchResources(node, [], metric, ON, 15 * 60_000 + 1)).toEqual({
      degraded: true,
      reason: 'nodeMetricExpired',
    });
    expect(computeBatchResources(node, [], metric, { ...ON, degradeTimeMinutes: 30 }, 20 * 60_000).degraded).toBe(
      false,
    );
  });
});

describe('node reservation helpers', () => {
  it('counts cpuset lists', () => {
    expect(cpusetSize('0-3,8,10-11')).toBe(7);
    expect(cpusetSize('0-3,2-5')).toBe(6);
    expect(cpusetSize('')).toBe(0);
    expect(cpusetSize('3-1')).toBeUndefined();
    expect(cpusetSize('a')).toBeUndefined();
  });
  it('ignores an invalid reservation annotation', () => {
    const n = (v: string) =>
      makeNode({ cpu: 1000, memory: 1000, annotations: { 'node.koordinator.sh/reservation': v } });
    expect(annotationReserved(n('not json'))).toEqual({ cpu: 0, memory: 0 });
    expect(annotationReserved(n('{"reservedCPUs": "x"}'))).toEqual({ cpu: 0, memory: 0 });
    expect(annotationReserved(n('{"resources": {"cpu": "1.5.3"}}'))).toEqual({ cpu: 0, memory: 0 });
    expect(annotationReserved(n('{"resources": {"cpu": "500m", "memory": "1Gi"}}'))).toEqual({ cpu: 500, memory: GI });
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

const QOS_LABELS = [undefined, 'LS', 'LSR', 'LSE', 'BE'] as const;
const PRIORITIES = [0, 9500, 7500, 5500, 3500] as const;

interface World {
  readonly node: ReturnType<typeof makeNode>;
  readonly pods: readonly Pod[];
  readonly metric: NodeMetric;
  readonly strategy: ColocationStrategy;
}

const arbPod = (i: number) =>
  fc
    .record({
      qos: fc.constantFrom(...QOS_LABELS),
      priority: fc.constantFrom(...PRIORITIES),
      cpu: fc.nat(8 * CORE),
      memory: fc.nat(16 * GI),
      hasMetric: fc.boolean(),
      usedCpu: fc.nat(8 * CORE),
      usedMemory: fc.nat(16 * GI),
    })
    .map((r) => ({
      pod: makePod(`p${i}`, {
        labels: r.qos === undefined ? {} : { 'koordinator.sh/qosClass': r.qos },
        priority: r.priority,
        requests: { cpu: r.cpu, memory: r.memory },
      }),
      metric: r.hasMetric ? podMetric(`p${i}`, r.usedCpu, r.usedMemory) : undefined,
    }));

const arbDangling: fc.Arbitrary<PodMetric> = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 4 }),
    priorityClass: fc.constantFrom('koord-prod', 'koord-mid', 'koord-batch', 'koord-free', 'none' as const),
    cpu: fc.nat(4 * CORE),
    memory: fc.nat(8 * GI),
  })
  .map((r) => podMetric(`gone-${r.name}`, r.cpu, r.memory, r.priorityClass));

const arbWorld: fc.Arbitrary<World> = fc
  .record({
    cpu: fc.integer({ min: 1, max: 128 * CORE }),
    memory: fc.integer({ min: 1, max: 512 * GI }),
    reservedCpu: fc.nat(4 * CORE),
    reservedMemory: fc.nat(8 * GI),
    sysCpu: fc.nat(8 * CORE),
    sysMemory: fc.nat(16 * GI),
    pods: fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbPod(i)))),
    dangling: fc.array(arbDangling, { maxLength: 4 }),
    cpuPct: fc.integer({ min: 0, max: 150 }),
    memPct: fc.integer({ min: 0, max: 150 }),
    cpuPolicy: fc.constantFrom('usage', 'maxUsageRequest', 'request' as const),
    memPolicy: fc.constantFrom('usage', 'maxUsageRequest', 'request' as const),
    capCpu: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
  })
  .map((r) => {
    const node = makeNode({
      cpu: r.cpu,
      memory: r.memory,
      allocatableCpu: Math.max(r.cpu - r.reservedCpu, 0),
      allocatableMemory: Math.max(r.memory - r.reservedMemory, 0),
    });
    const podMetrics = r.pods.flatMap((p) => (p.metric === undefined ? [] : [p.metric]));
    const strategy: ColocationStrategy = {
      ...ON,
      cpuReclaimThresholdPercent: r.cpuPct,
      memoryReclaimThresholdPercent: r.memPct,
      cpuCalculatePolicy: r.cpuPolicy,
      memoryCalculatePolicy: r.memPolicy,
      ...(r.capCpu === undefined ? {} : { batchCPUThresholdPercent: r.capCpu }),
    };
    return {
      node,
      pods: r.pods.map((p) => p.pod),
      metric: makeMetric(NOW, usage(r.sysCpu, r.sysMemory), [...podMetrics, ...r.dangling]),
      strategy,
    };
  });

function compute(w: World): BatchResources {
  return ok(computeBatchResources(w.node, w.pods, w.metric, w.strategy, NOW));
}

describe('computeBatchResources properties', () => {
  it('batch allocatable is never negative and is an integer', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const r = compute(w);
        expect(r.batchCpu).toBeGreaterThanOrEqual(0);
        expect(r.batchMemory).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(r.batchCpu) && Number.isInteger(r.batchMemory)).toBe(true);
      }),
    );
  });

  it('raising the reclaim percent never lowers batch allocatable (usage policy)', () => {
    fc.assert(
      fc.property(arbWorld, fc.nat(50), fc.nat(50), (w0, dc, dm) => {
        const w = {
          ...w0,
          strategy: { ...w0.strategy, cpuCalculatePolicy: 'usage', memoryCalculatePolicy: 'usage' },
        } as World;
        const before = compute(w);
        const s = w.strategy;
        const after = compute({
          ...w,
          strategy: {
            ...s,
            cpuReclaimThresholdPercent: s.cpuReclaimThresholdPercent + dc,
            memoryReclaimThresholdPercent: s.memoryReclaimThresholdPercent + dm,
          },
        });
        expect(after.batchCpu).toBeGreaterThanOrEqual(before.batchCpu);
        expect(after.batchMemory).toBeGreaterThanOrEqual(before.batchMemory);
      }),
    );
  });

  it('adding high-priority usage never raises batch allocatable (any policy)', () => {
    fc.assert(
      fc.property(arbWorld, fc.nat(8 * CORE), fc.nat(16 * GI), fc.boolean(), (w, cpu, memory, asDangling) => {
        const before = compute(w);
        let after: BatchResources;
        if (asDangling) {
          // A high-priority pod that vanished from the list but is still reported.
          const extra = podMetric('zz-dangling', cpu, memory, 'koord-prod');
          after = compute({ ...w, metric: { ...w.metric, podsMetric: [...w.metric.podsMetric, extra] } });
        } else {
          // A new high-priority pod with its metric.
          const pod = lsPod('zz-new', cpu, memory);
          const extra = podMetric('zz-new', cpu, memory);
          after = compute({
            ...w,
            pods: [...w.pods, pod],
            metric: { ...w.metric, podsMetric: [...w.metric.podsMetric, extra] },
          });
        }
        expect(after.batchCpu).toBeLessThanOrEqual(before.batchCpu);
        expect(after.batchMemory).toBeLessThanOrEqual(before.batchMemory);
      }),
    );
  });

  it('does not depend on the order of the pod list or of the NodeMetric entries', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const reordered = {
          ...w,
          pods: [...w.pods].reverse(),
          metric: { ...w.metric, podsMetric: [...w.metric.podsMetric].reverse() },
        };
        const a = compute(w);
        const b = compute(reordered);
        expect([b.batchCpu, b.batchMemory, b.danglingHighPriorityMetrics]).toEqual([
          a.batchCpu,
          a.batchMemory,
          a.danglingHighPriorityMetrics,
        ]);
      }),
    );
  });

  it('is deterministic and does not mutate its (deep-frozen) inputs', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const frozen = deepFreeze(structuredClone(w));
        const a = computeBatchResources(frozen.node, frozen.pods, frozen.metric, frozen.strategy, NOW);
        const b = computeBatchResources(frozen.node, frozen.pods, frozen.metric, frozen.strategy, NOW);
        expect(a).toEqual(b);
        expect(frozen).toEqual(w);
      }),
    );
  });
});

describe('batchResourceValue (the number alone)', () => {
  it('koordinator.md §2.3 by totals: 100 cores, reclaim 65 %, system 7c, HP used 33c → 25000 m', () => {
    expect(batchResourceValue(100 * CORE, 65, 0, 7 * CORE, 40 * CORE, 33 * CORE, 41 * CORE, 'usage', undefined)).toBe(
      25 * CORE,
    );
    // maxUsageRequest counts Σ max(request, usage) = 41 cores instead: 100 − 35 − 7 − 41 = 17 cores.
    expect(
      batchResourceValue(100 * CORE, 65, 0, 7 * CORE, 40 * CORE, 33 * CORE, 41 * CORE, 'maxUsageRequest', undefined),
    ).toBe(17 * CORE);
    // request: 100 − 35 − reserved 0 − 40 requested = 25 cores; a 20 % cap then limits it to 20 cores.
    expect(batchResourceValue(100 * CORE, 65, 0, 7 * CORE, 40 * CORE, 33 * CORE, 41 * CORE, 'request', 20)).toBe(
      20 * CORE,
    );
  });

  it('is the selected term of batchResourceTerms, capped', () => {
    const amount = fc.integer({ min: 0, max: 200_000 });
    fc.assert(
      fc.property(
        fc.record({
          capacity: amount,
          reclaim: fc.integer({ min: 0, max: 100 }),
          reserved: amount,
          system: amount,
          req: amount,
          used: amount,
          max: amount,
          policy: fc.constantFrom('usage' as const, 'request' as const, 'maxUsageRequest' as const),
          cap: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        }),
        (a) => {
          const args = [a.capacity, a.reclaim, a.reserved, a.system, a.req, a.used, a.max, a.policy, a.cap] as const;
          const t = batchResourceTerms(...args);
          const selected =
            a.policy === 'request' ? t.byRequest : a.policy === 'usage' ? t.byUsage : t.byMaxUsageRequest;
          const expected = t.cap === undefined ? selected : Math.min(selected, t.cap);
          expect(batchResourceValue(...args)).toBe(expected);
          expect(t.value).toBe(expected);
        },
      ),
    );
  });
});

describe('batchResourceValues (many nodes at once)', () => {
  it('gives batchResourceValue node by node', () => {
    const amount = fc.integer({ min: 0, max: 2 ** 40 });
    const node = fc.record({
      capacity: amount,
      reclaim: fc.integer({ min: 0, max: 100 }),
      reserved: amount,
      system: amount,
      req: amount,
      used: amount,
      max: amount,
      policy: fc.integer({ min: 0, max: 2 }),
      cap: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(node, { maxLength: 20 }), (nodes) => {
        const col = <K extends keyof (typeof nodes)[number]>(k: K) =>
          Float64Array.from(nodes, (n) => Number(n[k] ?? Number.NaN));
        const out = new Float64Array(nodes.length);
        batchResourceValues(
          {
            capacity: col('capacity'),
            reclaimPercent: col('reclaim'),
            reserved: col('reserved'),
            systemUsed: col('system'),
            hpRequest: col('req'),
            hpUsed: col('used'),
            hpMaxUsedRequest: col('max'),
            policy: Uint8Array.from(nodes, (n) => n.policy),
            capPercent: col('cap'),
          },
          nodes.length,
          out,
        );
        nodes.forEach((n, g) => {
          const one = batchResourceValue(
            n.capacity,
            n.reclaim,
            n.reserved,
            n.system,
            n.req,
            n.used,
            n.max,
            CALCULATE_POLICY_CODES[n.policy]!,
            n.cap,
          );
          expect(Object.is(out[g], one)).toBe(true);
        });
      }),
    );
  });
});
