/**
 * Raised by the quantity parsers when a string is not a valid Kubernetes quantity or Spark/JVM size.
 * `code` is stable, so callers (the manifest loader, the CLI) can map it without parsing the message.
 */
export class QuantityError extends Error {
  /** Stable machine-readable reason. */
  readonly code: 'QUANTITY_SYNTAX' | 'QUANTITY_NEGATIVE' | 'QUANTITY_TOO_LARGE' | 'QUANTITY_FRACTIONAL';
  /** The string that failed to parse. */
  readonly input: string;

  constructor(code: QuantityError['code'], input: string, message: string) {
    super(message);
    this.name = 'QuantityError';
    this.code = code;
    this.input = input;
  }
}
