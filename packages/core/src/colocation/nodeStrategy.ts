import type { Node } from '../model/index.js';
import { matchesLabelSelector } from '../model/index.js';
import type { ColocationStrategy, NodeStrategyOverride, ResourceThresholdStrategy, SloConfig } from './sloConfig.js';
import { mergeColocationStrategyJson } from './sloConfig.js';

// Which colocation / threshold strategy applies to one node: built-in defaults ← cluster strategy ← first
// matching node entry ← node annotation ← node reclaim-ratio labels.
// koordinator: pkg/util/sloconfig/colocation_config.go (GetNodeColocationStrategy),
//              apis/extension/node_colocation.go

/** Node annotation holding a JSON ColocationStrategy merged over the ConfigMap's strategy for that node. */
export const ANNOTATION_NODE_COLOCATION_STRATEGY = 'node.koordinator.sh/colocation-strategy';
/** Node label (a float ratio, e.g. `"0.7"`) overriding `cpuReclaimThresholdPercent`; highest precedence. */
export const LABEL_CPU_RECLAIM_RATIO = 'node.koordinator.sh/cpu-reclaim-ratio';
/** Node label (a float ratio, e.g. `"0.75"`) overriding `memoryReclaimThresholdPercent`; highest precedence. */
export const LABEL_MEMORY_RECLAIM_RATIO = 'node.koordinator.sh/memory-reclaim-ratio';

const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A reclaim-ratio label value as an integer percent, or `undefined` when it is not a number or negative
 * (ignored upstream). The ratio is multiplied by 100 in floating point and truncated, as upstream does, so
 * `"0.29"` gives 28.
 */
export function reclaimPercentFromRatio(value: string): number | undefined {
  if (!FLOAT.test(value)) return undefined;
  const v = Number(value);
  if (!Number.isFinite(v) || v < 0) return undefined;
  return Math.trunc(v * 100);
}

/**
 * Applies a node's own overrides to a colocation strategy: the `node.koordinator.sh/colocation-strategy`
 * annotation (merged over it; ignored when invalid), then the `cpu-reclaim-ratio` / `memory-reclaim-ratio`
 * labels. Returns `strategy` itself when the node carries none of them. Idempotent.
 */
export function applyNodeColocationOverrides(strategy: ColocationStrategy, node: Node): ColocationStrategy {
  const annotation = node.annotations[ANNOTATION_NODE_COLOCATION_STRATEGY];
  const cpuLabel = node.labels[LABEL_CPU_RECLAIM_RATIO];
  const memLabel = node.labels[LABEL_MEMORY_RECLAIM_RATIO];
  if (annotation === undefined && cpuLabel === undefined && memLabel === undefined) return strategy;
  let out = strategy;
  if (annotation !== undefined) out = mergeColocationStrategyJson(out, annotation) ?? out;
  const cpu = cpuLabel === undefined ? undefined : reclaimPercentFromRatio(cpuLabel);
  const mem = memLabel === undefined ? undefined : reclaimPercentFromRatio(memLabel);
  if (cpu !== undefined || mem !== undefined) {
    out = {
      ...out,
      cpuReclaimThresholdPercent: cpu ?? out.cpuReclaimThresholdPercent,
      memoryReclaimThresholdPercent: mem ?? out.memoryReclaimThresholdPercent,
    };
  }
  return out;
}

function firstMatch<T>(entries: readonly NodeStrategyOverride<T>[], node: Node): T | undefined {
  for (const e of entries) {
    // An absent selector matches no node (a nil metav1.LabelSelector selects nothing).
    if (e.nodeSelector !== undefined && matchesLabelSelector(e.nodeSelector, node.labels)) return e.strategy;
  }
  return undefined;
}

/**
 * The colocation strategy for one node: the cluster strategy, replaced by the first `nodeConfigs` entry whose
 * selector matches the node's labels, then the node's annotation and reclaim-ratio labels.
 */
export function colocationStrategyForNode(config: SloConfig, node: Node): ColocationStrategy {
  const base = firstMatch(config.nodeConfigs.colocation, node) ?? config.colocation;
  return applyNodeColocationOverrides(base, node);
}

/** The resource-threshold strategy for one node: the first matching `nodeStrategies` entry, else the cluster's. */
export function resourceThresholdStrategyForNode(config: SloConfig, node: Node): ResourceThresholdStrategy {
  return firstMatch(config.nodeConfigs.resourceThreshold, node) ?? config.resourceThreshold;
}
