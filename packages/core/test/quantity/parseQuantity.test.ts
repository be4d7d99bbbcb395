import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCount, parseCpu, parseMemory, parseSparkMemory, QuantityError } from '../../src/quantity/index.js';

const GI = 2 ** 30;
const MI = 2 ** 20;

/** The QuantityError code `fn(input)` throws, or fails the test when it returns or throws something else. */
function codeOf(fn: (input: string | number) => number, input: string | number): QuantityError['code'] {
  try {
    fn(input);
  } catch (error) {
    expect(error).toBeInstanceOf(QuantityError);
    return (error as QuantityError).code;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

/** True when `fn(input)` returns a non-negative safe integer or throws a QuantityError, and nothing else. */
function returnsCountOrQuantityError(fn: (input: string) => number, input: string): boolean {
  let value: unknown;
  try {
    value = fn(input);
  } catch (error) {
    return error instanceof QuantityError && error.input.length >= 0 && typeof error.code === 'string';
  }
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

// Characters a quantity is made of, plus near misses (lower-case binary suffix letters, `b`, space, `x`).
const QUANTITY_ALPHABET = fc.constantFrom(...'0123456789.+-eEnumkKMGTPiIbB x_'.split(''));

describe('parseCpu', () => {
  it.each([
    ['100m', 100],
    ['1', 1000],
    ['1.5', 1500],
    ['.5', 500],
    ['+1', 1000],
    ['1.', 1000],
    ['0', 0],
    ['-0', 0], // minus zero is zero, not negative
    ['2Gi', 2 * GI * 1000], // binary suffixes are legal on any quantity
    ['1Ki', 1_024_000],
    ['4k', 4_000_000],
    ['1e3', 1_000_000],
    ['1E3', 1_000_000],
    ['1e+3', 1_000_000],
    ['1e-3', 1],
    ['2500e-3', 2500],
    ['1500m', 1500],
    ['1.0001', 1001], // 1000.1 millicores rounds up
    ['0.1m', 1], // rounds up to the next millicore, as MilliValue() does
    ['100n', 1],
    ['1001u', 2],
    ['1e-65', 1], // tiny but positive: still one millicore
    ['1e-999999', 1],
    ['0e999999', 0], // zero with any exponent is zero
    ['  250m  ', 250], // surrounding blanks from YAML block scalars are ignored
    ['9007199254740.991', Number.MAX_SAFE_INTEGER],
  ])('%s → %d millicores', (text, milli) => {
    expect(parseCpu(text)).toBe(milli);
  });

  it.each([
    [2, 2000],
    [0.25, 250],
    [0.0001, 1],
    [0, 0],
    [1e3, 1_000_000],
  ])('number %d → %d millicores', (n, milli) => {
    expect(parseCpu(n)).toBe(milli);
  });

  it.each([
    ['1.5.3Gi', 'QUANTITY_SYNTAX'],
    ['abc', 'QUANTITY_SYNTAX'],
    ['', 'QUANTITY_SYNTAX'],
    ['1Gb', 'QUANTITY_SYNTAX'],
    ['-1', 'QUANTITY_NEGATIVE'],
    ['-100m', 'QUANTITY_NEGATIVE'],
    ['-1e-999', 'QUANTITY_NEGATIVE'],
    ['9007199254740.992', 'QUANTITY_TOO_LARGE'],
    ['1E', 'QUANTITY_TOO_LARGE'], // E alone is the exa suffix: 10^18 cores
    ['1e999999', 'QUANTITY_TOO_LARGE'],
    [-1, 'QUANTITY_NEGATIVE'],
    [Number.NaN, 'QUANTITY_SYNTAX'],
    [Number.POSITIVE_INFINITY, 'QUANTITY_SYNTAX'],
    [1e21, 'QUANTITY_TOO_LARGE'], // String(1e21) is "1e+21": parsed as exponent form
  ] as const)('rejects %s with %s', (input, code) => {
    expect(codeOf(parseCpu, input)).toBe(code);
  });

  it('names the function and quotes the input in its message', () => {
    expect(() => parseCpu('1.5.3Gi')).toThrow(/^parseCpu: "1\.5\.3Gi"/);
    try {
      parseCpu('1.5.3Gi');
    } catch (error) {
      expect(error).toMatchObject({ name: 'QuantityError', code: 'QUANTITY_SYNTAX', input: '1.5.3Gi' });
    }
  });
});

describe('parseMemory', () => {
  it.each([
    ['2Gi', 2 * GI],
    ['1G', 1e9],
    ['512Mi', 512 * MI],
    ['1.5Gi', 1.5 * GI],
    ['0.5Ki', 512],
    ['4k', 4000],
    ['1e3', 1000],
    ['.5', 1], // half a byte rounds up
    ['+1', 1],
    ['1.1', 2],
    ['100m', 1], // 0.1 byte rounds up
    ['1000m', 1],
    ['1001m', 2],
    ['512m', 1], // 0.512 bytes, rounded up: NOT Spark's 512 MiB
    ['7Pi', 7 * 2 ** 50],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
    ['0', 0],
  ])('%s → %d bytes', (text, bytes) => {
    expect(parseMemory(text)).toBe(bytes);
  });

  it.each([
    [1024, 1024],
    [1.5, 2],
    [0, 0],
  ])('number %d → %d bytes', (n, bytes) => {
    expect(parseMemory(n)).toBe(bytes);
  });

  it.each([
    ['1.5.3Gi', 'QUANTITY_SYNTAX'],
    ['abc', 'QUANTITY_SYNTAX'],
    ['', 'QUANTITY_SYNTAX'],
    ['   ', 'QUANTITY_SYNTAX'],
    ['1Gb', 'QUANTITY_SYNTAX'],
    ['1gi', 'QUANTITY_SYNTAX'], // suffixes are case-sensitive
    ['1KiB', 'QUANTITY_SYNTAX'],
    ['1 Gi', 'QUANTITY_SYNTAX'],
    ['Gi', 'QUANTITY_SYNTAX'],
    ['.', 'QUANTITY_SYNTAX'],
    ['1e', 'QUANTITY_SYNTAX'],
    ['1e1.5', 'QUANTITY_SYNTAX'],
    ['--1', 'QUANTITY_SYNTAX'],
    ['+-1', 'QUANTITY_SYNTAX'],
    ['0x10', 'QUANTITY_SYNTAX'],
    ['1_000', 'QUANTITY_SYNTAX'],
    ['Infinity', 'QUANTITY_SYNTAX'],
    ['-1', 'QUANTITY_NEGATIVE'],
    ['-1Gi', 'QUANTITY_NEGATIVE'],
    ['8Pi', 'QUANTITY_TOO_LARGE'], // 2^53, one past the largest exact integer
    ['1Ei', 'QUANTITY_TOO_LARGE'],
    ['9007199254740992', 'QUANTITY_TOO_LARGE'],
    ['1e20', 'QUANTITY_TOO_LARGE'],
    [-1, 'QUANTITY_NEGATIVE'],
    [1e21, 'QUANTITY_TOO_LARGE'],
    [Number.NaN, 'QUANTITY_SYNTAX'],
  ] as const)('rejects %s with %s', (input, code) => {
    expect(codeOf(parseMemory, input)).toBe(code);
  });

  it('rejects "1.5.3Gi" with its own error naming the input', () => {
    expect(() => parseMemory('1.5.3Gi')).toThrow(QuantityError);
    expect(() => parseMemory('1.5.3Gi')).toThrow(/^parseMemory: "1\.5\.3Gi"/);
  });

  it('reads "512m" as 0.512 bytes where parseSparkMemory reads 512 MiB', () => {
    expect(parseMemory('512m')).toBe(1);
    expect(parseSparkMemory('512m')).toBe(512 * MI);
  });
});

describe('parseCount', () => {
  it('reads integer counts and extended resources like memory does', () => {
    expect(parseCount('110')).toBe(110);
    expect(parseCount(4)).toBe(4);
    expect(parseCount('2k')).toBe(2000);
    expect(codeOf(parseCount, '-3')).toBe('QUANTITY_NEGATIVE');
  });
});

describe('quantity parsers on arbitrary input', () => {
  const parsers = [
    ['parseCpu', parseCpu],
    ['parseMemory', parseMemory],
  ] as const;

  it.each(parsers)('%s returns a non-negative safe integer or throws QuantityError', (_, parse) => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: QUANTITY_ALPHABET, maxLength: 30 }),
    );
    fc.assert(fc.property(text, (s) => returnsCountOrQuantityError(parse, s)));
  });

  it.each(parsers)('%s accepts everything in the quantity grammar', (_, parse) => {
    const valid = fc.stringMatching(/^[+-]?(\d{1,8}(\.\d{0,4})?|\.\d{1,4})(Ki|Mi|Gi|Ti|[numkMGT]|[eE][+-]?\d{1,2})?$/);
    fc.assert(
      fc.property(valid, (s) => {
        try {
          const value = parse(s);
          return Number.isSafeInteger(value) && value >= 0;
        } catch (error) {
          // Valid syntax may still be negative or too large, never a syntax error.
          return error instanceof QuantityError && error.code !== 'QUANTITY_SYNTAX';
        }
      }),
    );
  });

  it('is monotone in the number: n Mi < (n+1) Mi, n m < (n+1) m', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 }), (n) => {
        expect(parseMemory(`${n}Mi`)).toBeLessThan(parseMemory(`${n + 1}Mi`));
        expect(parseCpu(`${n}m`)).toBeLessThan(parseCpu(`${n + 1}m`));
        expect(parseCpu(`${n}`)).toBeLessThan(parseCpu(`${n + 1}`));
      }),
    );
  });

  it('is monotone across any two decimal amounts with the same suffix', () => {
    const amount = fc.integer({ min: 0, max: 10 ** 6 }); // 10^6 Mi cores still fits 2^53 millicores
    const suffix = fc.constantFrom('', 'k', 'Ki', 'M', 'Mi', 'm', 'u');
    fc.assert(
      fc.property(amount, amount, suffix, (a, b, s) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(parseMemory(`${lo}${s}`)).toBeLessThanOrEqual(parseMemory(`${hi}${s}`));
        expect(parseCpu(`${lo}${s}`)).toBeLessThanOrEqual(parseCpu(`${hi}${s}`));
      }),
    );
  });

  it('reads a binary suffix as at least its decimal neighbour (Ki ≥ k, Mi ≥ M)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 6 }), (n) => {
        expect(parseMemory(`${n}Ki`)).toBeGreaterThanOrEqual(parseMemory(`${n}k`));
        expect(parseMemory(`${n}Mi`)).toBeGreaterThanOrEqual(parseMemory(`${n}M`));
      }),
    );
  });
});
