/**
 * A small seeded generator for benchmark inputs, so every run measures the same work.
 * @module
 */

/** mulberry32: a 32-bit seeded generator of numbers in [0, 1). Fast and reproducible; not for statistics. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An exponential draw of mean `mean` from `random` (inversion). */
export function exponential(random: () => number, mean: number): number {
  return -Math.log1p(-random()) * mean;
}
