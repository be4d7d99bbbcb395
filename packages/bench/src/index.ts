/**
 * `@gleaner/bench`: benchmark helpers.
 *
 * @packageDocumentation
 */
export const BENCH_PACKAGE = '@gleaner/bench';
