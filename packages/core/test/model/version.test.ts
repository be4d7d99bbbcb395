import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareKubernetesVersions, formatKubernetesVersion, parseKubernetesVersion } from '../../src/model/index.js';

describe('parseKubernetesVersion', () => {
  it.each([
    ['1.28', 1, 28],
    ['v1.30.2', 1, 30],
    ['1.26.3-aliyun.1', 1, 26],
    ['v1.27.3-eks-a5565ad', 1, 27],
    ['1.28+', 1, 28],
    ['1.9', 1, 9],
    [' 1.31.0 ', 1, 31],
  ])('%s → %d.%d', (text, major, minor) => {
    expect(parseKubernetesVersion(text)).toEqual({ major, minor });
  });

  it.each(['', '1', 'v', 'abc', '1.x', '1.28.3.4', 'version 1.28', '.28'])('rejects %j', (text) => {
    expect(parseKubernetesVersion(text)).toBeUndefined();
  });
});

describe('compareKubernetesVersions', () => {
  const v = (text: string) => parseKubernetesVersion(text)!;

  it('compares minors numerically: 1.9 < 1.28', () => {
    expect(compareKubernetesVersions(v('1.9'), v('1.28'))).toBeLessThan(0);
    expect(compareKubernetesVersions(v('1.28'), v('1.9'))).toBeGreaterThan(0);
  });

  it('ignores patch and build parts', () => {
    expect(compareKubernetesVersions(v('v1.28.9'), v('1.28.0-aliyun.1'))).toBe(0);
  });

  it('orders by major before minor', () => {
    expect(compareKubernetesVersions(v('2.0'), v('1.99'))).toBeGreaterThan(0);
  });

  it('agrees with numeric (major, minor) order and round-trips through formatting', () => {
    const version = fc.record({ major: fc.integer({ min: 0, max: 3 }), minor: fc.integer({ min: 0, max: 200 }) });
    fc.assert(
      fc.property(version, version, (a, b) => {
        const expected = a.major !== b.major ? a.major - b.major : a.minor - b.minor;
        expect(Math.sign(compareKubernetesVersions(a, b))).toBe(Math.sign(expected));
        expect(parseKubernetesVersion(formatKubernetesVersion(a))).toEqual(a);
      }),
    );
  });
});
