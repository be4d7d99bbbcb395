import { describe, expect, it } from 'vitest';
import type { ManifestIssue } from '../../src/manifests/index.js';
import { loadManifests } from '../../src/manifests/index.js';

function issuesOf(text: string, options?: Parameters<typeof loadManifests>[1]): readonly ManifestIssue[] {
  const r = loadManifests(text, options);
  expect(r.ok).toBe(false);
  return r.issues;
}

const SPARK = (spec: string) => `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: app
spec:
  sparkVersion: "3.5.0"
${spec}`;

const POLICY = (replicaScheduling: string) => `apiVersion: policy.karmada.io/v1alpha1
kind: PropagationPolicy
metadata: {name: p, namespace: spark}
spec:
  resourceSelectors: [{apiVersion: v1, kind: ConfigMap}]
  placement:
    replicaScheduling:
${replicaScheduling}`;

describe('loadManifests: bad input becomes issues with document index and field path', () => {
  it('reports broken YAML with the parser message and its line', () => {
    const issues = issuesOf('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a: b\n');
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject({ code: 'syntax', document: 0, path: [], line: 4 });
    expect(issues[0]!.message).toMatch(/^line 4: /);
  });

  it('names the right document in a stream', () => {
    const issues = issuesOf('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\nfoo: "unterminated\n');
    expect(issues.map((i) => [i.code, i.document])).toEqual([['syntax', 1]]);
  });

  it('reports a wrong type with its path and line', () => {
    const issues = issuesOf(SPARK('  driver:\n    cores: "two"\n'));
    expect(issues).toEqual([
      {
        code: 'invalid-field',
        document: 0,
        path: ['spec', 'driver', 'cores'],
        message: 'must be a number, got "two"',
        kind: 'SparkApplication',
        name: 'app',
        line: 8,
      },
    ]);
  });

  it('asks for quotes where Kubernetes wants a string', () => {
    const issues = issuesOf(SPARK('  driver:\n    labels: {version: 2.4}\n'));
    expect(issues[0]).toMatchObject({
      path: ['spec', 'driver', 'labels', 'version'],
      message: 'must be a string, got 2.4 (quote the value)',
    });
  });

  it('rejects cores: -1 and instances that are negative or fractional', () => {
    const issues = issuesOf(SPARK('  executor:\n    cores: -1\n    instances: -2\n  driver:\n    cores: 1.5\n'));
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['spec.driver.cores', 'must be an integer, got 1.5'],
      ['spec.executor.cores', 'must be ≥ 1, got -1'],
      ['spec.executor.instances', 'must be ≥ 0, got -2'],
    ]);
  });

  it('rejects memory "1.5.3Gi" and a fractional Spark size, and a bad coreLimit', () => {
    const issues = issuesOf(
      SPARK('  driver:\n    memory: "1.5.3Gi"\n    coreLimit: "1 core"\n  executor:\n    memory: 1.5g\n'),
    );
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['spec.driver.coreLimit', '"1 core" is not a Kubernetes quantity (expected e.g. "500m" or "2")'],
      ['spec.driver.memory', '"1.5.3Gi" is not a Spark memory size (expected e.g. "512m" or "4g")'],
      [
        'spec.executor.memory',
        '"1.5g" is fractional; Spark accepts whole numbers only (use "1536m" for "1.5g") (expected e.g. "512m" or "4g")',
      ],
    ]);
  });

  it('rejects an unknown type, mode and restartPolicy type', () => {
    const issues = issuesOf(SPARK('  type: Go\n  restartPolicy: {type: Sometimes}\n'));
    expect(issues.map((i) => i.path.join('.'))).toEqual(['spec.type', 'spec.restartPolicy.type']);
    expect(issues[0]!.message).toBe('must be one of "Java", "Scala", "Python", "R", got "Go"');
  });

  it('rejects a missing sparkVersion', () => {
    const issues = issuesOf(
      'apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nmetadata: {name: a}\nspec: {}\n',
    );
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([['spec.sparkVersion', 'required']]);
  });

  it('rejects an unknown replicaSchedulingType with its path', () => {
    const issues = issuesOf(POLICY('      replicaSchedulingType: Split\n'));
    expect(issues).toEqual([
      {
        code: 'invalid-field',
        document: 0,
        path: ['spec', 'placement', 'replicaScheduling', 'replicaSchedulingType'],
        message: 'must be one of "Duplicated", "Divided", got "Split"',
        kind: 'PropagationPolicy',
        name: 'p',
        line: 8,
      },
    ]);
  });

  it('rejects an unknown customSchedulingType, a zero weight and both affinity forms at once', () => {
    expect(issuesOf(POLICY('      customSchedulingType: Herd\n'))[0]!.path).toEqual([
      'spec',
      'placement',
      'replicaScheduling',
      'customSchedulingType',
    ]);
    const weights = issuesOf(
      POLICY('      weightPreference:\n        staticWeightList: [{targetCluster: {clusterNames: [a]}, weight: 0}]\n'),
    );
    expect(weights[0]!.path).toEqual([
      'spec',
      'placement',
      'replicaScheduling',
      'weightPreference',
      'staticWeightList',
      0,
      'weight',
    ]);
    const both = issuesOf(`apiVersion: policy.karmada.io/v1alpha1
kind: ClusterPropagationPolicy
metadata: {name: c}
spec:
  resourceSelectors: [{apiVersion: v1, kind: Namespace}]
  placement:
    clusterAffinity: {clusterNames: [a]}
    clusterAffinities: [{affinityName: g, clusterNames: [b]}]
`);
    expect(both.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['spec.placement.clusterAffinities', 'clusterAffinity and clusterAffinities cannot both be set'],
    ]);
  });

  it('requires at least one resource selector', () => {
    const issues = issuesOf(
      'apiVersion: policy.karmada.io/v1alpha1\nkind: PropagationPolicy\nmetadata: {name: p}\nspec:\n  resourceSelectors: []\n',
    );
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['spec.resourceSelectors', 'must have at least 1 item'],
    ]);
  });

  it('stops a YAML alias bomb at maxAliasCount', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const issues = issuesOf(bomb);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'alias-limit', document: 0, path: [] });
    expect(issues[0]!.message).toBe('the document expands YAML aliases more than 100 times (maxAliasCount)');
    // A few aliases are fine, and the limit is an option.
    const small = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labels: &l {x: "1"}\n  annotations: *l\n';
    expect(loadManifests(small).ok).toBe(true);
    expect(issuesOf(small, { maxAliasCount: 0 })[0]!.code).toBe('alias-limit');
  });

  it('refuses __proto__ keys without touching any prototype', () => {
    const yaml = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labels:\n    __proto__: {polluted: "yes"}\n';
    const issues = issuesOf(yaml);
    expect(issues).toEqual([
      {
        code: 'forbidden-key',
        document: 0,
        path: ['metadata', 'labels', '__proto__'],
        message: 'the key "__proto__" is not allowed',
        kind: 'Namespace',
        name: 'a',
        line: 6,
      },
    ]);
    const json = '{"__proto__": {"polluted": "yes"}, "apiVersion": "v1", "kind": "Namespace"}';
    expect(issuesOf(json)[0]).toMatchObject({ code: 'forbidden-key', path: ['__proto__'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses input over the size limit with one clear issue, before parsing', () => {
    const big = `# ${'x'.repeat(50 * 1024 * 1024)}\n`;
    const issues = issuesOf(big);
    expect(issues).toEqual([
      {
        code: 'too-large',
        document: 0,
        path: [],
        message: `the input is ${big.length} characters long; the limit is 33554432 (raise maxSize to load it)`,
      },
    ]);
    expect(issuesOf('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n', { maxSize: 10 })[0]!.code).toBe(
      'too-large',
    );
  });

  it('reports an unsupported kind, never dropping it silently', () => {
    const issues = issuesOf('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'unsupported-kind',
      path: ['kind'],
      kind: 'Deployment',
      name: 'web',
      line: 2,
    });
    expect(issues[0]!.message).toMatch(
      /^"Deployment" \(apps\/v1\) is not a supported kind; Gleaner reads SparkApplication, /,
    );
  });

  it('reports an unsupported apiVersion of a known kind, and missing kind or apiVersion', () => {
    expect(
      issuesOf('apiVersion: sparkoperator.k8s.io/v1beta1\nkind: SparkApplication\nmetadata: {name: a}\n')[0],
    ).toMatchObject({
      code: 'unsupported-kind',
      path: ['apiVersion'],
      message:
        'SparkApplication in apiVersion "sparkoperator.k8s.io/v1beta1" is not supported; expected sparkoperator.k8s.io/v1beta2',
    });
    expect(issuesOf('apiVersion: v1\nmetadata: {name: a}\n')[0]).toMatchObject({ path: ['kind'], message: 'required' });
    expect(issuesOf('kind: Namespace\nmetadata: {name: a}\n')[0]).toMatchObject({
      path: ['apiVersion'],
      message: 'required',
    });
    expect(issuesOf('kind: 7\n')[0]).toMatchObject({ path: ['kind'], message: 'must be a string' });
  });

  it('reports scalar and list documents as not objects', () => {
    expect(issuesOf('just text')[0]).toMatchObject({
      code: 'not-an-object',
      message: 'expected a Kubernetes object (a mapping with apiVersion and kind), got the value "just text"',
    });
    expect(issuesOf('- a\n- b\n')[0]).toMatchObject({
      code: 'not-an-object',
      message: 'expected a Kubernetes object (a mapping with apiVersion and kind), got a list',
    });
    expect(issuesOf('[1, 2]')[0]).toMatchObject({ code: 'not-an-object' });
  });

  it('reports hostile nesting instead of overflowing the stack', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const r = loadManifests(deep);
    expect(r.ok).toBe(false);
    expect(['too-deep', 'syntax']).toContain(r.issues[0]!.code);
    const json = `{"kind": ${'{"a":'.repeat(200)}1${'}'.repeat(200)}}`;
    expect(issuesOf(json)[0]).toMatchObject({ code: 'too-deep' });
  });

  it('reports every problem of a document, not just the first', () => {
    const issues = issuesOf(SPARK('  driver: {cores: 0, memory: "x"}\n  executor: {cores: 0, instances: -1}\n'));
    expect(issues).toHaveLength(4);
  });
});
