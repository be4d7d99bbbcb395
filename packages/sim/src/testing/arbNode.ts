import { CPU, MEMORY, type Node, PODS } from '@gleaner/core';
import fc from 'fast-check';
import { rarely } from './arbHelpers.js';

/** Options of {@link arbNode}. */
export interface NodeOptions {
  /** The node's name (default `node-0`). */
  readonly name?: string;
}

const GIB = 1024 * 1024 * 1024;

/**
 * A core `Node` as a member's scheduler sees it: 2–64 cores, 2–8 GiB per core, 110 pods, allocatable
 * = capacity − a kubelet reservation of 0–1 core and 0–4 GiB, zone and instance-type labels, rarely a
 * `NoSchedule` taint or cordoned. For library users property-testing `scheduleInCluster` and friends;
 * scenarios describe nodes as pools (see {@link arbNodePool}).
 */
export function arbNode(options: NodeOptions = {}): fc.Arbitrary<Node> {
  return fc
    .record({
      cores: fc.integer({ min: 2, max: 64 }),
      gibPerCore: fc.constantFrom(2, 4, 8),
      reservedMilli: fc.integer({ min: 0, max: 1000 }),
      reservedGiB: fc.integer({ min: 0, max: 4 }),
      zone: fc.constantFrom('cn-hangzhou-h', 'cn-hangzhou-i'),
      tainted: rarely(),
      cordoned: rarely(),
    })
    .map((n) => {
      const name = options.name ?? 'node-0';
      const cpu = n.cores * 1000;
      const memory = n.cores * n.gibPerCore * GIB;
      return {
        name,
        labels: {
          'kubernetes.io/hostname': name,
          'topology.kubernetes.io/zone': n.zone,
          'node.kubernetes.io/instance-type': `ecs.g7.${n.cores}c`,
        },
        annotations: {},
        taints: n.tainted ? [{ key: 'dedicated', value: 'online', effect: 'NoSchedule' as const }] : [],
        capacity: { [CPU]: cpu, [MEMORY]: memory, [PODS]: 110 },
        allocatable: {
          [CPU]: Math.max(0, cpu - n.reservedMilli),
          [MEMORY]: Math.max(0, memory - n.reservedGiB * GIB),
          [PODS]: 110,
        },
        unschedulable: n.cordoned,
        virtual: false,
      };
    });
}
