/** Shard files that cannot be merged: unreadable, not shards, from different sweeps, or incomplete. */
export class ShardMergeError extends Error {
  /** Stable code for the CLI's exit-code table. */
  readonly code = 'E_SHARD_MERGE';
  /** The file at fault, when one is. */
  readonly file: string | undefined;

  /** Creates the error; `message` is `<file>: <reason>`, or the reason alone. */
  constructor(file: string | undefined, reason: string) {
    super(file === undefined ? reason : `${file}: ${reason}`);
    this.name = 'ShardMergeError';
    this.file = file;
  }
}
