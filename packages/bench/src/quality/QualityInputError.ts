/** A problem with the quality benchmark's input (a scenario file, a command-line option): one line for people. */
export class QualityInputError extends Error {
  /** Stable code, for callers that branch on it. */
  readonly code = 'E_QUALITY_INPUT';

  /** Creates the error with its one-line message. */
  constructor(message: string) {
    super(message);
    this.name = 'QualityInputError';
  }
}
