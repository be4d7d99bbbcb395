import { describe, expect, it } from 'vitest';
import type { PropagationPolicy, ResourceTemplate } from '../../src/fleet/index.js';
import { ImplicitPriority, matchPolicy, resourceSelectorPriority } from '../../src/fleet/index.js';
import { policy } from './helpers.js';

const deploy: ResourceTemplate = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  name: 'nginx',
  namespace: 'default',
  labels: { app: 'nginx' },
};
const all = { apiVersion: 'apps/v1', kind: 'Deployment' };
const byLabel = { ...all, labelSelector: { matchLabels: { app: 'nginx' } } };
const byName = { ...all, name: 'nginx' };

const cpp = (p: Partial<PropagationPolicy> & Pick<PropagationPolicy, 'name'>): PropagationPolicy => {
  const { namespace: _ns, ...rest } = policy({ ...p, kind: 'ClusterPropagationPolicy' });
  return rest;
};

describe('resourceSelectorPriority', () => {
  it('ranks name > labelSelector > apiVersion/kind only, and a name ignores the label selector', () => {
    expect(resourceSelectorPriority(deploy, all)).toBe(ImplicitPriority.MatchAll);
    expect(resourceSelectorPriority(deploy, byLabel)).toBe(ImplicitPriority.MatchLabelSelector);
    expect(resourceSelectorPriority(deploy, byName)).toBe(ImplicitPriority.MatchName);
    expect(resourceSelectorPriority(deploy, { ...byName, labelSelector: { matchLabels: { app: 'other' } } })).toBe(
      ImplicitPriority.MatchName,
    );
    expect(resourceSelectorPriority(deploy, { ...all, name: 'other' })).toBe(ImplicitPriority.MisMatch);
    expect(resourceSelectorPriority(deploy, { ...all, kind: 'StatefulSet' })).toBe(ImplicitPriority.MisMatch);
    expect(resourceSelectorPriority(deploy, { ...all, namespace: 'kube-system' })).toBe(ImplicitPriority.MisMatch);
    expect(resourceSelectorPriority(deploy, { ...all, labelSelector: { matchLabels: { app: 'x' } } })).toBe(
      ImplicitPriority.MisMatch,
    );
  });
});

describe('matchPolicy', () => {
  it('prefers any matching PropagationPolicy over every ClusterPropagationPolicy', () => {
    const pp = policy({ name: 'z-pp', resourceSelectors: [all] });
    const c = cpp({ name: 'a-cpp', priority: 1000, resourceSelectors: [byName] });
    expect(matchPolicy(deploy, [c, pp])?.name).toBe('z-pp');
  });

  it('orders by explicit priority, then implicit priority, then smaller name', () => {
    const low = policy({ name: 'a', priority: 0, resourceSelectors: [byName] });
    const high = policy({ name: 'b', priority: 5, resourceSelectors: [all] });
    expect(matchPolicy(deploy, [low, high])?.name).toBe('b');
    const named = policy({ name: 'z-named', resourceSelectors: [byName] });
    const labelled = policy({ name: 'b-label', resourceSelectors: [byLabel] });
    const generic = policy({ name: 'a-all', resourceSelectors: [all] });
    expect(matchPolicy(deploy, [generic, labelled, named])?.name).toBe('z-named');
    expect(matchPolicy(deploy, [generic, labelled])?.name).toBe('b-label');
    expect(matchPolicy(deploy, [policy({ name: 'y', resourceSelectors: [all] }), generic])?.name).toBe('a-all');
  });

  it('takes the best selector of a policy as its implicit priority', () => {
    const mixed = policy({ name: 'z', resourceSelectors: [all, byName] });
    const labelled = policy({ name: 'a', resourceSelectors: [byLabel] });
    expect(matchPolicy(deploy, [labelled, mixed])?.name).toBe('z');
  });

  it('lets a PropagationPolicy claim only resources of its own namespace', () => {
    const other = policy({ name: 'other-ns', namespace: 'team-b', resourceSelectors: [all] });
    expect(matchPolicy(deploy, [other])).toBeUndefined();
    const c = cpp({ name: 'fallback', resourceSelectors: [all] });
    expect(matchPolicy(deploy, [other, c])?.name).toBe('fallback');
  });

  it('matches cluster-scoped resources only with ClusterPropagationPolicies', () => {
    const ns: ResourceTemplate = { apiVersion: 'v1', kind: 'Namespace', name: 'spark', labels: {} };
    const pp = policy({ name: 'pp', resourceSelectors: [{ apiVersion: 'v1', kind: 'Namespace' }] });
    const c = cpp({ name: 'ns-policy', resourceSelectors: [{ apiVersion: 'v1', kind: 'Namespace', name: 'spark' }] });
    expect(matchPolicy(ns, [pp])).toBeUndefined();
    expect(matchPolicy(ns, [pp, c])?.name).toBe('ns-policy');
  });

  it('keeps ClusterPropagationPolicies out of Karmada’s reserved namespaces', () => {
    const c = cpp({ name: 'all', resourceSelectors: [all] });
    expect(matchPolicy({ ...deploy, namespace: 'karmada-system' }, [c])).toBeUndefined();
    expect(matchPolicy({ ...deploy, namespace: 'karmada-es-member1' }, [c])).toBeUndefined();
    expect(matchPolicy(deploy, [c])?.name).toBe('all');
  });
});
