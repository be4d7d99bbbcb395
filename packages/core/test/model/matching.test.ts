import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabelSelector, NodeSelectorTerm, StringMap, Taint, Toleration } from '../../src/model/index.js';
import {
  findUntoleratedTaint,
  matchesLabelSelector,
  matchesNodeSelector,
  matchesNodeSelectorMap,
  matchesNodeSelectorTerm,
  toleratesTaint,
  VIRTUAL_KUBELET_TAINT,
} from '../../src/model/index.js';

const vk: Taint = { key: VIRTUAL_KUBELET_TAINT, value: 'alibabacloud.com', effect: 'NoSchedule' };
const gpu: Taint = { key: 'nvidia.com/gpu', effect: 'NoExecute' };
const soft: Taint = { key: 'spot', value: 'true', effect: 'PreferNoSchedule' };

describe('toleratesTaint', () => {
  it('tolerates every taint with an empty key and Exists', () => {
    const all: Toleration = { operator: 'Exists' };
    for (const taint of [vk, gpu, soft]) expect(toleratesTaint(all, taint)).toBe(true);
    expect(toleratesTaint({ key: '', operator: 'Exists' }, vk)).toBe(true);
  });

  it('matches every effect when the toleration has none, only its own otherwise', () => {
    const anyEffect: Toleration = { key: 'spot', operator: 'Exists' };
    expect(toleratesTaint(anyEffect, soft)).toBe(true);
    expect(toleratesTaint(anyEffect, { ...soft, effect: 'NoExecute' })).toBe(true);
    const noSchedule: Toleration = { key: 'spot', operator: 'Exists', effect: 'NoSchedule' };
    expect(toleratesTaint(noSchedule, soft)).toBe(false);
    expect(toleratesTaint(noSchedule, { ...soft, effect: 'NoSchedule' })).toBe(true);
  });

  it('defaults the operator to Equal and compares the value', () => {
    expect(toleratesTaint({ key: VIRTUAL_KUBELET_TAINT, value: 'alibabacloud.com' }, vk)).toBe(true);
    expect(toleratesTaint({ key: VIRTUAL_KUBELET_TAINT, value: 'other' }, vk)).toBe(false);
    expect(toleratesTaint({ key: VIRTUAL_KUBELET_TAINT }, vk)).toBe(false); // '' ≠ 'alibabacloud.com'
    expect(toleratesTaint({ key: VIRTUAL_KUBELET_TAINT, operator: 'Equal', value: 'alibabacloud.com' }, vk)).toBe(true);
  });

  it('treats an absent value and an empty value as equal', () => {
    expect(toleratesTaint({ key: 'nvidia.com/gpu' }, gpu)).toBe(true);
    expect(toleratesTaint({ key: 'nvidia.com/gpu', value: '' }, gpu)).toBe(true);
    expect(toleratesTaint({ key: 'nvidia.com/gpu', value: 'x' }, gpu)).toBe(false);
  });

  it('ignores the value under Exists, but still needs the key', () => {
    expect(toleratesTaint({ key: VIRTUAL_KUBELET_TAINT, operator: 'Exists', value: 'ignored' }, vk)).toBe(true);
    expect(toleratesTaint({ key: 'other', operator: 'Exists' }, vk)).toBe(false);
  });

  it('lets an empty key with Equal tolerate nothing (the API only allows it with Exists)', () => {
    expect(toleratesTaint({ operator: 'Equal', value: 'alibabacloud.com' }, vk)).toBe(false);
  });
});

describe('findUntoleratedTaint', () => {
  it('returns the first NoSchedule/NoExecute taint nobody tolerates', () => {
    expect(findUntoleratedTaint([soft, vk, gpu], [])).toBe(vk);
    expect(findUntoleratedTaint([soft, vk, gpu], [{ key: VIRTUAL_KUBELET_TAINT, operator: 'Exists' }])).toBe(gpu);
  });

  it('ignores PreferNoSchedule by default', () => {
    expect(findUntoleratedTaint([soft], [])).toBeUndefined();
  });

  it('checks the effects it is asked to check', () => {
    expect(findUntoleratedTaint([soft, vk], [], ['PreferNoSchedule'])).toBe(soft);
    expect(findUntoleratedTaint([vk], [], ['NoExecute'])).toBeUndefined();
  });

  it('returns undefined when every taint is tolerated, or there are none', () => {
    expect(findUntoleratedTaint([vk, gpu], [{ operator: 'Exists' }])).toBeUndefined();
    expect(findUntoleratedTaint([], [])).toBeUndefined();
  });
});

