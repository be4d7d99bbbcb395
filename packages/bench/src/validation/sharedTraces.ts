import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (`packages/bench/{src,dist}/validation` → four levels up). */
export const REPO_ROOT: string = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The shared trace folder, `../shared/traces` next to the repository (never copied into it), or
 * `undefined` when it is not there.
 */
export function sharedTracesDir(repoRoot: string = REPO_ROOT): string | undefined {
  const dir = resolve(repoRoot, '../shared/traces');
  return existsSync(dir) ? dir : undefined;
}

/** Paths of the trace files the validations read, relative to the shared trace folder. */
export const TRACE_FILES = {
  /** Alibaba 2018 cluster-average utilisation every 300 s (DataCenter-Traces-Datasets aggregate). */
  alibaba2018Aggregate: 'datacenter-traces-aggregates/alibaba2018/machine_usage_days_1_to_8_grouped_300_seconds.csv',
  /** Alibaba cluster-trace-v2017 batch_task (with a header line). */
  alibaba2017BatchTask: 'alibaba-cluster-trace-v2017-batch-task/batch_task.csv',
  /** Alibaba cluster-trace-gpu-v2023 node list (all 1,523 nodes). */
  gpu2023Nodes: 'alibaba-cluster-trace-gpu-v2023/openb_node_list_all_node.csv',
  /** Alibaba cluster-trace-gpu-v2023 default pod list (8,152 pods). */
  gpu2023Pods: 'alibaba-cluster-trace-gpu-v2023/openb_pod_list_default.csv',
} as const;
