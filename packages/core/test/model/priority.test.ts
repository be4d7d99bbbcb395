import { describe, expect, it } from 'vitest';
import type { PriorityClass } from '../../src/model/index.js';
import { resolvePriority } from '../../src/model/index.js';

const pc = (name: string, value: number, extra: Partial<PriorityClass> = {}): PriorityClass => ({
  name,
  value,
  globalDefault: false,
  preemptionPolicy: 'PreemptLowerPriority',
  ...extra,
});

// The seeds' class for colocated Spark jobs is negative and never preempts.
const sparkLow = pc('spark-low', -1000, { preemptionPolicy: 'Never' });
const prod = pc('prod', 9000);

describe('resolvePriority', () => {
  it('takes the named class value and policy', () => {
    expect(resolvePriority('spark-low', [prod, sparkLow])).toEqual({
      priority: -1000,
      preemptionPolicy: 'Never',
      priorityClassName: 'spark-low',
    });
    expect(resolvePriority('prod', [prod, sparkLow])).toEqual({
      priority: 9000,
      preemptionPolicy: 'PreemptLowerPriority',
      priorityClassName: 'prod',
    });
  });

  it('returns undefined for a class that does not exist (the API server rejects the pod)', () => {
    expect(resolvePriority('missing', [prod])).toBeUndefined();
    expect(resolvePriority('missing', [])).toBeUndefined();
  });

  it('falls back to priority 0 and PreemptLowerPriority with no name and no global default', () => {
    expect(resolvePriority(undefined, [prod, sparkLow])).toEqual({
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
    });
    expect(resolvePriority('', [])).toEqual({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
  });

  it('applies the globalDefault class to a pod without a name', () => {
    const def = pc('default-batch', 100, { globalDefault: true, preemptionPolicy: 'Never' });
    expect(resolvePriority(undefined, [prod, def])).toEqual({
      priority: 100,
      preemptionPolicy: 'Never',
      priorityClassName: 'default-batch',
    });
    expect(resolvePriority('', [def])?.priority).toBe(100);
  });

  it('does not apply the global default to a pod that names another class', () => {
    const def = pc('default-batch', 100, { globalDefault: true });
    expect(resolvePriority('prod', [def, prod])?.priority).toBe(9000);
  });

  it('takes the lowest value when several classes claim globalDefault', () => {
    const high = pc('high-default', 500, { globalDefault: true });
    const low = pc('low-default', -5, { globalDefault: true });
    expect(resolvePriority(undefined, [high, low])?.priorityClassName).toBe('low-default');
    expect(resolvePriority(undefined, [low, high])?.priority).toBe(-5);
  });
});
