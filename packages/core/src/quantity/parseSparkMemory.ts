import { QuantityError } from './QuantityError.js';

const MIB = 1024 * 1024;
/** JVM/Spark size units (case-insensitive), as exponents of 1024 bytes. */
const UNIT_POW: Readonly<Record<string, number>> = {
  b: 0,
  k: 1,
  kb: 1,
  m: 2,
  mb: 2,
  g: 3,
  gb: 3,
  t: 4,
  tb: 4,
  p: 5,
  pb: 5,
};

/**
 * Parses a Spark/JVM memory size (`spark.driver.memory` style: `"512m"` = 512 MiB, `"1g"`, `"4096m"`,
 * `"2t"`; a bare number means MiB) into integer bytes. Units are binary and case-insensitive, as in
 * Spark's `JavaUtils.byteStringAs`; fractions are rejected as Spark rejects them.
 *
 * @throws {@link QuantityError} on syntax errors, fractions, negative values or values beyond 2^53.
 * @example parseSparkMemory('1g') === 1073741824; parseSparkMemory('512m') === 536870912
 */
export function parseSparkMemory(input: string | number): number {
  const text = typeof input === 'number' ? String(input) : input.trim().toLowerCase();
  const m = /^(-?)(\d+)(?:\.(\d+))?([a-z]*)$/.exec(text);
  // Object.hasOwn, not `in`: a suffix such as "constructor" must not resolve through Object.prototype.
  if (m === null || (m[4] !== '' && !Object.hasOwn(UNIT_POW, m[4]!))) {
    throw new QuantityError(
      'QUANTITY_SYNTAX',
      String(input),
      `parseSparkMemory: "${input}" is not a Spark memory size`,
    );
  }
  if (m[3] !== undefined) {
    throw new QuantityError(
      'QUANTITY_FRACTIONAL',
      String(input),
      `parseSparkMemory: "${input}" is fractional; Spark accepts whole numbers only (use "1536m" for "1.5g")`,
    );
  }
  if (m[1] === '-' && BigInt(m[2]!) !== 0n) {
    throw new QuantityError('QUANTITY_NEGATIVE', String(input), `parseSparkMemory: "${input}" is negative`);
  }
  const unit = m[4] === '' ? 2 : UNIT_POW[m[4]!]!;
  const bytes = BigInt(m[2]!) * 1024n ** BigInt(unit);
  if (bytes > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new QuantityError('QUANTITY_TOO_LARGE', String(input), `parseSparkMemory: "${input}" is too large`);
  }
  return Number(bytes);
}

/** Bytes in one mebibyte, the unit Spark assumes for a bare number and uses for its overhead floor. */
export const MEBIBYTE: number = MIB;
