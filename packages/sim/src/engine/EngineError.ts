/**
 * Raised by {@link Engine} when it is asked for something a discrete-event clock cannot do: an event in
 * the past, a non-integer time, a negative delay, an unknown phase, a non-positive period, or a nested
 * `run`. These are programming errors in the model, so they throw when the request is made rather than
 * when the event would fire. `code` is stable; the message names the method and the offending value.
 */
export class EngineError extends Error {
  /** Stable machine-readable reason. */
  readonly code:
    | 'TIME_NOT_INTEGER'
    | 'TIME_IN_PAST'
    | 'TIME_OUT_OF_RANGE'
    | 'DELAY_NEGATIVE'
    | 'PHASE_INVALID'
    | 'PERIOD_INVALID'
    | 'ENGINE_BUSY';

  /**
   * @param code - the stable reason
   * @param message - one line naming the method and the offending value
   */
  constructor(code: EngineError['code'], message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}
