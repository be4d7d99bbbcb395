import { QuantityError } from './QuantityError.js';

/** Binary (power of two) suffixes of a Kubernetes quantity, as exponents of 2. */
const BINARY_SUFFIX: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
/** Decimal SI suffixes of a Kubernetes quantity, as exponents of 10. */
const DECIMAL_SUFFIX: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

/** Decimal exponents up to this size (beyond the digit count) are computed exactly with BigInt. */
const EXPONENT_LIMIT = 1000;

// Kubernetes' grammar: <signedNumber><suffix>, suffix = binarySI | decimalSI | e/E<signedInt>.
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

/**
 * An exact quantity as a rational `numerator / denominator` of BigInts, so no float rounding creeps in
 * between the string and the integer unit.
 */
interface Exact {
  readonly negative: boolean;
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function parseExact(fn: string, input: string): Exact {
  const m = QUANTITY.exec(input);
  if (m === null) {
    throw new QuantityError('QUANTITY_SYNTAX', input, `${fn}: "${input}" is not a Kubernetes quantity`);
  }
  const [, sign, number, suffix, exponent] = m as unknown as [string, string, string, string | undefined, string?];
  const [whole = '', fraction = ''] = number.split('.');
  let numerator = BigInt((whole || '0') + fraction);
  let denominator = 10n ** BigInt(fraction.length);
  let pow10 = 0;
  let pow2 = 0;
  if (exponent !== undefined) {
    pow10 = Number(exponent);
    // Settle far-out exponents without building a huge power of ten: zero stays zero, a huge positive
    // exponent overflows, and a huge negative one leaves a positive amount below any unit, which rounds
    // up to 1 exactly as it would at -limit (the digits cannot offset more than `input.length` powers).
    const limit = EXPONENT_LIMIT + input.length;
    if (numerator === 0n) pow10 = 0;
    else if (pow10 > limit) {
      throw new QuantityError('QUANTITY_TOO_LARGE', input, `${fn}: "${input}" has an exponent out of range`);
    } else if (pow10 < -limit) pow10 = -limit;
  } else if (suffix !== undefined) {
    if (suffix in BINARY_SUFFIX) pow2 = BINARY_SUFFIX[suffix]!;
    else pow10 = DECIMAL_SUFFIX[suffix]!;
  }
  if (pow10 >= 0) numerator *= 10n ** BigInt(pow10);
  else denominator *= 10n ** BigInt(-pow10);
  numerator *= 2n ** BigInt(pow2);
  return { negative: sign === '-' && numerator !== 0n, numerator, denominator };
}

/** Integer value of `exact × scale`, rounded up as Kubernetes' `Value()`/`MilliValue()` do. */
function toScaledInteger(fn: string, input: string, exact: Exact, scale: bigint): number {
  if (exact.negative) {
    throw new QuantityError('QUANTITY_NEGATIVE', input, `${fn}: "${input}" is negative; resource amounts must be ≥ 0`);
  }
  const scaled = exact.numerator * scale;
  const value = (scaled + exact.denominator - 1n) / exact.denominator;
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new QuantityError('QUANTITY_TOO_LARGE', input, `${fn}: "${input}" is too large to hold exactly`);
  }
  return Number(value);
}

/** Accepts what a manifest can hold for a quantity: a string, or a plain number (YAML `cores: 1`). */
function asText(fn: string, input: string | number): string {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) {
      throw new QuantityError('QUANTITY_SYNTAX', String(input), `${fn}: ${input} is not a finite number`);
    }
    // Number → shortest exact decimal text; exponent form ("1e+21") is valid quantity syntax.
    return String(input).replace('e+', 'e');
  }
  return input.trim();
}

/**
 * Parses a Kubernetes CPU quantity (`"100m"`, `"1"`, `"1.5"`, `"2k"`, `"1e3"`, or a number) into integer
 * millicores, rounding up to the next millicore as Kubernetes does (`"0.1m"` → 1).
 *
 * @throws {@link QuantityError} on syntax errors, negative values or values beyond 2^53.
 * @example parseCpu('250m') === 250; parseCpu(2) === 2000
 */
export function parseCpu(input: string | number): number {
  const text = asText('parseCpu', input);
  return toScaledInteger('parseCpu', text, parseExact('parseCpu', text), 1000n);
}

/**
 * Parses a Kubernetes memory (or any byte-valued) quantity (`"512Mi"`, `"1G"`, `"4k"`, `"1e3"`) into
 * integer bytes, rounding a fractional byte up as Kubernetes does. Note `"512m"` here is 0.512 bytes
 * (rounded up to 1), not 512 MiB: Spark sizes go through {@link parseSparkMemory}.
 *
 * @throws {@link QuantityError} on syntax errors, negative values or values beyond 2^53.
 * @example parseMemory('2Gi') === 2147483648
 */
export function parseMemory(input: string | number): number {
  const text = asText('parseMemory', input);
  return toScaledInteger('parseMemory', text, parseExact('parseMemory', text), 1n);
}

/**
 * Parses a plain integer-valued quantity (a pod count, an extended resource such as `kubernetes.io/batch-cpu`,
 * whose unit is already millicores) into an integer, rounding up.
 */
export function parseCount(input: string | number): number {
  return parseMemory(input);
}
