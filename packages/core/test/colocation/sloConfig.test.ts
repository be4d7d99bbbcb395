import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  DEFAULT_COLOCATION_STRATEGY,
  DEFAULT_RESOURCE_QOS_STRATEGY,
  DEFAULT_RESOURCE_THRESHOLD_STRATEGY,
  DEFAULT_SLO_CONFIG,
  parseSloConfigData,
} from '../../src/colocation/index.js';

const SEED = new URL('../../../../../shared/fixtures/seed-manifests/01-ack-slo-config.yaml', import.meta.url);

function ok(data: Record<string, string>) {
  const r = parseSloConfigData(data);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
}

function issues(data: Record<string, string>) {
  const r = parseSloConfigData(data);
  if (r.ok) throw new Error('expected issues');
  return r.issues;
}

describe('parseSloConfigData', () => {
  it('parses the seed ack-slo-config: colocation and thresholds enabled with defaults', () => {
    const cm = parse(readFileSync(SEED, 'utf8')) as { data: Record<string, string> };
    const c = ok(cm.data);
    expect(c.colocation).toEqual({ ...DEFAULT_COLOCATION_STRATEGY, enable: true });
    expect(c.resourceThreshold).toEqual({ ...DEFAULT_RESOURCE_THRESHOLD_STRATEGY, enable: true });
    expect(c.resourceQOS.lsClass.cpuQOS.enable).toBe(true);
    expect(c.resourceQOS.beClass.resctrlQOS.enable).toBe(true);
    expect(c.resourceQOS.lsrClass.cpuQOS.enable).toBe(false);
    expect(c.nodeConfigs).toEqual({ colocation: [], resourceThreshold: [], resourceQOS: [] });
  });

  it('an empty ConfigMap, or blank values, give the built-in defaults (everything disabled)', () => {
    expect(ok({})).toEqual(DEFAULT_SLO_CONFIG);
    expect(ok({ 'colocation-config': '  ', 'resource-threshold-config': '' })).toEqual(DEFAULT_SLO_CONFIG);
    expect(ok({ 'resource-qos-config': '{}' }).resourceQOS).toEqual(DEFAULT_RESOURCE_QOS_STRATEGY);
  });

  it('has Koordinator defaults', () => {
    expect(DEFAULT_COLOCATION_STRATEGY).toMatchObject({
      enable: false,
      cpuReclaimThresholdPercent: 60,
      memoryReclaimThresholdPercent: 65,
      cpuCalculatePolicy: 'usage',
      memoryCalculatePolicy: 'usage',
      degradeTimeMinutes: 15,
      updateTimeThresholdSeconds: 300,
      resourceDiffThreshold: 0.1,
      metricAggregateDurationSeconds: 300,
      metricReportIntervalSeconds: 60,
    });
    expect(DEFAULT_COLOCATION_STRATEGY.batchCPUThresholdPercent).toBeUndefined();
    expect(DEFAULT_RESOURCE_THRESHOLD_STRATEGY).toMatchObject({
      enable: false,
      cpuSuppressThresholdPercent: 65,
      cpuSuppressPolicy: 'cpuset',
      memoryEvictThresholdPercent: 70,
      memoryEvictLowerPercent: 68,
      cpuEvictBEUsageThresholdPercent: 90,
      cpuEvictPolicy: 'evictByRealLimit',
    });
  });

  it('fills explicit fields over defaults and derives the memory lower bound from the threshold', () => {
    const c = ok({
      'colocation-config': JSON.stringify({
        enable: true,
        cpuReclaimThresholdPercent: 70,
        memoryCalculatePolicy: 'request',
        batchCPUThresholdPercent: 50,
        metricAggregatePolicy: { durations: ['1m'] },
        degradeTimeMinutes: null,
      }),
      'resource-threshold-config': JSON.stringify({
        clusterStrategy: { enable: true, memoryEvictThresholdPercent: 80, cpuSuppressPolicy: 'cfsQuota' },
      }),
    });
    expect(c.colocation).toMatchObject({
      enable: true,
      cpuReclaimThresholdPercent: 70,
      memoryReclaimThresholdPercent: 65,
      memoryCalculatePolicy: 'request',
      batchCPUThresholdPercent: 50,
      degradeTimeMinutes: 15,
      metricAggregatePolicy: { durations: ['1m'] },
    });
    expect(c.resourceThreshold).toMatchObject({
      memoryEvictThresholdPercent: 80,
      memoryEvictLowerPercent: 78,
      cpuSuppressPolicy: 'cfsQuota',
    });
  });

  it('merges node-level entries over the cluster strategy', () => {
    const c = ok({
      'colocation-config': JSON.stringify({
        enable: true,
        cpuReclaimThresholdPercent: 70,
        nodeConfigs: [
          { name: 'big', nodeSelector: { matchLabels: { pool: 'big' } }, memoryReclaimThresholdPercent: 80 },
        ],
      }),
      'resource-threshold-config': JSON.stringify({
        clusterStrategy: { enable: true, memoryEvictLowerPercent: 60 },
        nodeStrategies: [{ name: 'n', nodeSelector: {}, cpuSuppressThresholdPercent: 50 }],
      }),
      'resource-qos-config': JSON.stringify({
        clusterStrategy: { beClass: { cpuQOS: { enable: true, groupIdentity: -1 } } },
        nodeStrategies: [{ name: 'q', beClass: { memoryQOS: { enable: true } } }],
      }),
    });
    expect(c.nodeConfigs.colocation).toHaveLength(1);
    expect(c.nodeConfigs.colocation[0]).toMatchObject({
      name: 'big',
      nodeSelector: { matchLabels: { pool: 'big' } },
      strategy: { enable: true, cpuReclaimThresholdPercent: 70, memoryReclaimThresholdPercent: 80 },
    });
    expect(c.nodeConfigs.resourceThreshold[0]?.strategy).toMatchObject({
      enable: true,
      cpuSuppressThresholdPercent: 50,
      memoryEvictLowerPercent: 60,
    });
    expect(c.nodeConfigs.resourceQOS[0]?.nodeSelector).toBeUndefined();
    expect(c.nodeConfigs.resourceQOS[0]?.strategy.beClass).toEqual({
      cpuQOS: { enable: true, groupIdentity: -1 },
      memoryQOS: { enable: true },
      resctrlQOS: { enable: false },
    });
  });

  it('replaces a node entry without matchLabels by the cluster strategy (invalid upstream)', () => {
    const c = ok({
      'colocation-config': JSON.stringify({
        enable: true,
        nodeConfigs: [
          {
            name: 'expr',
            nodeSelector: { matchExpressions: [{ key: 'a', operator: 'Exists' }] },
            cpuReclaimThresholdPercent: 10,
          },
        ],
      }),
    });
    expect(c.nodeConfigs.colocation[0]?.strategy).toEqual(c.colocation);
  });

  it('is deterministic and leaves its (frozen) input alone', () => {
    const data = Object.freeze({ 'colocation-config': '{"enable": true, "nodeConfigs": []}' });
    expect(parseSloConfigData(data)).toEqual(parseSloConfigData(data));
  });

  it('reports bad JSON with the data key', () => {
    const is = issues({ 'colocation-config': '{"enable": tru' });
    expect(is).toHaveLength(1);
    expect(is[0]?.path).toEqual(['colocation-config']);
    expect(is[0]?.message).toMatch(/invalid JSON/);
  });

  it('reports wrong types, ranges and enums with field paths', () => {
    const is = issues({
      'colocation-config': JSON.stringify({
        enable: 'yes',
        cpuReclaimThresholdPercent: 'sixty',
        memoryReclaimThresholdPercent: 65.5,
        memoryCalculatePolicy: 'peak',
        resourceDiffThreshold: 0,
        nodeConfigs: [{ degradeTimeMinutes: 0 }],
      }),
      'resource-threshold-config': JSON.stringify({ clusterStrategy: { cpuSuppressThresholdPercent: 101 } }),
      'resource-qos-config': JSON.stringify({ clusterStrategy: { lsClass: { cpuQOS: { enable: 1 } } } }),
    });
    const paths = is.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['colocation-config', 'enable'],
        ['colocation-config', 'cpuReclaimThresholdPercent'],
        ['colocation-config', 'memoryReclaimThresholdPercent'],
        ['colocation-config', 'memoryCalculatePolicy'],
        ['colocation-config', 'resourceDiffThreshold'],
        ['colocation-config', 'nodeConfigs', 0, 'degradeTimeMinutes'],
        ['resource-threshold-config', 'clusterStrategy', 'cpuSuppressThresholdPercent'],
        ['resource-qos-config', 'clusterStrategy', 'lsClass', 'cpuQOS', 'enable'],
      ]),
    );
    for (const i of is) expect(i.message.length).toBeGreaterThan(0);
  });

  it('reports a non-object document at the key', () => {
    expect(issues({ 'colocation-config': '[1,2]' })[0]?.path).toEqual(['colocation-config']);
  });

  it('checks the cross-field rules of the thresholds', () => {
    const is = issues({
      'resource-threshold-config': JSON.stringify({
        clusterStrategy: {
          memoryEvictThresholdPercent: 70,
          memoryEvictLowerPercent: 70,
          cpuEvictBESatisfactionUpperPercent: 50,
          cpuEvictBESatisfactionLowerPercent: 60,
        },
      }),
    });
    expect(is.map((i) => i.path)).toEqual([
      ['resource-threshold-config', 'clusterStrategy', 'memoryEvictLowerPercent'],
      ['resource-threshold-config', 'clusterStrategy', 'cpuEvictBESatisfactionUpperPercent'],
    ]);
  });
});
