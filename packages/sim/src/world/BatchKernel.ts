import {
  type BatchPublishColumns,
  type BatchResourceColumns,
  batchPublishNeeded,
  batchResourceValues,
  CALCULATE_POLICY_CODES,
  type ColocationStrategy,
} from '@gleaner/core';

/**
 * The slo-controller's batch calculation over every node of the fleet as columns: each node's strategy terms
 * (reclaim percentages, reservation, calculate policies, caps), the high-priority totals the world fills in
 * before each report, and the resulting batch-cpu / batch-memory. The arithmetic is core's
 * `batchResourceValues`; the world's part is keeping the totals.
 */
export class BatchKernel {
  /** 1 where colocation is enabled on the node (else its batch resources are reset). */
  readonly enable: Uint8Array;
  /** Σ over high-priority pods of request, usage and max(request, usage) — filled by the world. */
  readonly hpRequestCpu: Float64Array;
  readonly hpUsedCpu: Float64Array;
  readonly hpMaxCpu: Float64Array;
  readonly hpRequestMemory: Float64Array;
  readonly hpUsedMemory: Float64Array;
  readonly hpMaxMemory: Float64Array;
  /** The computed batch-cpu (millicores) and batch-memory (bytes) of each node; NaN where colocation is off. */
  readonly batchCpu: Float64Array;
  readonly batchMemory: Float64Array;
  /** What is published on each node, NaN where it carries none (reset); written by the world. */
  readonly publishedCpu: Float64Array;
  readonly publishedMemory: Float64Array;
  /** 1 where the publish rule writes the computed values now (after {@link BatchKernel.decide}). */
  readonly publish: Uint8Array;
  private readonly cpu: BatchResourceColumns;
  private readonly memory: BatchResourceColumns;
  private readonly rule: BatchPublishColumns;

  constructor(
    strategies: readonly ColocationStrategy[],
    reserved: readonly { readonly cpu: number; readonly memory: number }[],
    node: {
      readonly capacityCpu: Float64Array;
      readonly capacityMemory: Float64Array;
      readonly systemCpu: Float64Array;
      readonly systemMemory: Float64Array;
      /** When each node was last written (ms). */
      readonly batchPublishedAt: Float64Array;
    },
  ) {
    const n = strategies.length;
    const col = () => new Float64Array(n);
    this.enable = Uint8Array.from(strategies, (s) => (s.enable ? 1 : 0));
    this.hpRequestCpu = col();
    this.hpUsedCpu = col();
    this.hpMaxCpu = col();
    this.hpRequestMemory = col();
    this.hpUsedMemory = col();
    this.hpMaxMemory = col();
    this.batchCpu = col();
    this.batchMemory = col();
    this.publishedCpu = col().fill(Number.NaN);
    this.publishedMemory = col().fill(Number.NaN);
    this.publish = new Uint8Array(n);
    const code = (p: string) => CALCULATE_POLICY_CODES.indexOf(p as (typeof CALCULATE_POLICY_CODES)[number]);
    this.cpu = {
      capacity: node.capacityCpu,
      reclaimPercent: Float64Array.from(strategies, (s) => s.cpuReclaimThresholdPercent),
      reserved: Float64Array.from(reserved, (r) => r.cpu),
      systemUsed: node.systemCpu,
      hpRequest: this.hpRequestCpu,
      hpUsed: this.hpUsedCpu,
      hpMaxUsedRequest: this.hpMaxCpu,
      // Batch CPU has no `request` policy upstream: anything but maxUsageRequest computes by usage.
      policy: Uint8Array.from(strategies, (s) =>
        code(s.cpuCalculatePolicy === 'maxUsageRequest' ? s.cpuCalculatePolicy : 'usage'),
      ),
      capPercent: Float64Array.from(strategies, (s) => s.batchCPUThresholdPercent ?? Number.NaN),
    };
    this.memory = {
      capacity: node.capacityMemory,
      reclaimPercent: Float64Array.from(strategies, (s) => s.memoryReclaimThresholdPercent),
      reserved: Float64Array.from(reserved, (r) => r.memory),
      systemUsed: node.systemMemory,
      hpRequest: this.hpRequestMemory,
      hpUsed: this.hpUsedMemory,
      hpMaxUsedRequest: this.hpMaxMemory,
      policy: Uint8Array.from(strategies, (s) => code(s.memoryCalculatePolicy)),
      capPercent: Float64Array.from(strategies, (s) => s.batchMemoryThresholdPercent ?? Number.NaN),
    };
    this.rule = {
      publishedCpu: this.publishedCpu,
      publishedMemory: this.publishedMemory,
      publishedAt: node.batchPublishedAt,
      nextCpu: this.batchCpu,
      nextMemory: this.batchMemory,
      updateTimeThresholdMs: Float64Array.from(strategies, (s) => s.updateTimeThresholdSeconds * 1000),
      resourceDiffThreshold: Float64Array.from(strategies, (s) => s.resourceDiffThreshold),
    };
  }

  /** Computes every node's batch resources from the totals; NaN (none: reset) where colocation is off. */
  compute(): void {
    const n = this.batchCpu.length;
    batchResourceValues(this.cpu, n, this.batchCpu);
    batchResourceValues(this.memory, n, this.batchMemory);
    for (let g = 0; g < n; g++) {
      if (this.enable[g] === 0) {
        this.batchCpu[g] = Number.NaN;
        this.batchMemory[g] = Number.NaN;
      }
    }
  }

  /** Core's publish rule on every node at `now` into {@link BatchKernel.publish}. */
  decide(now: number): void {
    batchPublishNeeded(this.rule, this.publish.length, now, this.publish);
  }
}
