import { SweepArgumentError } from './SweepArgumentError.js';

/** One of `count` deterministic slices of a sweep's runs. */
export interface Shard {
  /** 0-based, as Kubernetes' `JOB_COMPLETION_INDEX`. */
  readonly index: number;
  /** Number of slices. */
  readonly count: number;
}

/**
 * Parses `--shard i/n` (0 ≤ i < n, both whole numbers).
 *
 * @throws {@link SweepArgumentError} otherwise.
 */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (m === null) throw new SweepArgumentError('--shard', text, 'expected i/n with 0 ≤ i < n (e.g. 0/4)');
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1) throw new SweepArgumentError('--shard', text, 'n must be at least 1');
  if (index >= count) throw new SweepArgumentError('--shard', text, `i must be between 0 and ${count - 1}`);
  return { index, count };
}

/**
 * The runs of one shard: those whose position in the full run list is `index` modulo `count`
 * (round-robin, so every shard gets a similar mix of grid points). The union of all shards is the whole
 * list, each run exactly once.
 */
export function shardOf<T>(items: readonly T[], shard: Shard): T[] {
  return items.filter((_, i) => i % shard.count === shard.index);
}
