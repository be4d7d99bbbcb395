import { describe, expect, it } from 'vitest';
import type { SpreadCandidate } from '../../src/fleet/index.js';
import { selectBestClusters, shouldIgnoreSpreadConstraints } from '../../src/fleet/index.js';

const c = (name: string, score: number, availableReplicas: number, region?: string): SpreadCandidate => ({
  name,
  labels: {},
  score,
  availableReplicas,
  ...(region === undefined ? {} : { region }),
});
const names = (s: ReturnType<typeof selectBestClusters>) => (s.ok ? s.clusters.map((x) => x.name) : s.reason);
const divided = { duplicated: false, replicas: 0 };

describe('selectBestClusters: cluster constraint', () => {
  const cands = [c('m1', 20, 40), c('m2', 40, 60), c('m3', 30, 80), c('m4', 60, 50)];
  it('swaps in a member with more room while the room is short (Karmada test: need 120, max 2 → m4, m3)', () => {
    const sel = selectBestClusters(cands, [{ spreadByField: 'cluster', minGroups: 1, maxGroups: 2 }], 120, divided);
    expect(names(sel)).toEqual(['m4', 'm3']);
  });

  it('takes the first maxGroups in candidate order when resources are ignored', () => {
    expect(names(selectBestClusters(cands, [{ spreadByField: 'cluster', maxGroups: 2 }], -1, divided))).toEqual([
      'm4',
      'm2',
    ]);
  });

  it('fails with Karmada’s messages', () => {
    expect(
      names(selectBestClusters(cands, [{ spreadByField: 'cluster', minGroups: 5, maxGroups: 5 }], 1, divided)),
    ).toBe('the number of feasible clusters is less than spreadConstraint.MinGroups');
    expect(names(selectBestClusters(cands, [{ spreadByField: 'cluster', maxGroups: 1 }], 1000, divided))).toBe(
      'no enough resource when selecting 1 clusters',
    );
    // maxGroups has no default: 0 selects nothing.
    expect(names(selectBestClusters(cands, [{ spreadByField: 'cluster', minGroups: 1 }], 1, divided))).toBe(
      'no enough resource when selecting 0 clusters',
    );
    expect(names(selectBestClusters(cands, [{ spreadByField: 'zone', minGroups: 1 }], 1, divided))).toBe(
      'just support cluster and region spread constraint',
    );
  });

  it('returns every candidate in Karmada order without constraints', () => {
    expect(names(selectBestClusters(cands, undefined, 10, divided))).toEqual(['m4', 'm2', 'm3', 'm1']);
  });
});

describe('selectBestClusters: region constraint', () => {
  it('picks the top member of each chosen region, then fills up to the cluster maxGroups', () => {
    const cands = [c('a1', 0, 10, 'r-a'), c('a2', 0, 5, 'r-a'), c('b1', 0, 8, 'r-b'), c('c1', 0, 1, 'r-c')];
    const sel = selectBestClusters(
      cands,
      [
        { spreadByField: 'region', minGroups: 2, maxGroups: 2 },
        { spreadByField: 'cluster', minGroups: 2, maxGroups: 3 },
      ],
      12,
      { duplicated: false, replicas: 12 },
    );
    // Region scores (target ⌈12 / 2⌉ = 6, walk until max(cluster min 2, region min 2) = 2 members and room ≥ 6):
    // r-a reaches it at a2 → 1000·6 = 6000; r-b and r-c never reach 2 members → 1000·room = 8000 and 1000.
    // Best pair by Σ score: r-b + r-a (14000); top members b1, a1; the third slot goes to a2.
    expect(names(sel)).toEqual(['b1', 'a1', 'a2']);
  });

  it('fails when there are fewer regions than minGroups', () => {
    const sel = selectBestClusters(
      [c('a1', 0, 10, 'r-a')],
      [
        { spreadByField: 'region', minGroups: 2, maxGroups: 2 },
        { spreadByField: 'cluster', minGroups: 1, maxGroups: 2 },
      ],
      1,
      divided,
    );
    expect(names(sel)).toBe('the number of feasible region is less than spreadConstraint.MinGroups');
  });
});

describe('shouldIgnoreSpreadConstraints', () => {
  it('ignores spread constraints only for static weights', () => {
    expect(shouldIgnoreSpreadConstraints({ replicaScheduling: { replicaSchedulingType: 'Divided' } })).toBe(true);
    expect(
      shouldIgnoreSpreadConstraints({
        replicaScheduling: {
          replicaSchedulingType: 'Divided',
          weightPreference: { dynamicWeight: 'AvailableReplicas' },
        },
      }),
    ).toBe(false);
    expect(
      shouldIgnoreSpreadConstraints({
        replicaScheduling: { replicaSchedulingType: 'Divided', replicaDivisionPreference: 'Aggregated' },
      }),
    ).toBe(false);
    expect(shouldIgnoreSpreadConstraints({})).toBe(false);
  });
});
