import { readFile } from 'node:fs/promises';
import type { Node, Pod } from '@gleaner/core';

/**
 * The extended resource the gpu-v2023 GPUs become: thousandths of a GPU, as the trace's `gpu_milli` and
 * Alibaba's GPU-sharing device plugin (`alibabacloud.com/gpu-milli`) count them. A node has
 * `gpu × 1000`; a pod asks `num_gpu × gpu_milli`.
 */
export const GPU_MILLI = 'alibabacloud.com/gpu-milli';

/** Node label carrying the trace's GPU model (`model`), matched by a pod's `gpu_spec`. */
export const GPU_MODEL_LABEL = 'alibabacloud.com/gpu-model';

const MIB = 1024 * 1024;

/** One pod of the gpu-v2023 pod list with its trace fields. */
export interface GpuTracePod {
  readonly pod: Pod;
  /** `creation_time`, seconds. */
  readonly createdS: number;
  /** Whether the trace ever scheduled it (`scheduled_time` non-empty). */
  readonly scheduledInTrace: boolean;
  /** GPUs requested (`num_gpu`) and the per-GPU share (`gpu_milli`). */
  readonly numGpu: number;
  readonly gpuMilli: number;
  /** `qos`: LS, BE, Burstable or Guaranteed. */
  readonly qos: string;
}

async function readCsv(path: string): Promise<Record<string, string>[]> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  const header = lines[0]!.split(',').map((h) => h.trim());
  return lines.slice(1).map((line, i) => {
    const fields = line.split(',');
    if (fields.length !== header.length) {
      throw new Error(`${path}:${i + 2}: expected ${header.length} fields, found ${fields.length}`);
    }
    const row: Record<string, string> = {};
    header.forEach((h, k) => {
      row[h] = fields[k]!.trim();
    });
    return row;
  });
}

function integer(path: string, row: Record<string, string>, column: string): number {
  const v = Number(row[column]);
  if (!Number.isSafeInteger(v) || v < 0)
    throw new Error(`${path}: ${column} "${row[column]}" is not a whole number ≥ 0`);
  return v;
}

/**
 * Reads a gpu-v2023 node list (`sn,cpu_milli,memory_mib,gpu,model`) as Kubernetes nodes: capacity =
 * allocatable = the row's CPU, memory, {@link GPU_MILLI} (`gpu × 1000`) and 110 pods; the GPU model as
 * the {@link GPU_MODEL_LABEL} label.
 */
export async function loadGpuNodes(path: string): Promise<Node[]> {
  return (await readCsv(path)).map((row) => {
    const gpu = integer(path, row, 'gpu');
    const capacity = {
      cpu: integer(path, row, 'cpu_milli'),
      memory: integer(path, row, 'memory_mib') * MIB,
      pods: 110,
      ...(gpu > 0 ? { [GPU_MILLI]: gpu * 1000 } : {}),
    };
    return {
      name: row.sn!,
      labels: { 'kubernetes.io/hostname': row.sn!, ...(row.model ? { [GPU_MODEL_LABEL]: row.model } : {}) },
      annotations: {},
      taints: [],
      capacity,
      allocatable: capacity,
      unschedulable: false,
      virtual: false,
    };
  });
}

/**
 * Reads a gpu-v2023 pod list as pending pods, sorted by creation time (then name): requests = the row's
 * CPU, memory and `num_gpu × gpu_milli` of {@link GPU_MILLI}; a non-empty `gpu_spec` becomes a required
 * node affinity on {@link GPU_MODEL_LABEL}. Priority 0 for all (the trace has no priorities), so nothing
 * is preempted.
 */
export async function loadGpuPods(path: string): Promise<GpuTracePod[]> {
  const pods = (await readCsv(path)).map((row): GpuTracePod => {
    const numGpu = integer(path, row, 'num_gpu');
    const gpuMilli = row.gpu_milli === '' ? (numGpu > 0 ? 1000 : 0) : integer(path, row, 'gpu_milli');
    const gpuRequest = numGpu * gpuMilli;
    const models = row.gpu_spec === '' || row.gpu_spec === undefined ? [] : row.gpu_spec.split('|');
    const pod: Pod = {
      name: row.name!,
      namespace: 'openb',
      labels: {},
      annotations: {},
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      requests: {
        cpu: integer(path, row, 'cpu_milli'),
        memory: integer(path, row, 'memory_mib') * MIB,
        ...(gpuRequest > 0 ? { [GPU_MILLI]: gpuRequest } : {}),
      },
      limits: {},
      nodeSelector: {},
      tolerations: [],
      ...(models.length === 0
        ? {}
        : {
            affinity: {
              nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                  nodeSelectorTerms: [{ matchExpressions: [{ key: GPU_MODEL_LABEL, operator: 'In', values: models }] }],
                },
              },
            },
          }),
    };
    return {
      pod,
      createdS: integer(path, row, 'creation_time'),
      scheduledInTrace: row.scheduled_time !== '',
      numGpu,
      gpuMilli,
      qos: row.qos ?? '',
    };
  });
  return pods.sort(
    (a, b) => a.createdS - b.createdS || (a.pod.name < b.pod.name ? -1 : a.pod.name > b.pod.name ? 1 : 0),
  );
}