describe('matchesLabelSelector', () => {
  const labels: StringMap = { app: 'spark', tier: 'batch', zone: 'h' };

  it('matches everything with an empty selector', () => {
    expect(matchesLabelSelector({}, labels)).toBe(true);
    expect(matchesLabelSelector({}, {})).toBe(true);
    expect(matchesLabelSelector({ matchLabels: {}, matchExpressions: [] }, {})).toBe(true);
  });

  it('needs every matchLabels pair', () => {
    expect(matchesLabelSelector({ matchLabels: { app: 'spark', tier: 'batch' } }, labels)).toBe(true);
    expect(matchesLabelSelector({ matchLabels: { app: 'spark', tier: 'online' } }, labels)).toBe(false);
    expect(matchesLabelSelector({ matchLabels: { missing: '' } }, labels)).toBe(false);
  });

  it.each<[string, LabelSelector, boolean]>([
    ['In, value listed', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['batch', 'x'] }] }, true],
    ['In, value not listed', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['online'] }] }, false],
    ['In, key absent', { matchExpressions: [{ key: 'gpu', operator: 'In', values: ['a'] }] }, false],
    ['NotIn, value listed', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['batch'] }] }, false],
    ['NotIn, value not listed', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['x'] }] }, true],
    ['NotIn, key absent', { matchExpressions: [{ key: 'gpu', operator: 'NotIn', values: ['a'] }] }, true],
    ['Exists, present', { matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, true],
    ['Exists, absent', { matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }, false],
    ['DoesNotExist, present', { matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, false],
    ['DoesNotExist, absent', { matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }] }, true],
    [
      'labels AND expressions',
      { matchLabels: { app: 'spark' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['online'] }] },
      false,
    ],
    [
      'all expressions hold',
      {
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['batch'] },
          { key: 'gpu', operator: 'DoesNotExist' },
        ],
      },
      true,
    ],
    ['In without values is invalid', { matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] }, false],
    ['NotIn without values is invalid', { matchExpressions: [{ key: 'tier', operator: 'NotIn' }] }, false],
    [
      'Exists with values is invalid',
      { matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['a'] }] },
      false,
    ],
  ])('%s', (_, selector, expected) => {
    expect(matchesLabelSelector(selector, labels)).toBe(expected);
  });

  it('does not see Object.prototype keys as labels', () => {
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'constructor', operator: 'Exists' }] }, {})).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'toString', operator: 'DoesNotExist' }] }, {})).toBe(true);
  });

  it('matchLabels {k: v} is the same as k In [v], for any labels', () => {
    const key = fc.constantFrom('a', 'b', 'c');
    const value = fc.constantFrom('x', 'y', '');
    fc.assert(
      fc.property(fc.dictionary(key, value), key, value, (ls, k, v) => {
        expect(matchesLabelSelector({ matchLabels: { [k]: v } }, ls)).toBe(
          matchesLabelSelector({ matchExpressions: [{ key: k, operator: 'In', values: [v] }] }, ls),
        );
        // NotIn is the negation of In exactly when the key is present.
        const inSel = matchesLabelSelector({ matchExpressions: [{ key: k, operator: 'In', values: [v] }] }, ls);
        const notIn = matchesLabelSelector({ matchExpressions: [{ key: k, operator: 'NotIn', values: [v] }] }, ls);
        expect(notIn).toBe(!inSel);
      }),
    );
  });
});

describe('matchesNodeSelectorMap', () => {
  it('needs every key/value, and an empty map matches all', () => {
    expect(matchesNodeSelectorMap({}, {})).toBe(true);
    expect(matchesNodeSelectorMap({ type: 'virtual-kubelet' }, { type: 'virtual-kubelet', zone: 'h' })).toBe(true);
    expect(matchesNodeSelectorMap({ type: 'virtual-kubelet' }, { type: 'node' })).toBe(false);
    expect(matchesNodeSelectorMap({ type: 'virtual-kubelet', zone: 'k' }, { type: 'virtual-kubelet' })).toBe(false);
    expect(matchesNodeSelectorMap({ zone: '' }, {})).toBe(false); // absent is not the empty value
  });
});

