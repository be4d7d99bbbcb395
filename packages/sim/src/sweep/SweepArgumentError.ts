/**
 * A sweep or compare argument that does not parse (`--grid`, `--shard`, `--variant`, `--seeds`): the CLI
 * reports it as a usage error. `message` is one line naming the option and the text given.
 */
export class SweepArgumentError extends Error {
  /** Stable code for the CLI's exit-code table. */
  readonly code = 'E_SWEEP_ARGUMENT';
  /** The option the text came from (`--grid`). */
  readonly option: string;

  /** Creates the error; `message` becomes `<option> "<text>": <reason>`. */
  constructor(option: string, text: string, reason: string) {
    super(`${option} ${JSON.stringify(text)}: ${reason}`);
    this.name = 'SweepArgumentError';
    this.option = option;
  }
}
