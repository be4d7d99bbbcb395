import { type ClusterSchedulingOptions, CPU, MEMORY, MutableClusterState, scheduleInCluster } from '@gleaner/core';
import { GPU_MILLI, loadGpuNodes, loadGpuPods } from './gpuTrace.js';
import { TRACE_FILES } from './sharedTraces.js';

/** A member-scheduler configuration the packing validation runs. */
export interface PackingPolicy {
  /** Short name for the tables. */
  readonly name: string;
  /** What it is, for people. */
  readonly description: string;
  /** Options passed to `scheduleInCluster`. */
  readonly options: ClusterSchedulingOptions;
}

/**
 * The policies of validation (c): kube-scheduler's default scoring (LeastAllocated on cpu and memory:
 * spreads, and does not look at GPUs), and MostAllocated over GPU, CPU and memory (bin-packing; the
 * "GPU packing" family of the FGD paper's baselines).
 */
export const PACKING_POLICIES: readonly PackingPolicy[] = [
  {
    name: 'LeastAllocated',
    description: "kube-scheduler's default: LeastAllocated on cpu + memory, BalancedAllocation",
    options: {},
  },
  {
    name: 'MostAllocated+GPU',
    description: 'MostAllocated on gpu-milli (weight 2), cpu and memory: bin-packing',
    options: {
      scoringStrategy: 'MostAllocated',
      scoringResources: [
        { name: GPU_MILLI, weight: 2 },
        { name: CPU, weight: 1 },
        { name: MEMORY, weight: 1 },
      ],
    },
  },
];

/** What one policy did with the whole pod list. */
export interface PackingOutcome {
  readonly policy: string;
  /** Pods bound, of all pods and of those asking for GPUs. */
  readonly scheduled: number;
  readonly gpuPodsScheduled: number;
  /** Share of pods bound (0–1). */
  readonly scheduledFraction: number;
  /** Requests bound / cluster capacity, per resource (0–1). */
  readonly cpuAllocation: number;
  readonly memoryAllocation: number;
  readonly gpuAllocation: number;
  /** The first pod that did not fit: its position in creation order, and the GPU allocation before it. */
  readonly firstFailureIndex: number | null;
  readonly gpuAllocationAtFirstFailure: number | null;
}

/** The numbers of validation (c). */
export interface GpuPackingResult {
  readonly nodes: number;
  readonly gpus: number;
  readonly pods: number;
  readonly gpuPods: number;
  /** Requests of all pods / cluster capacity, per resource: how full the list would make the cluster. */
  readonly demand: { readonly cpu: number; readonly memory: number; readonly gpu: number };
  /** Pods the trace itself scheduled (non-empty `scheduled_time`), and the share. */
  readonly scheduledInTrace: number;
  readonly scheduledInTraceFraction: number;
  readonly outcomes: readonly PackingOutcome[];
}

/**
 * Validation (c): the gpu-v2023 node list and default pod list through the member-cluster scheduler —
 * every pod, in creation order, bound with `scheduleInCluster` and kept (no deletions: the pod list's
 * concurrent load never exceeds ~1 % of the cluster, so this is the static "fill the cluster" replay of the
 * FGD paper's simulator). GPUs are the scalar extended resource {@link GPU_MILLI}; a pod's GPU share may
 * straddle physical GPUs, which real GPU sharing forbids, so the allocation ratios are an upper bound on
 * what a GPU-aware scheduler reaches.
 *
 * @param tracesDir - the shared trace folder.
 * @param policies - member-scheduler configurations to run (default {@link PACKING_POLICIES}).
 */
export async function validateGpuPacking(
  tracesDir: string,
  policies: readonly PackingPolicy[] = PACKING_POLICIES,
): Promise<GpuPackingResult> {
  const nodes = await loadGpuNodes(`${tracesDir}/${TRACE_FILES.gpu2023Nodes}`);
  const pods = await loadGpuPods(`${tracesDir}/${TRACE_FILES.gpu2023Pods}`);
  const capacity = { cpu: 0, memory: 0, gpu: 0 };
  for (const n of nodes) {
    capacity.cpu += n.capacity[CPU] ?? 0;
    capacity.memory += n.capacity[MEMORY] ?? 0;
    capacity.gpu += n.capacity[GPU_MILLI] ?? 0;
  }
  const demand = { cpu: 0, memory: 0, gpu: 0 };
  for (const p of pods) {
    demand.cpu += p.pod.requests[CPU] ?? 0;
    demand.memory += p.pod.requests[MEMORY] ?? 0;
    demand.gpu += p.pod.requests[GPU_MILLI] ?? 0;
  }
  const outcomes = policies.map((policy): PackingOutcome => {
    const state = new MutableClusterState({ nodes, pods: [] });
    const bound = { cpu: 0, memory: 0, gpu: 0 };
    let scheduled = 0;
    let gpuPodsScheduled = 0;
    let firstFailureIndex: number | null = null;
    let gpuAtFirstFailure: number | null = null;
    pods.forEach((p, i) => {
      const decision = scheduleInCluster(state.view(), p.pod, { ...policy.options, preemption: false });
      if (decision.kind !== 'bind') {
        if (firstFailureIndex === null) {
          firstFailureIndex = i;
          gpuAtFirstFailure = bound.gpu / capacity.gpu;
        }
        return;
      }
      state.bind(p.pod, decision.nodeName);
      scheduled++;
      if (p.numGpu > 0) gpuPodsScheduled++;
      bound.cpu += p.pod.requests[CPU] ?? 0;
      bound.memory += p.pod.requests[MEMORY] ?? 0;
      bound.gpu += p.pod.requests[GPU_MILLI] ?? 0;
    });
    return {
      policy: policy.name,
      scheduled,
      gpuPodsScheduled,
      scheduledFraction: scheduled / pods.length,
      cpuAllocation: bound.cpu / capacity.cpu,
      memoryAllocation: bound.memory / capacity.memory,
      gpuAllocation: bound.gpu / capacity.gpu,
      firstFailureIndex,
      gpuAllocationAtFirstFailure: gpuAtFirstFailure,
    };
  });
  const scheduledInTrace = pods.filter((p) => p.scheduledInTrace).length;
  return {
    nodes: nodes.length,
    gpus: capacity.gpu / 1000,
    pods: pods.length,
    gpuPods: pods.filter((p) => p.numGpu > 0).length,
    demand: { cpu: demand.cpu / capacity.cpu, memory: demand.memory / capacity.memory, gpu: demand.gpu / capacity.gpu },
    scheduledInTrace,
    scheduledInTraceFraction: scheduledInTrace / pods.length,
    outcomes,
  };
}
