import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCpu, formatMemory, parseCpu, parseMemory } from '../../src/quantity/index.js';

describe('formatCpu', () => {
  it.each([
    [0, '0'],
    [1000, '1'],
    [1500, '1500m'],
    [250, '250m'],
    [64_000, '64'],
    [1, '1m'],
  ])('%d millicores → %s', (milli, text) => {
    expect(formatCpu(milli)).toBe(text);
  });

  it('round-trips through parseCpu for any safe non-negative integer', () => {
    fc.assert(fc.property(fc.maxSafeNat(), (milli) => parseCpu(formatCpu(milli)) === milli));
  });
});

describe('formatMemory', () => {
  it.each([
    [0, '0'],
    [1, '1'],
    [1000, '1000'],
    [1024, '1Ki'],
    [1476395008, '1408Mi'],
    [2 ** 31, '2Gi'],
    [2 ** 40 * 3, '3Ti'],
    [2 ** 50 * 7, '7Pi'],
    [1536 * 2 ** 10, '1536Ki'],
    [2 ** 20 + 1, '1048577'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatMemory(bytes)).toBe(text);
  });

  it('round-trips through parseMemory for any safe non-negative integer', () => {
    // Plain integers rarely hit a binary suffix, so also build multiples of 2^10 … 2^50.
    const powerMultiple = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.maxSafeNat())
      .map(([k, n]) => Math.floor(n / 2 ** (10 * k)) * 2 ** (10 * k));
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeNat(), powerMultiple), (bytes) => parseMemory(formatMemory(bytes)) === bytes),
    );
  });

  it('uses the largest binary suffix that divides exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 20 }), fc.integer({ min: 1, max: 3 }), (n, k) => {
        const text = formatMemory(n * 2 ** (10 * k));
        const [, digits = '', suffix = ''] = /^(\d+)(\w*)$/.exec(text) ?? [];
        // The mantissa is never itself a multiple of 1024 once a suffix is used.
        if (suffix !== '') expect(Number(digits) % 1024).not.toBe(0);
        expect(parseMemory(text)).toBe(n * 2 ** (10 * k));
      }),
    );
  });
});
