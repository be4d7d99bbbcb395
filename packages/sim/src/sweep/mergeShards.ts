import { canonicalJson } from '../report/canonicalJson.js';
import { assembleSweep } from './assembleSweep.js';
import { planSweep } from './planSweep.js';
import { ShardMergeError } from './ShardMergeError.js';
import { type SweepFile, type SweepShardFile, sweepShardFileSchema } from './SweepFile.js';
import { shardOf } from './shard.js';

/** A shard file's parsed JSON and where it came from. */
export interface ShardInput {
  /** Name to report problems with. */
  readonly file: string;
  /** The parsed JSON. */
  readonly data: unknown;
}

/**
 * Combines the shard files of one sweep into `sweep.json`, exactly as one machine running the whole sweep
 * would have written it (same bytes once serialised with `canonicalJson`). Each file is checked: it must
 * be a shard file of this format version, of the same sweep (scenario, file hash, overrides, grid, seeds)
 * and shard count as the others, hold exactly its slice of the runs, and appear once; every shard must be
 * present.
 *
 * @throws {@link ShardMergeError} naming the file and what is wrong.
 */
export function mergeShards(inputs: readonly ShardInput[]): SweepFile {
  if (inputs.length === 0) throw new ShardMergeError(undefined, 'no shard files given');
  const shards: { file: string; shard: SweepShardFile }[] = inputs.map(({ file, data }) => ({
    file,
    shard: check(file, data),
  }));
  const first = shards[0]!;
  const definition = first.shard.sweep;
  const count = first.shard.shard.count;
  const seen = new Map<number, string>();
  for (const { file, shard } of shards) {
    const differs = difference(definition, shard.sweep);
    if (differs !== undefined)
      throw new ShardMergeError(file, `belongs to a different sweep than ${first.file} (${differs} differ)`);
    if (shard.shard.count !== count) {
      throw new ShardMergeError(
        file,
        `is shard ${shard.shard.index}/${shard.shard.count}, but ${first.file} is one of ${count}`,
      );
    }
    const other = seen.get(shard.shard.index);
    if (other !== undefined) throw new ShardMergeError(file, `shard ${shard.shard.index}/${count} is also in ${other}`);
    seen.set(shard.shard.index, file);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    const list = missing.map((i) => `${i}/${count}`).join(', ');
    throw new ShardMergeError(
      undefined,
      `missing ${missing.length === 1 ? 'shard' : 'shards'} ${list} (got ${shards.length} of ${count})`,
    );
  }
  const tasks = planSweep(definition);
  if (tasks.length !== definition.runs)
    throw new ShardMergeError(first.file, `says ${definition.runs} runs, but its grid and seeds make ${tasks.length}`);
  for (const { file, shard } of shards) {
    const expected = shardOf(tasks, shard.shard);
    const ok =
      shard.runs.length === expected.length &&
      shard.runs.every((r, i) => {
        const task = expected[i]!;
        const seeds = definition.seeds.length;
        return (
          r.index === task.index &&
          r.point === Math.floor(task.index / seeds) &&
          r.replicate === task.index % seeds &&
          r.seed === task.seed
        );
      });
    if (!ok) throw new ShardMergeError(file, `its runs are not those of shard ${shard.shard.index}/${count}`);
  }
  return assembleSweep(
    definition,
    shards.flatMap((s) => s.shard.runs),
  );
}

function check(file: string, data: unknown): SweepShardFile {
  const kind = (data as { kind?: unknown } | null)?.kind;
  if (kind === 'gleaner-sweep') throw new ShardMergeError(file, 'is a merged sweep.json, not a shard file');
  if (kind !== 'gleaner-sweep-shard') throw new ShardMergeError(file, 'is not a gleaner sweep shard file');
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (version !== 1)
    throw new ShardMergeError(file, `has schema version ${JSON.stringify(version)}; this gleaner reads 1`);
  const parsed = sweepShardFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ShardMergeError(file, `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data as SweepShardFile;
}

function difference(a: SweepShardFile['sweep'], b: SweepShardFile['sweep']): string | undefined {
  const fields: [string, unknown, unknown][] = [
    ['scenario name', a.scenario.name, b.scenario.name],
    ['scenario file', a.scenario.file, b.scenario.file],
    ['scenario contents (sha256)', a.scenario.sha256, b.scenario.sha256],
    ['--set overrides', a.sets, b.sets],
    ['--grid axes', a.grid, b.grid],
    ['seeds', a.seeds, b.seeds],
    ['run counts', a.runs, b.runs],
  ];
  for (const [name, x, y] of fields) if (canonicalJson(x) !== canonicalJson(y)) return name;
  return undefined;
}
