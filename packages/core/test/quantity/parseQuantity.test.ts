import { describe, expect, it } from 'vitest';
import { parseCpu, parseMemory, parseSparkMemory, QuantityError } from '../../src/quantity/index.js';

describe('parseCpu', () => {
  it.each([
    ['100m', 100],
    ['1', 1000],
    ['1.5', 1500],
    ['4k', 4_000_000],
    ['1e3', 1_000_000],
    ['0.1m', 1], // rounds up to the next millicore, as MilliValue() does
    ['1001u', 2],
  ])('%s → %d millicores', (text, milli) => {
    expect(parseCpu(text)).toBe(milli);
  });
});

describe('parseMemory', () => {
  it.each([
    ['2Gi', 2 * 2 ** 30],
    ['1G', 1e9],
    ['512Mi', 512 * 2 ** 20],
    ['4k', 4000],
    ['1e3', 1000],
    ['512m', 1], // 0.512 bytes, rounded up: NOT Spark's 512 MiB
  ])('%s → %d bytes', (text, bytes) => {
    expect(parseMemory(text)).toBe(bytes);
  });

  it('rejects "1.5.3Gi" with its own error naming the input', () => {
    expect(() => parseMemory('1.5.3Gi')).toThrow(QuantityError);
    expect(() => parseMemory('1.5.3Gi')).toThrow(/"1\.5\.3Gi"/);
  });
});

describe('parseSparkMemory', () => {
  it.each([
    ['512m', 512 * 2 ** 20],
    ['1g', 2 ** 30],
    ['4096m', 4096 * 2 ** 20],
    ['1024', 1024 * 2 ** 20], // bare number = MiB
    ['2G', 2 * 2 ** 30],
  ])('%s → %d bytes', (text, bytes) => {
    expect(parseSparkMemory(text)).toBe(bytes);
  });
});
