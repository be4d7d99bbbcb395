/**
 * `@gleaner/sim`: the discrete-event simulator, scenarios, reports and the `gleaner` CLI.
 *
 * @packageDocumentation
 */
export const SIM_PACKAGE = '@gleaner/sim';
