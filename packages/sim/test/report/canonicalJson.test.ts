import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/report/canonicalJson.js';

describe('canonicalJson', () => {
  it('sorts keys, puts schemaVersion first and writes flat records one per line', () => {
    const text = canonicalJson({
      zeta: 1,
      schemaVersion: 1,
      alpha: { b: [1, 2], a: null },
      rows: [
        { t: 1, m: 'x' },
        { t: 2, m: 'y' },
      ],
      empty: [],
      nested: [{ deep: { x: 1 } }],
    });
    expect(text).toBe(
      [
        '{',
        '  "schemaVersion": 1,',
        '  "alpha": {',
        '    "a": null,',
        '    "b": [1, 2]',
        '  },',
        '  "empty": [],',
        '  "nested": [',
        '    {',
        '      "deep": {',
        '        "x": 1',
        '      }',
        '    }',
        '  ],',
        '  "rows": [',
        '    {"m": "x", "t": 1},',
        '    {"m": "y", "t": 2}',
        '  ],',
        '  "zeta": 1',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('gives equal bytes for equal data built in a different order, and parses back', () => {
    const a = { b: 1, a: [{ y: 2, x: 'q"' }], c: { e: 0.1, d: -0 } };
    const b = { c: { d: -0, e: 0.1 }, a: [{ x: 'q"', y: 2 }], b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(JSON.parse(canonicalJson(a))).toEqual({ a: [{ x: 'q"', y: 2 }], b: 1, c: { d: 0, e: 0.1 } });
  });

  it('writes non-finite numbers as null and drops undefined fields', () => {
    expect(JSON.parse(canonicalJson({ a: Number.NaN, b: undefined, c: [Number.POSITIVE_INFINITY] }))).toEqual({
      a: null,
      c: [null],
    });
  });
});
