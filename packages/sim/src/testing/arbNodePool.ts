import fc from 'fast-check';
import { rarely, withoutUndefined } from './arbHelpers.js';
import { arbLoadCurve } from './arbLoadCurve.js';
import type { NodePoolInput } from './inputTypes.js';

/** Options of {@link arbNodePool}. */
export interface NodePoolOptions {
  /** Pool name (default `pool`). */
  readonly name?: string;
  /** Most nodes in the pool (default 4; at least 1 node). */
  readonly maxNodes?: number;
  /** Whether nodes may carry a taint Spark pods do not tolerate (default true). */
  readonly taints?: boolean;
}

const CORES = [4, 8, 16, 32] as const;
const GIB_PER_CORE = [2, 4, 8] as const;

/**
 * A scenario node pool: 1…`maxNodes` identical nodes of 4–32 cores with 2–8 GiB per core, an optional
 * kubelet reservation, system-daemon usage, instance-type label and (rarely) a `NoSchedule` taint, and the
 * online services on them — their requests (20–70% of the node) and CPU and memory curves. Memory usually
 * stays under Koordinator's 70% eviction line; now and then it does not, so evictions get exercised.
 */
export function arbNodePool(options: NodePoolOptions = {}): fc.Arbitrary<NodePoolInput> {
  const maxNodes = Math.max(1, options.maxNodes ?? 4);
  return fc
    .record({
      count: fc.integer({ min: 1, max: maxNodes }),
      cores: fc.constantFrom(...CORES),
      gibPerCore: fc.constantFrom(...GIB_PER_CORE),
      reserved: fc.boolean(),
      systemUsage: fc.boolean(),
      instanceLabel: fc.boolean(),
      taint: options.taints === false ? fc.constant(false) : rarely(),
      online: fc.option(
        fc.record({
          podsPerNode: fc.integer({ min: 1, max: 4 }),
          cpuRequest: fc.integer({ min: 20, max: 70 }),
          memoryRequest: fc.integer({ min: 20, max: 70 }),
          cpu: arbLoadCurve(),
          memory: fc.oneof(
            { weight: 4, arbitrary: fc.integer({ min: 10, max: 60 }).map((p) => ({ constant: p / 100 })) },
            { weight: 1, arbitrary: arbLoadCurve({ maxMean: 0.8 }) },
          ),
        }),
        { nil: undefined, freq: 8 },
      ),
    })
    .map((p) => {
      const memoryGi = p.cores * p.gibPerCore;
      return withoutUndefined({
        name: options.name ?? 'pool',
        count: p.count,
        capacity: { cpu: String(p.cores), memory: `${memoryGi}Gi`, pods: 110 },
        reserved: p.reserved ? { cpu: '500m', memory: '2Gi' } : undefined,
        labels: p.instanceLabel ? { 'node.kubernetes.io/instance-type': `ecs.g7.${p.cores}xlarge` } : undefined,
        taints: p.taint ? [{ key: 'dedicated', value: 'online', effect: 'NoSchedule' as const }] : undefined,
        systemUsage: p.systemUsage ? { cpu: '200m', memory: '1Gi' } : undefined,
        online:
          p.online === undefined
            ? undefined
            : {
                podsPerNode: p.online.podsPerNode,
                requests: {
                  cpu: `${Math.round(p.cores * p.online.cpuRequest * 10)}m`,
                  memory: `${Math.round(memoryGi * p.online.memoryRequest * 10.24)}Mi`,
                },
                cpu: p.online.cpu,
                memory: p.online.memory,
              },
      });
    });
}
