import { describe, expect, it } from 'vitest';
import { initialExecutorCount } from '../../src/spark/index.js';
import { sparkApp } from './sparkAppFixture.js';

describe('initialExecutorCount', () => {
  it('is spec.executor.instances without dynamic allocation', () => {
    expect(initialExecutorCount(sparkApp({ executor: { instances: 100 } }))).toBe(100);
    expect(initialExecutorCount(sparkApp({ executor: { instances: 0 } }))).toBe(0);
  });

  it('falls back to spark.executor.instances, then 1', () => {
    expect(
      initialExecutorCount(
        sparkApp({ executor: { instances: undefined }, sparkConf: { 'spark.executor.instances': '7' } }),
      ),
    ).toBe(7);
    expect(initialExecutorCount(sparkApp({ executor: { instances: undefined } }))).toBe(1);
  });

  it('is the largest of instances, initialExecutors and minExecutors with dynamic allocation', () => {
    const da = (d: object, instances?: number) =>
      sparkApp({ dynamicAllocation: { enabled: true, ...d }, executor: { instances } });
    expect(initialExecutorCount(da({ initialExecutors: 3, minExecutors: 2 }, 1))).toBe(3);
    expect(initialExecutorCount(da({ minExecutors: 4 }, 2))).toBe(4);
    expect(initialExecutorCount(da({}, 5))).toBe(5);
    expect(initialExecutorCount(da({}))).toBe(0);
    expect(
      initialExecutorCount(
        sparkApp({
          executor: { instances: undefined },
          sparkConf: { 'spark.dynamicAllocation.enabled': 'true', 'spark.dynamicAllocation.minExecutors': '6' },
        }),
      ),
    ).toBe(6);
  });
});
