import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/RandomStream.js';
import { distributionMean, distributionSampler } from '../../src/workload/distribution.js';
import { generateJobs, podShapeSampler } from '../../src/workload/generateJobs.js';
import { applicationForJob, coreSecondsToWork, podShapeOf } from '../../src/workload/SparkJob.js';

const GIB = 1024 ** 3;

describe('distributionSampler', () => {
  it('draws constants, uniforms, lognormals and exponentials with the right means', () => {
    const src = new RandomStream('d').next;
    const mean = (d: Parameters<typeof distributionSampler>[0]) => {
      const s = distributionSampler(d, src);
      let sum = 0;
      for (let i = 0; i < 20_000; i++) sum += s();
      return sum / 20_000;
    };
    expect(mean(7)).toBe(7);
    expect(mean({ constant: 3 })).toBe(3);
    for (const d of [
      { uniform: [10, 20] as const },
      { lognormal: { median: 100, sigma: 0.5 } },
      { exponential: { mean: 60 } },
    ]) {
      expect(mean(d) / distributionMean(d)).toBeGreaterThan(0.97);
      expect(mean(d) / distributionMean(d)).toBeLessThan(1.03);
    }
  });
});

describe('generateJobs', () => {
  it('makes one job per arrival with integer units (work in millicore-ms)', () => {
    const jobs = generateJobs([0, 60_000], {
      workload: 'etl',
      driver: { cpuMilli: 1_000, memoryBytes: 1_408 * 1024 ** 2 },
      executor: { cpuMilli: 2_000, memoryBytes: 4 * GIB },
      executors: 10,
      workCoreSeconds: 3_600,
    });
    expect(jobs).toEqual([
      {
        id: 'etl-0',
        workload: 'etl',
        submitMs: 0,
        driver: { cpuMilli: 1_000, memoryBytes: 1_408 * 1024 ** 2 },
        executor: { cpuMilli: 2_000, memoryBytes: 4 * GIB },
        executors: 10,
        workMilliCoreMs: 3_600_000_000,
      },
      expect.objectContaining({ id: 'etl-1', submitMs: 60_000 }),
    ]);
  });

  it('draws per job in a fixed order, so the same seed gives the same jobs', () => {
    const make = () => {
      const src = new RandomStream('g').next;
      return generateJobs([1, 2, 3], {
        workload: 'w',
        driver: { cpuMilli: 1_000, memoryBytes: GIB },
        executor: podShapeSampler(distributionSampler({ uniform: [500, 4_000] }, src), () => 2 * GIB),
        executors: distributionSampler({ uniform: [1, 50] }, src),
        workCoreSeconds: distributionSampler({ lognormal: { median: 600, sigma: 1 } }, src),
      });
    };
    const a = make();
    expect(make()).toEqual(a);
    for (const j of a) {
      expect(Number.isInteger(j.executor.cpuMilli) && Number.isInteger(j.workMilliCoreMs)).toBe(true);
      expect(j.executors).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('SparkJob helpers', () => {
  it('converts core-seconds, reads pod shapes (batch resources for BE pods) and instantiates a template', () => {
    expect(coreSecondsToWork(1.5)).toBe(1_500_000);
    expect(coreSecondsToWork(0)).toBe(1);
    expect(podShapeOf({ requests: { cpu: 1_000, memory: 5 } })).toEqual({ cpuMilli: 1_000, memoryBytes: 5 });
    expect(podShapeOf({ requests: { 'kubernetes.io/batch-cpu': 500, 'kubernetes.io/batch-memory': 7 } })).toEqual({
      cpuMilli: 500,
      memoryBytes: 7,
    });
    const pod = { labels: {}, annotations: {}, nodeSelector: {}, tolerations: [] };
    const template = {
      apiVersion: 'sparkoperator.k8s.io/v1beta2' as const,
      kind: 'SparkApplication' as const,
      name: 'spark-pi',
      namespace: 'default',
      labels: {},
      annotations: {},
      type: 'Scala' as const,
      mode: 'cluster' as const,
      sparkVersion: '3.5.0',
      arguments: [],
      sparkConf: {},
      driver: pod,
      executor: { ...pod, instances: 2, cores: 1 },
      restartPolicy: { type: 'Never' as const },
    };
    const app = applicationForJob(template, { id: 'pi-7', executors: 9 });
    expect(app.name).toBe('pi-7');
    expect(app.executor).toMatchObject({ instances: 9, cores: 1 });
    expect(template.executor.instances).toBe(2);
  });
});
