import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEBIBYTE, parseMemory, parseSparkMemory, QuantityError } from '../../src/quantity/index.js';

const KI = 2 ** 10;
const MI = 2 ** 20;
const GI = 2 ** 30;
const TI = 2 ** 40;

function codeOf(input: string | number): QuantityError['code'] {
  try {
    parseSparkMemory(input);
  } catch (error) {
    expect(error).toBeInstanceOf(QuantityError);
    return (error as QuantityError).code;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

describe('parseSparkMemory', () => {
  it.each([
    ['512m', 512 * MI],
    ['1g', GI],
    ['4096m', 4096 * MI],
    ['1024', 1024 * MI], // bare number = MiB
    ['512', 512 * MI],
    ['0', 0],
    ['2G', 2 * GI], // units are case-insensitive
    ['512M', 512 * MI],
    ['1gb', GI],
    ['1GB', GI],
    ['3mb', 3 * MI],
    ['1k', KI],
    ['8kb', 8 * KI],
    ['100b', 100],
    ['2t', 2 * TI],
    ['1tb', TI],
    ['1p', 2 ** 50],
    [' 1g ', GI],
    ['007g', 7 * GI],
  ])('%s → %d bytes', (text, bytes) => {
    expect(parseSparkMemory(text)).toBe(bytes);
  });

  it('reads a number as MiB', () => {
    expect(parseSparkMemory(512)).toBe(512 * MI);
    expect(parseSparkMemory(0)).toBe(0);
  });

  it.each([
    ['1.5g', 'QUANTITY_FRACTIONAL'], // Spark rejects fractions
    ['0.5m', 'QUANTITY_FRACTIONAL'],
    [1.5, 'QUANTITY_FRACTIONAL'],
    ['-1g', 'QUANTITY_NEGATIVE'],
    [-512, 'QUANTITY_NEGATIVE'],
    ['8p', 'QUANTITY_TOO_LARGE'], // 2^53 bytes
    ['99999999999999999999g', 'QUANTITY_TOO_LARGE'],
    ['1gi', 'QUANTITY_SYNTAX'], // Kubernetes suffixes are not Spark's
    ['1Mi', 'QUANTITY_SYNTAX'],
    ['1e3', 'QUANTITY_SYNTAX'],
    ['abc', 'QUANTITY_SYNTAX'],
    ['', 'QUANTITY_SYNTAX'],
    ['g', 'QUANTITY_SYNTAX'],
    ['1 g', 'QUANTITY_SYNTAX'],
    ['.5g', 'QUANTITY_SYNTAX'],
    ['1.g', 'QUANTITY_SYNTAX'],
    ['+1g', 'QUANTITY_SYNTAX'],
    ['1constructor', 'QUANTITY_SYNTAX'], // an Object.prototype key is not a unit
    [Number.NaN, 'QUANTITY_SYNTAX'],
  ] as const)('rejects %s with %s', (input, code) => {
    expect(codeOf(input)).toBe(code);
  });

  it('tells the user how to write a fractional size', () => {
    expect(() => parseSparkMemory('1.5g')).toThrow(/parseSparkMemory: "1\.5g" is fractional.*1536m/);
  });

  it('reads "512m" as 512 MiB where parseMemory reads 0.512 bytes', () => {
    expect(parseSparkMemory('512m')).toBe(512 * MEBIBYTE);
    expect(parseMemory('512m')).toBe(1);
    expect(parseSparkMemory('512m')).not.toBe(parseMemory('512m'));
  });

  it('agrees with parseMemory on the binary equivalents (1g = 1Gi, 4096m = 4Gi)', () => {
    expect(parseSparkMemory('1g')).toBe(parseMemory('1Gi'));
    expect(parseSparkMemory('4096m')).toBe(parseMemory('4Gi'));
    expect(parseSparkMemory('2k')).toBe(parseMemory('2Ki'));
  });

  it('returns a non-negative safe integer or throws QuantityError on any string', () => {
    const alphabet = fc.constantFrom(...'0123456789.-+ kmgtpbKMGTPBiecosrtu'.split(''));
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: alphabet, maxLength: 20 }),
      fc.constantFrom('1constructor', '1__proto__', '1tostring', '1valueof', '1hasownproperty'),
    );
    fc.assert(
      fc.property(text, (s) => {
        try {
          const value = parseSparkMemory(s);
          return Number.isSafeInteger(value) && value >= 0;
        } catch (error) {
          return error instanceof QuantityError;
        }
      }),
    );
  });

  it('is case-insensitive for every unit', () => {
    const unit = fc.constantFrom('b', 'k', 'kb', 'm', 'mb', 'g', 'gb', 't', 'tb');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), unit, (n, u) => {
        expect(parseSparkMemory(`${n}${u.toUpperCase()}`)).toBe(parseSparkMemory(`${n}${u}`));
      }),
    );
  });

  it('is monotone: n m < (n+1) m and n < n+1 (MiB)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 }), (n) => {
        expect(parseSparkMemory(`${n}m`)).toBeLessThan(parseSparkMemory(`${n + 1}m`));
        expect(parseSparkMemory(`${n}`)).toBe(parseSparkMemory(`${n}m`));
      }),
    );
  });
});
