import { describe, expect, it } from 'vitest';
import { sparkPodMemory } from '../../src/spark/index.js';
import { sparkApp } from './sparkAppFixture.js';

const MI = 2 ** 20;

/** The pod memory in MiB, failing the test on issues. */
function podMiB(...args: Parameters<typeof sparkPodMemory>): number {
  const r = sparkPodMemory(...args);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(r.memory.totalBytes % MI).toBe(0);
  return r.memory.totalBytes / MI;
}

describe('sparkPodMemory', () => {
  it('adds the 384 MiB floor to a 1g executor: 1408 MiB', () => {
    expect(podMiB(sparkApp(), 'executor')).toBe(1408);
    expect(sparkPodMemory(sparkApp(), 'executor')).toEqual({
      ok: true,
      memory: { heapMiB: 1024, overheadMiB: 384, pysparkMiB: 0, totalBytes: 1408 * MI },
    });
  });

  it('adds 10% truncated to a 4096m driver: 4096 + 409 = 4505 MiB', () => {
    expect(podMiB(sparkApp({ driver: { memory: '4096m' } }), 'driver')).toBe(4505);
  });

  it('matches the worked values for 2g and 8g JVM pods', () => {
    expect(podMiB(sparkApp({ executor: { memory: '2g' } }), 'executor')).toBe(2432);
    expect(podMiB(sparkApp({ executor: { memory: '8g' } }), 'executor')).toBe(9011);
  });

  it('uses 0.4 for Python and R: 1g → 1433, 4g → 5734', () => {
    expect(podMiB(sparkApp({ type: 'Python' }), 'executor')).toBe(1433);
    expect(podMiB(sparkApp({ type: 'R', driver: { memory: '4g' } }), 'driver')).toBe(5734);
  });

  it('uses an explicit memoryOverhead as is: 4g + 512m = 4608 MiB', () => {
    expect(podMiB(sparkApp({ executor: { memory: '4g', memoryOverhead: '512m' } }), 'executor')).toBe(4608);
    // A bare number is MiB, as Spark reads it.
    expect(podMiB(sparkApp({ executor: { memory: '4g', memoryOverhead: '100' } }), 'executor')).toBe(4196);
  });

  it('honours spec.memoryOverheadFactor, then the sparkConf factors, role-specific first', () => {
    // 0.2 × 4096 = 819.2 → 819.
    expect(podMiB(sparkApp({ memoryOverheadFactor: '0.2', driver: { memory: '4g' } }), 'driver')).toBe(4915);
    const conf = { 'spark.kubernetes.memoryOverheadFactor': '0.3' };
    // 0.3 × 4096 = 1228.8 → 1228.
    expect(podMiB(sparkApp({ sparkConf: conf, driver: { memory: '4g' } }), 'driver')).toBe(5324);
    const roleConf = { ...conf, 'spark.driver.memoryOverheadFactor': '0.5' };
    expect(podMiB(sparkApp({ sparkConf: roleConf, driver: { memory: '4g' } }), 'driver')).toBe(6144);
    // The executor does not take the driver's factor.
    expect(podMiB(sparkApp({ sparkConf: roleConf, executor: { memory: '4g' } }), 'executor')).toBe(5324);
    // A factor the user sets overrides Python's 0.4.
    expect(podMiB(sparkApp({ type: 'Python', sparkConf: conf, executor: { memory: '4g' } }), 'executor')).toBe(5324);
  });

  it('truncates the factor product as Spark does in double arithmetic', () => {
    // 0.1 × 5000 = 500; 0.29 × 1500 is 434.99999999999994 in doubles, so the JVM's `.toLong` gives 434.
    expect(podMiB(sparkApp({ executor: { memory: '5000m' } }), 'executor')).toBe(5500);
    expect(podMiB(sparkApp({ memoryOverheadFactor: '0.29', executor: { memory: '1500m' } }), 'executor')).toBe(1934);
    // Heap sizes are whole MiB: 1536k is 1 MiB of heap.
    expect(podMiB(sparkApp({ executor: { memory: '1536k' } }), 'executor')).toBe(385);
  });

  it('reads memory and overhead from sparkConf when the spec leaves them unset', () => {
    const app = sparkApp({
      sparkConf: { 'spark.executor.memory': '2g', 'spark.executor.memoryOverhead': '1g' },
      executor: { memory: undefined },
    });
    expect(podMiB(app, 'executor')).toBe(3072);
  });

  it('honours spark.<role>.minMemoryOverhead and PySpark memory of Python executors', () => {
    expect(podMiB(sparkApp({ sparkConf: { 'spark.executor.minMemoryOverhead': '512m' } }), 'executor')).toBe(1536);
    const py = { 'spark.executor.pyspark.memory': '256m' };
    expect(podMiB(sparkApp({ type: 'Python', sparkConf: py }), 'executor')).toBe(1024 + 409 + 256);
    expect(podMiB(sparkApp({ type: 'Python', sparkConf: py }), 'driver')).toBe(1024 + 409);
    expect(podMiB(sparkApp({ sparkConf: py }), 'executor')).toBe(1408);
  });

  it('reports unparseable sizes and factors with their paths', () => {
    expect(sparkPodMemory(sparkApp({ driver: { memory: '1.5.3Gi' } }), 'driver')).toEqual({
      ok: false,
      issues: [{ path: ['spec', 'driver', 'memory'], message: '"1.5.3Gi" is not a Spark memory size' }],
    });
    const bad = sparkPodMemory(sparkApp({ memoryOverheadFactor: '-0.1' }), 'executor');
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual([['spec', 'memoryOverheadFactor']]);
    const conf = sparkPodMemory(sparkApp({ sparkConf: { 'spark.kubernetes.memoryOverheadFactor': 'lots' } }), 'driver');
    expect(conf.ok ? [] : conf.issues.map((i) => i.path)).toEqual([
      ['spec', 'sparkConf', 'spark.kubernetes.memoryOverheadFactor'],
    ]);
  });
});
