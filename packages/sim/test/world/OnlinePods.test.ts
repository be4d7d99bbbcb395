import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OnlinePods } from '../../src/world/OnlinePods.js';

// The batch calculation's sums over a node's online pods, each pod taking an even share of the node's usage
// (the first the remainder): the closed form used for pool nodes (identical pods) must equal the pod-by-pod sum.

interface PodSpec {
  readonly flag: 0 | 1 | 2;
  readonly cpu: number;
  readonly memory: number;
}

function naive(pods: readonly PodSpec[], onlineCpu: number, onlineMemory: number): number[] {
  const k = pods.length;
  const sums = [0, 0, 0, 0, 0, 0];
  pods.forEach((p, i) => {
    if (p.flag === 0) return;
    const restCpu = Math.floor(onlineCpu / k);
    const restMem = Math.floor(onlineMemory / k);
    const uc = i === 0 ? onlineCpu - restCpu * (k - 1) : restCpu;
    const um = i === 0 ? onlineMemory - restMem * (k - 1) : restMem;
    sums[0]! += p.cpu;
    sums[1]! += p.flag === 2 ? p.cpu : uc;
    sums[2]! += Math.max(p.cpu, uc);
    sums[3]! += p.memory;
    sums[4]! += um;
    sums[5]! += Math.max(p.memory, um);
  });
  return sums;
}

const pod = fc.record({
  flag: fc.constantFrom(0 as const, 1 as const, 2 as const),
  cpu: fc.integer({ min: 0, max: 16_000 }),
  memory: fc.integer({ min: 0, max: 2 ** 36 }),
});
/** Pool-like nodes: pod 0 differs (the split remainder), the rest are alike. */
const poolNode = fc
  .tuple(pod, pod, fc.integer({ min: 0, max: 7 }))
  .map(([first, rest, more]) => [first, ...Array.from({ length: more }, () => rest)]);
const anyNode = fc.array(pod, { maxLength: 8 });

describe('OnlinePods.totals', () => {
  it('equals the pod-by-pod sums on pool nodes (closed form) and on any node (loop)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(poolNode, anyNode), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 160_000 }), fc.integer({ min: 0, max: 2 ** 39 })), {
          minLength: 6,
          maxLength: 6,
        }),
        (nodes, fill, sums) => {
          const online = new OnlinePods(
            nodes.map((pods) => ({
              flags: Uint8Array.from(pods, (p) => p.flag),
              cpu: Float64Array.from(pods, (p) => p.cpu),
              memory: Float64Array.from(pods, (p) => p.memory),
            })),
          );
          const n = nodes.length;
          const col = () => new Float64Array(n);
          const out = {
            hpRequestCpu: col(),
            hpUsedCpu: col(),
            hpMaxCpu: col(),
            hpRequestMemory: col(),
            hpUsedMemory: col(),
            hpMaxMemory: col(),
          };
          const sumCpu = Float64Array.from(nodes, (_, g) => sums[g]![0]);
          const sumMemory = Float64Array.from(nodes, (_, g) => sums[g]![1]);
          online.totals(sumCpu, sumMemory, fill, out);
          nodes.forEach((pods, g) => {
            const expected = naive(pods, Math.round(sumCpu[g]! / fill), Math.round(sumMemory[g]! / fill));
            expect([
              out.hpRequestCpu[g],
              out.hpUsedCpu[g],
              out.hpMaxCpu[g],
              out.hpRequestMemory[g],
              out.hpUsedMemory[g],
              out.hpMaxMemory[g],
            ]).toEqual(expected);
          });
        },
      ),
    );
  });

  it('a worked case: 3 pods of 4 cores on a node using 10,001 m split 3,335 / 3,333 / 3,333', () => {
    const online = new OnlinePods([
      { flags: Uint8Array.of(1, 1, 1), cpu: Float64Array.of(4000, 4000, 4000), memory: Float64Array.of(0, 0, 0) },
    ]);
    const out = {
      hpRequestCpu: new Float64Array(1),
      hpUsedCpu: new Float64Array(1),
      hpMaxCpu: new Float64Array(1),
      hpRequestMemory: new Float64Array(1),
      hpUsedMemory: new Float64Array(1),
      hpMaxMemory: new Float64Array(1),
    };
    online.totals(Float64Array.of(10_001), Float64Array.of(0), 1, out);
    expect(out.hpRequestCpu[0]).toBe(12_000);
    expect(out.hpUsedCpu[0]).toBe(10_001);
    expect(out.hpMaxCpu[0]).toBe(12_000); // every share is below its 4-core request
  });
});
