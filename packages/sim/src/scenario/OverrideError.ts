/**
 * A `--set key=value` override that cannot be applied: malformed text, or a path that does not fit the
 * scenario (unknown field, index out of range, a path through a scalar). The fields are data for callers
 * that report errors their own way; `message` is one line naming the override and the field.
 */
export class OverrideError extends Error {
  /** Stable code for the CLI's exit-code table. */
  readonly code = 'E_OVERRIDE';
  /** The override as given (`"fleet.members.5.kubernetesVersion=1.27"`). */
  readonly set: string;
  /** The path segments up to and including the one that failed (empty when the text itself is malformed). */
  readonly path: readonly (string | number)[];
  /** What is wrong, without the override text (`"fleet.members has 2 entries; index 5 is out of range"`). */
  readonly reason: string;

  /** Creates the error; `message` becomes `--set "<set>": <reason>`. */
  constructor(set: string, path: readonly (string | number)[], reason: string) {
    super(`--set ${JSON.stringify(set)}: ${reason}`);
    this.name = 'OverrideError';
    this.set = set;
    this.path = path;
    this.reason = reason;
  }
}
