import { describe, expect, it } from 'vitest';
import type { SloConfig } from '../../src/colocation/index.js';
import {
  applyNodeColocationOverrides,
  colocationStrategyForNode,
  DEFAULT_COLOCATION_STRATEGY,
  parseSloConfigData,
  resourceThresholdStrategyForNode,
} from '../../src/colocation/index.js';
import { CORE, GI, makeNode } from './fixtures.js';

function config(): SloConfig {
  const r = parseSloConfigData({
    'colocation-config': JSON.stringify({
      enable: true,
      cpuReclaimThresholdPercent: 60,
      nodeConfigs: [
        { name: 'no-selector', cpuReclaimThresholdPercent: 10 },
        { name: 'gpu', nodeSelector: { matchLabels: { pool: 'gpu' } }, cpuReclaimThresholdPercent: 50 },
        { name: 'gpu-again', nodeSelector: { matchLabels: { pool: 'gpu' } }, cpuReclaimThresholdPercent: 40 },
      ],
    }),
    'resource-threshold-config': JSON.stringify({
      clusterStrategy: { enable: true },
      nodeStrategies: [{ name: 'all', nodeSelector: {}, cpuSuppressThresholdPercent: 55 }],
    }),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
}

describe('strategy of one node', () => {
  it('takes the first nodeConfigs entry whose selector matches; an absent selector matches nothing', () => {
    const c = config();
    const plain = makeNode({ cpu: CORE, memory: GI });
    const gpu = makeNode({ cpu: CORE, memory: GI, labels: { pool: 'gpu' } });
    expect(colocationStrategyForNode(c, plain).cpuReclaimThresholdPercent).toBe(60);
    expect(colocationStrategyForNode(c, gpu).cpuReclaimThresholdPercent).toBe(50);
    expect(resourceThresholdStrategyForNode(c, plain).cpuSuppressThresholdPercent).toBe(55);
  });

  it('node annotation then reclaim-ratio labels come last, labels winning', () => {
    const c = config();
    const node = makeNode({
      cpu: CORE,
      memory: GI,
      labels: { pool: 'gpu', 'node.koordinator.sh/memory-reclaim-ratio': '0.8' },
      annotations: {
        'node.koordinator.sh/colocation-strategy': JSON.stringify({
          cpuReclaimThresholdPercent: 70,
          memoryReclaimThresholdPercent: 70,
          degradeTimeMinutes: 5,
        }),
      },
    });
    const s = colocationStrategyForNode(c, node);
    expect(s).toMatchObject({
      cpuReclaimThresholdPercent: 70,
      memoryReclaimThresholdPercent: 80,
      degradeTimeMinutes: 5,
    });
    // Applying the overrides again changes nothing.
    expect(applyNodeColocationOverrides(s, node)).toEqual(s);
  });

  it('returns the strategy itself for a node without overrides', () => {
    const s = { ...DEFAULT_COLOCATION_STRATEGY, enable: true };
    expect(applyNodeColocationOverrides(s, makeNode({ cpu: CORE, memory: GI }))).toBe(s);
  });
});
