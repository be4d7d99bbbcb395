import { describe, expect, it } from 'vitest';
import { defaultExecutorAllocationBatchSize, executorAllocationBatchSize } from '../../src/spark/index.js';
import { sparkApp } from './sparkAppFixture.js';

describe('executorAllocationBatchSize', () => {
  it('defaults by Spark version: 5 up to 3.5, 10 in 4.0 and 4.1, 20 from 4.2', () => {
    expect(
      ['2.4.4', '3.0.0', '3.5.4', '4.0.0', '4.1.1', '4.2.0', '5.0.0', 'v4.0', 'nightly'].map(
        defaultExecutorAllocationBatchSize,
      ),
    ).toEqual([5, 5, 5, 10, 10, 20, 20, 10, 5]);
    expect(executorAllocationBatchSize(sparkApp({ sparkVersion: '4.1.0' }))).toBe(10);
  });

  it('takes sparkConf spark.kubernetes.allocation.batch.size when it is a positive integer', () => {
    const conf = (v: string) => sparkApp({ sparkConf: { 'spark.kubernetes.allocation.batch.size': v } });
    expect(executorAllocationBatchSize(conf('10'))).toBe(10);
    expect(executorAllocationBatchSize(conf(' 3 '))).toBe(3);
    expect(executorAllocationBatchSize(conf('0'))).toBe(5);
    expect(executorAllocationBatchSize(conf('many'))).toBe(5);
  });
});
