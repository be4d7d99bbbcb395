import fc from 'fast-check';

// Small building blocks shared by the arbitraries (internal to the testing entry).

/** Fractions in whole percents between `min` and `max`; shrinks towards `min`. */
export const percent = (min: number, max: number): fc.Arbitrary<number> =>
  fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((p) => p / 100);

/** `true` about one time in ten; shrinks to `false`. */
export const rarely = (): fc.Arbitrary<boolean> => fc.integer({ min: 0, max: 9 }).map((n) => n === 9);

/** Drops the keys whose value is `undefined`, so generated objects serialise as a user would write them. */
export function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}
