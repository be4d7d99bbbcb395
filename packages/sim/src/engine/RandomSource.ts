/**
 * A source of uniform random numbers in [0, 1), such as {@link RandomStream.next}. Samplers take one as
 * an argument instead of calling `Math.random`, so every draw is seeded and reproducible.
 */
export type RandomSource = () => number;