describe('matchesNodeSelectorTerm / matchesNodeSelector', () => {
  const labels: StringMap = { 'node.kubernetes.io/instance-type': 'ecs.g7.8xlarge', cores: '32', zone: 'h' };
  const term = (t: NodeSelectorTerm): NodeSelectorTerm => t;
  const match = (t: NodeSelectorTerm, name = 'node-1'): boolean => matchesNodeSelectorTerm(t, name, labels);

  it('matches nothing with an empty term', () => {
    expect(match({})).toBe(false);
    expect(match({ matchExpressions: [], matchFields: [] })).toBe(false);
  });

  it('ANDs the requirements of a term', () => {
    const both = term({
      matchExpressions: [
        { key: 'zone', operator: 'In', values: ['h', 'k'] },
        { key: 'cores', operator: 'Gt', values: ['16'] },
      ],
    });
    expect(match(both)).toBe(true);
    const oneFails = term({
      matchExpressions: [
        { key: 'zone', operator: 'In', values: ['h'] },
        { key: 'gpu', operator: 'Exists' },
      ],
    });
    expect(match(oneFails)).toBe(false);
  });

  it('ORs the terms of a selector; no terms matches nothing', () => {
    const miss = term({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['k'] }] });
    const hit = term({ matchExpressions: [{ key: 'zone', operator: 'Exists' }] });
    expect(matchesNodeSelector({ nodeSelectorTerms: [miss, hit] }, 'n', labels)).toBe(true);
    expect(matchesNodeSelector({ nodeSelectorTerms: [miss] }, 'n', labels)).toBe(false);
    expect(matchesNodeSelector({ nodeSelectorTerms: [{}, hit] }, 'n', labels)).toBe(true);
    expect(matchesNodeSelector({ nodeSelectorTerms: [] }, 'n', labels)).toBe(false);
  });

  it.each<[string, string, string[] | undefined, boolean]>([
    ['Gt above', 'Gt', ['16'], true],
    ['Gt equal', 'Gt', ['32'], false],
    ['Lt below', 'Lt', ['64'], true],
    ['Lt equal', 'Lt', ['32'], false],
    ['Gt with a signed bound', 'Gt', ['+31'], true],
    ['Lt with a negative bound', 'Lt', ['-1'], false],
    ['Gt with a non-integer bound', 'Gt', ['16.5'], false],
    ['Gt with two values', 'Gt', ['1', '2'], false],
    ['Gt with no value', 'Gt', [], false],
    ['Gt beyond int64', 'Gt', ['9223372036854775808'], false],
  ])('%s', (_, operator, values, expected) => {
    const op = operator as 'Gt' | 'Lt';
    expect(match({ matchExpressions: [{ key: 'cores', operator: op, values }] })).toBe(expected);
  });

  it('compares Gt/Lt as integers only: a non-integer or missing label never matches', () => {
    expect(match({ matchExpressions: [{ key: 'zone', operator: 'Gt', values: ['0'] }] })).toBe(false);
    expect(match({ matchExpressions: [{ key: 'zone', operator: 'Lt', values: ['0'] }] })).toBe(false);
    expect(match({ matchExpressions: [{ key: 'missing', operator: 'Lt', values: ['100'] }] })).toBe(false);
    expect(
      matchesNodeSelectorTerm({ matchExpressions: [{ key: 'v', operator: 'Gt', values: ['1'] }] }, 'n', { v: '1.5' }),
    ).toBe(false);
  });

  it('compares Gt/Lt numerically, not as strings, and exactly beyond 2^53', () => {
    const gt = (value: string, bound: string): boolean =>
      matchesNodeSelectorTerm({ matchExpressions: [{ key: 'v', operator: 'Gt', values: [bound] }] }, 'n', { v: value });
    expect(gt('10', '9')).toBe(true); // "10" < "9" as strings
    expect(gt('-5', '-10')).toBe(true);
    expect(gt('9007199254740993', '9007199254740992')).toBe(true); // equal as doubles
  });

  it('Gt/Lt agree with integer comparison for any pair of integers', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        (a, b) => {
          const req = (operator: 'Gt' | 'Lt'): NodeSelectorTerm => ({
            matchExpressions: [{ key: 'v', operator, values: [String(b)] }],
          });
          expect(matchesNodeSelectorTerm(req('Gt'), 'n', { v: String(a) })).toBe(a > b);
          expect(matchesNodeSelectorTerm(req('Lt'), 'n', { v: String(a) })).toBe(a < b);
        },
      ),
    );
  });

  it('matches metadata.name through matchFields with In/NotIn and one value', () => {
    const byName = (operator: 'In' | 'NotIn', values: string[]): NodeSelectorTerm => ({
      matchFields: [{ key: 'metadata.name', operator, values }],
    });
    expect(match(byName('In', ['node-1']), 'node-1')).toBe(true);
    expect(match(byName('In', ['node-1']), 'node-2')).toBe(false);
    expect(match(byName('NotIn', ['node-1']), 'node-2')).toBe(true);
    expect(match(byName('NotIn', ['node-1']), 'node-1')).toBe(false);
    expect(match(byName('In', ['node-1', 'node-2']), 'node-1')).toBe(false); // fields take exactly one value
    expect(match({ matchFields: [{ key: 'metadata.name', operator: 'Exists' }] }, 'node-1')).toBe(false);
  });

  it('ANDs matchFields with matchExpressions', () => {
    const t = term({
      matchExpressions: [{ key: 'zone', operator: 'In', values: ['h'] }],
      matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }],
    });
    expect(match(t, 'node-1')).toBe(true);
    expect(match(t, 'node-2')).toBe(false);
    expect(matchesNodeSelectorTerm(t, 'node-1', { zone: 'k' })).toBe(false);
  });

  it('rejects invalid set requirements like the API does', () => {
    expect(match({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: [] }] })).toBe(false);
    expect(match({ matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist', values: ['x'] }] })).toBe(false);
  });
});
