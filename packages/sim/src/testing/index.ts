/**
 * `@gleaner/sim/testing`: fast-check arbitraries and invariants for property-testing policy changes.
 *
 * @packageDocumentation
 */
export const TESTING_ENTRY = '@gleaner/sim/testing';
