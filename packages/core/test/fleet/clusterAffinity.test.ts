import { describe, expect, it } from 'vitest';
import type { MemberClusterFacts } from '../../src/fleet/index.js';
import { clusterMatchesAffinity, findUnknownClusters, untoleratedClusterTaint } from '../../src/fleet/index.js';
import { policy } from './helpers.js';

const m = (name: string, extra: Partial<MemberClusterFacts> = {}): MemberClusterFacts => ({
  name,
  labels: {},
  ...extra,
});

describe('clusterMatchesAffinity', () => {
  it('matches everything with no or an empty affinity', () => {
    expect(clusterMatchesAffinity(m('a'), undefined)).toBe(true);
    expect(clusterMatchesAffinity(m('a'), {})).toBe(true);
  });

  it('lets exclude override everything else', () => {
    expect(clusterMatchesAffinity(m('a'), { clusterNames: ['a'], exclude: ['a'] })).toBe(false);
    expect(clusterMatchesAffinity(m('b'), { exclude: ['a'] })).toBe(true);
  });

  it('ANDs labelSelector, fieldSelector and clusterNames', () => {
    const gold = m('a', { labels: { tier: 'gold' }, provider: 'alibaba', region: 'cn-hangzhou' });
    const aff = {
      labelSelector: { matchLabels: { tier: 'gold' } },
      fieldSelector: {
        matchExpressions: [{ key: 'region' as const, operator: 'In' as const, values: ['cn-hangzhou'] }],
      },
      clusterNames: ['a', 'b'],
    };
    expect(clusterMatchesAffinity(gold, aff)).toBe(true);
    expect(clusterMatchesAffinity({ ...gold, name: 'c' }, aff)).toBe(false);
    expect(clusterMatchesAffinity({ ...gold, labels: {} }, aff)).toBe(false);
    expect(clusterMatchesAffinity({ ...gold, region: 'cn-beijing' }, aff)).toBe(false);
  });

  it('treats an unset provider/region like a missing label: In fails, NotIn holds', () => {
    const inAli = {
      fieldSelector: { matchExpressions: [{ key: 'provider' as const, operator: 'In' as const, values: ['alibaba'] }] },
    };
    const notAli = {
      fieldSelector: {
        matchExpressions: [{ key: 'provider' as const, operator: 'NotIn' as const, values: ['alibaba'] }],
      },
    };
    expect(clusterMatchesAffinity(m('a'), inAli)).toBe(false);
    expect(clusterMatchesAffinity(m('a'), notAli)).toBe(true);
    expect(clusterMatchesAffinity(m('a', { provider: 'alibaba' }), notAli)).toBe(false);
  });

  it('matches zones: In needs every member zone listed, NotIn none', () => {
    const zin = {
      fieldSelector: { matchExpressions: [{ key: 'zone' as const, operator: 'In' as const, values: ['z1', 'z2'] }] },
    };
    const znot = {
      fieldSelector: { matchExpressions: [{ key: 'zone' as const, operator: 'NotIn' as const, values: ['z1'] }] },
    };
    expect(clusterMatchesAffinity(m('a', { zones: ['z1'] }), zin)).toBe(true);
    expect(clusterMatchesAffinity(m('a', { zones: ['z1', 'z3'] }), zin)).toBe(false);
    expect(clusterMatchesAffinity(m('a'), zin)).toBe(false);
    expect(clusterMatchesAffinity(m('a'), znot)).toBe(true);
    expect(clusterMatchesAffinity(m('a', { zones: ['z2', 'z1'] }), znot)).toBe(false);
  });
});

describe('untoleratedClusterTaint', () => {
  const notReady = { key: 'cluster.karmada.io/not-ready', effect: 'NoSchedule' as const };
  it('blocks on NoSchedule/NoExecute taints unless tolerated; PreferNoSchedule never blocks', () => {
    expect(untoleratedClusterTaint([notReady], undefined)).toEqual(notReady);
    expect(
      untoleratedClusterTaint([notReady], [{ key: 'cluster.karmada.io/not-ready', operator: 'Exists' }]),
    ).toBeUndefined();
    expect(untoleratedClusterTaint([{ key: 'x', effect: 'PreferNoSchedule' }], [])).toBeUndefined();
    expect(
      untoleratedClusterTaint([{ key: 'x', value: 'y', effect: 'NoExecute' }], [{ key: 'x', value: 'z' }]),
    ).toBeDefined();
  });
});

describe('findUnknownClusters', () => {
  it('reports each unknown cluster name with its field path, as data', () => {
    const p = policy({
      name: 'sparkapp-policy',
      namespace: 'spark',
      placement: {
        clusterAffinity: { clusterNames: ['member-a', 'memebr-b'], exclude: ['ghost'] },
        replicaScheduling: {
          replicaSchedulingType: 'Divided',
          weightPreference: { staticWeightList: [{ targetCluster: { clusterNames: ['nope'] }, weight: 1 }] },
        },
      },
    });
    const issues = findUnknownClusters(p, ['member-a', 'member-b']);
    expect(issues.map((i) => i.path)).toEqual([
      'spec.placement.clusterAffinity.clusterNames[1]',
      'spec.placement.clusterAffinity.exclude[0]',
      'spec.placement.replicaScheduling.weightPreference.staticWeightList[0].targetCluster.clusterNames[0]',
    ]);
    expect(issues[0]!.message).toBe(
      'PropagationPolicy spark/sparkapp-policy: spec.placement.clusterAffinity.clusterNames[1] names cluster "memebr-b", which is not a member of the fleet',
    );
  });
});
