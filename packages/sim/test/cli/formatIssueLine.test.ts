import { describe, expect, it } from 'vitest';
import { formatIssueLine } from '../../src/cli/formatIssueLine.js';

describe('formatIssueLine', () => {
  it('writes file, document, kind/name, field path, message and line', () => {
    expect(
      formatIssueLine('a.yaml', {
        code: 'invalid-field',
        document: 2,
        path: ['spec', 'resourceSelectors', 0, 'kind'],
        message: 'required',
        kind: 'PropagationPolicy',
        name: 'p',
        line: 9,
      }),
    ).toBe('a.yaml: document 2 (PropagationPolicy/p): spec.resourceSelectors[0].kind: required (line 9)');
  });

  it('leaves out what is unknown, and does not repeat the line of a syntax error', () => {
    expect(formatIssueLine('a.yaml', { code: 'syntax', document: 0, path: [], message: 'line 3: bad', line: 3 })).toBe(
      'a.yaml: document 0: line 3: bad',
    );
    expect(
      formatIssueLine('a.yaml', { code: 'invalid-field', document: 1, path: ['kind'], message: 'required', kind: 'X' }),
    ).toBe('a.yaml: document 1 (X): kind: required');
    expect(formatIssueLine('a.yaml', { code: 'too-large', document: 0, path: [], message: 'too big' })).toBe(
      'a.yaml: too big',
    );
  });
});
