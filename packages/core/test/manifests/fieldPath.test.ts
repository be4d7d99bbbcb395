import { describe, expect, it } from 'vitest';
import { formatFieldPath } from '../../src/manifests/index.js';

describe('formatFieldPath', () => {
  it('joins keys with dots and puts array positions in brackets', () => {
    expect(formatFieldPath(['spec', 'resourceSelectors', 0, 'kind'])).toBe('spec.resourceSelectors[0].kind');
    expect(formatFieldPath(['spec', 'executor', 'cores'])).toBe('spec.executor.cores');
    expect(formatFieldPath([3, 'a'])).toBe('[3].a');
  });

  it('quotes keys that hold dots, brackets or spaces, and keeps dashes and slashes', () => {
    expect(formatFieldPath(['metadata', 'labels', 'app.kubernetes.io/name'])).toBe(
      'metadata.labels["app.kubernetes.io/name"]',
    );
    expect(formatFieldPath(['data', 'colocation-config', 'cpuReclaimThresholdPercent'])).toBe(
      'data.colocation-config.cpuReclaimThresholdPercent',
    );
    expect(formatFieldPath(['a b', ''])).toBe('["a b"][""]');
  });

  it('formats the empty path as an empty string', () => {
    expect(formatFieldPath([])).toBe('');
  });
});
