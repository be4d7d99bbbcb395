/**
 * The seeds of `count` replications of a scenario whose seed is `base`: the first is `base` itself (so
 * replication 0 is what `gleaner run` does), the others `"<base>#<i>"`. The simulator seeds each random
 * stream from the text `<seed>/<stream name>`, so different seed texts give unrelated streams.
 */
export function replicationSeeds(base: string | number, count: number): (string | number)[] {
  if (!Number.isSafeInteger(count) || count < 1)
    throw new RangeError(`replicationSeeds: count must be ≥ 1, got ${count}`);
  return Array.from({ length: count }, (_, i) => (i === 0 ? base : `${base}#${i}`));
}
