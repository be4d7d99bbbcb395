import { describe, expect, it } from 'vitest';
import { OverrideError } from '../../src/scenario/OverrideError.js';
import { applyOverrides, parseOverride } from '../../src/scenario/overrides.js';
import { scenarioSchema } from '../../src/scenario/schema.js';

const raw = {
  name: 'two members',
  seed: 7,
  duration: '1d',
  fleet: {
    members: [
      { name: 'hangzhou', kubernetesVersion: '1.28', labels: { env: 'prod' } },
      { name: 'frankfurt', kubernetesVersion: '1.26' },
    ],
  },
  workloads: [
    {
      name: 'pi',
      application: 'spark-pi.yaml',
      arrival: { type: 'poisson', ratePerHour: 10 },
      workCoreSeconds: 100,
    },
  ],
};

function failure(sets: string[], input: unknown = raw): OverrideError {
  try {
    applyOverrides(input, sets);
  } catch (e) {
    if (e instanceof OverrideError) return e;
    throw e;
  }
  throw new Error('expected an OverrideError');
}

describe('parseOverride', () => {
  it('splits dotted paths, indices and bracketed keys', () => {
    expect(parseOverride('fleet.members.0.kubernetesVersion=1.27').path).toEqual([
      'fleet',
      'members',
      '0',
      'kubernetesVersion',
    ]);
    expect(parseOverride('fleet.members[1].labels[topology.kubernetes.io/zone]=a').path).toEqual([
      'fleet',
      'members',
      '1',
      'labels',
      'topology.kubernetes.io/zone',
    ]);
    expect(parseOverride('a.b=x=y')).toEqual({ set: 'a.b=x=y', path: ['a', 'b'], text: 'x=y' });
  });

  it.each([
    ['colocation', 'expected key=value'],
    ['=70', 'the key before "=" is empty'],
    ['a..b=1', 'empty path segment'],
    ['a.=1', 'ends with "."'],
    ['a[b=1', 'unclosed "["'],
    ['a[]=1', 'empty "[]"'],
    ['a[b]c=1', 'expected "." or "[" after "]"'],
    ['__proto__.x=1', '"__proto__" is not allowed'],
  ])('rejects %s', (set, reason) => {
    expect(() => parseOverride(set)).toThrow(reason);
  });
});

describe('applyOverrides', () => {
  it('sets nested fields with YAML-typed values, creating missing mappings', () => {
    const out = applyOverrides(raw, [
      'colocation.cpuReclaimThresholdPercent=70',
      'fleetScheduler.rescheduleTimeout=60s',
      'fleetScheduler.preoccupation=false',
      'fleet.members.1.labels.tier=batch',
    ]) as typeof raw & { colocation: unknown; fleetScheduler: unknown };
    expect(out.colocation).toEqual({ cpuReclaimThresholdPercent: 70 });
    expect(out.fleetScheduler).toEqual({ rescheduleTimeout: '60s', preoccupation: false });
    expect(out.fleet.members[1]).toEqual({ name: 'frankfurt', kubernetesVersion: '1.26', labels: { tier: 'batch' } });
    expect(scenarioSchema.safeParse(out).success).toBe(true);
  });

  it('keeps the text where the schema wants a string', () => {
    const out = applyOverrides(raw, [
      'fleet.members.0.kubernetesVersion=1.20',
      'name=42',
      'description=ratio: 3',
      'seed=12',
    ]) as typeof raw & { description: unknown };
    expect(out.fleet.members[0]!.kubernetesVersion).toBe('1.20');
    expect(out.name).toBe('42');
    expect(out.description).toBe('ratio: 3');
    expect(out.seed).toBe(12);
  });

  it('applies in order, removes optional fields with null, and leaves the input alone', () => {
    const before = structuredClone(raw);
    const out = applyOverrides(raw, ['seed=1', 'seed=abc', 'colocation.cpuReclaimThresholdPercent=50']);
    expect((out as typeof raw).seed).toBe('abc');
    const removed = applyOverrides(out, ['colocation.cpuReclaimThresholdPercent=null']) as { colocation: unknown };
    expect(removed.colocation).toEqual({});
    expect(raw).toEqual(before);
    expect(applyOverrides(raw, [])).toBe(raw);
  });

  it('handles union entries (workloads) and records (labels) by the schema', () => {
    const out = applyOverrides(raw, ['workloads.0.arrival.ratePerHour=2.5', 'workloads[0].maxApplications=3']) as {
      workloads: { arrival: unknown; maxApplications: unknown }[];
    };
    expect(out.workloads[0]!.arrival).toEqual({ type: 'poisson', ratePerHour: 2.5 });
    expect(out.workloads[0]!.maxApplications).toBe(3);
  });

  it.each([
    [
      ['fleet.members.5.kubernetesVersion=1.27'],
      ['fleet', 'members', 5],
      'fleet.members has 2 entries; index 5 is out of range',
    ],
    [['fleet.members.first.name=x'], ['fleet', 'members', 'first'], 'fleet.members is a list; "first" is not an index'],
    [
      ['colocation.cpuReclaimThresholdPercnt=70'],
      ['colocation', 'cpuReclaimThresholdPercnt'],
      'colocation has no field "cpuReclaimThresholdPercnt"',
    ],
    [['fleetSchedulr.rescheduleTimeout=60s'], ['fleetSchedulr'], 'the scenario has no field "fleetSchedulr"'],
    [['name.first=x'], ['name'], 'name is a string ("two members"), not a mapping or list'],
    [['manifests.0=x.yaml'], ['manifests'], 'manifests is not set; no entry to index'],
    [['fleet.members.0.kubernetesVersion=null'], ['fleet', 'members', 0, 'kubernetesVersion'], undefined],
  ])('rejects %j with a clear reason', (sets, path, reason) => {
    if (reason === undefined) {
      // null on a required field is left for schema validation to report
      const out = applyOverrides(raw, sets) as typeof raw;
      expect(out.fleet.members[0]).not.toHaveProperty('kubernetesVersion');
      expect(path).toHaveLength(4);
      return;
    }
    const e = failure(sets);
    expect(e.reason.startsWith(reason)).toBe(true);
    expect(e.path).toEqual(path);
    expect(e.code).toBe('E_OVERRIDE');
    expect(e.message).toBe(`--set ${JSON.stringify(sets[0])}: ${e.reason}`);
    expect(e.message).not.toContain('\n');
  });

  it('lists the known fields of a strict mapping', () => {
    expect(failure(['colocation.cpu=1']).message).toContain('known: sloConfig, cpuReclaimThresholdPercent');
  });

  it('rejects a scenario that is not a mapping', () => {
    expect(failure(['a=1'], [1, 2]).reason).toBe('the scenario is not a YAML mapping');
  });

  it('reports value text that is not YAML where no string is allowed', () => {
    expect(failure(['colocation.cpuReclaimThresholdPercent=[1']).reason).toBe('"[1" is not a YAML value');
  });
});
