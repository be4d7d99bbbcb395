import type { BatchResourcesResult } from './batchResources.js';
import type { ColocationStrategy } from './sloConfig.js';

// When the slo-controller actually writes a freshly computed batch allocatable to the Node: only when it
// moved by more than `resourceDiffThreshold`, appeared or disappeared, or when `updateTimeThresholdSeconds`
// passed since the last write. Otherwise the old value stays published (a lagged, hysteretic signal).
// koordinator: pkg/slo-controller/noderesource/noderesource_controller.go (isCommonNodeNeedSync),
//              pkg/slo-controller/noderesource/plugins/batchresource/plugin.go (NeedSync),
//              pkg/util/resource.go (IsResourceDiff, IsQuantityDiff)

/** Milliseconds in one second. */
export const MS_PER_SECOND = 1000;

/** What is published on a node right now: its batch allocatable and when the controller last wrote it. */
export interface PublishedBatchResources {
  /** Published `kubernetes.io/batch-cpu` in millicores; `undefined` when the node carries none (reset). */
  readonly batchCpu?: number;
  /** Published `kubernetes.io/batch-memory` in bytes; `undefined` when the node carries none (reset). */
  readonly batchMemory?: number;
  /** Simulated time (ms) of the controller's last write of this node's status. */
  readonly publishedAt: number;
}

/**
 * Why a new value is (or is not) published: never published before; the forced refresh period passed;
 * batch-cpu or batch-memory appeared, disappeared or changed by more than the threshold; or none of these.
 */
export type BatchPublishReason =
  | 'neverPublished'
  | 'expired'
  | 'appeared'
  | 'disappeared'
  | 'diffExceeded'
  | 'unchanged';

/** Decision of {@link decideBatchPublish}. */
export interface BatchPublishDecision {
  /** Whether the new value replaces the published one now. */
  readonly publish: boolean;
  /** Which rule decided. */
  readonly reason: BatchPublishReason;
}

/**
 * Whether `next` differs from `prev` by more than `threshold` relative to `prev`, on milli-scaled values as
 * upstream compares them (`|new − old| > old × threshold`; from 0 any positive value differs).
 */
export function isQuantityDiff(prev: number, next: number, threshold: number): boolean {
  const oldMilli = prev * 1000;
  const newMilli = next * 1000;
  return Math.abs(newMilli - oldMilli) > oldMilli * threshold;
}

function resourceDiff(prev: number | undefined, next: number | undefined, threshold: number): BatchPublishReason {
  if (prev === undefined && next === undefined) return 'unchanged';
  if (prev === undefined) return 'appeared';
  if (next === undefined) return 'disappeared';
  return isQuantityDiff(prev, next, threshold) ? 'diffExceeded' : 'unchanged';
}

/**
 * Decides whether the newly computed batch resources `next` are written to the node now, given what is
 * published (`previous`, `undefined` if the controller never wrote this node), the node's colocation
 * strategy and the current time (ms). A degraded `next` means "no batch resources".
 */
export function decideBatchPublish(
  previous: PublishedBatchResources | undefined,
  next: BatchResourcesResult,
  strategy: ColocationStrategy,
  now: number,
): BatchPublishDecision {
  const reason =
    previous === undefined
      ? 'neverPublished'
      : batchPublishReason(
          previous.batchCpu,
          previous.batchMemory,
          previous.publishedAt,
          next.degraded ? undefined : next.batchCpu,
          next.degraded ? undefined : next.batchMemory,
          strategy,
          now,
        );
  return { publish: reason !== 'unchanged', reason };
}

/**
 * {@link decideBatchPublish} on plain numbers, for a caller that keeps the published values in arrays: the
 * published batch-cpu and batch-memory (`undefined` when the node carries none) and when they were written,
 * the newly computed ones (`undefined` = none, i.e. degraded), the strategy and the time (ms). The node must
 * have been written once (else the reason is `neverPublished`, which the caller knows). `'unchanged'` means
 * the controller leaves the node as it is.
 */
export function batchPublishReason(
  publishedCpu: number | undefined,
  publishedMemory: number | undefined,
  publishedAt: number,
  nextCpu: number | undefined,
  nextMemory: number | undefined,
  strategy: ColocationStrategy,
  now: number,
): BatchPublishReason {
  if (now - publishedAt > strategy.updateTimeThresholdSeconds * MS_PER_SECOND) return 'expired';
  const t = strategy.resourceDiffThreshold;
  const cpu = resourceDiff(publishedCpu, nextCpu, t);
  if (cpu !== 'unchanged') return cpu;
  return resourceDiff(publishedMemory, nextMemory, t);
}

/**
 * Whether the newly computed batch resources replace the published ones now: they differ by more than
 * `resourceDiffThreshold` (relative, per resource) or appeared/disappeared, or more than
 * `updateTimeThresholdSeconds` passed since the last publish, or nothing was ever published.
 */
export function shouldPublishBatchResources(
  previous: PublishedBatchResources | undefined,
  next: BatchResourcesResult,
  strategy: ColocationStrategy,
  now: number,
): boolean {
  return decideBatchPublish(previous, next, strategy, now).publish;
}

/**
 * The publish rule's inputs for many nodes, as columns (node `g` at index `g`). A resource the node carries
 * none of (never computed, or reset) is NaN.
 */
export interface BatchPublishColumns {
  /** Published batch-cpu (millicores), NaN when the node carries none. */
  readonly publishedCpu: ArrayLike<number>;
  /** Published batch-memory (bytes), NaN when the node carries none. */
  readonly publishedMemory: ArrayLike<number>;
  /** When the controller last wrote the node (ms). */
  readonly publishedAt: ArrayLike<number>;
  /** Newly computed batch-cpu, NaN when degraded (reset). */
  readonly nextCpu: ArrayLike<number>;
  /** Newly computed batch-memory, NaN when degraded (reset). */
  readonly nextMemory: ArrayLike<number>;
  /** The node strategy's `updateTimeThresholdSeconds` × 1000. */
  readonly updateTimeThresholdMs: ArrayLike<number>;
  /** The node strategy's `resourceDiffThreshold`. */
  readonly resourceDiffThreshold: ArrayLike<number>;
}

function differs(prev: number, next: number, threshold: number): boolean {
  const prevNone = Number.isNaN(prev);
  const nextNone = Number.isNaN(next);
  if (prevNone || nextNone) return prevNone !== nextNone;
  return isQuantityDiff(prev, next, threshold);
}

/**
 * {@link batchPublishReason} for nodes `0 … count − 1` at once: `out[g]` is 1 where node `g`'s new values are
 * written now (any reason but `unchanged`), else 0. Every node must have been written once.
 */
export function batchPublishNeeded(columns: BatchPublishColumns, count: number, now: number, out: Uint8Array): void {
  const { publishedCpu, publishedMemory, publishedAt, nextCpu, nextMemory, updateTimeThresholdMs } = columns;
  const diff = columns.resourceDiffThreshold;
  for (let g = 0; g < count; g++) {
    if (now - publishedAt[g]! > updateTimeThresholdMs[g]!) {
      out[g] = 1;
      continue;
    }
    const t = diff[g]!;
    out[g] = differs(publishedCpu[g]!, nextCpu[g]!, t) || differs(publishedMemory[g]!, nextMemory[g]!, t) ? 1 : 0;
  }
}
