import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as z from 'zod';
import { indexedJobManifest, indexedJobYaml, kubernetesName } from '../../src/sweep/indexedJob.js';

// The batch/v1 Job fields the API server requires (and the rules it enforces) for an Indexed Job.
const dnsLabel = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
  .max(63);
const jobSchema = z
  .object({
    apiVersion: z.literal('batch/v1'),
    kind: z.literal('Job'),
    metadata: z.object({ name: dnsLabel, labels: z.record(z.string(), z.string()).optional() }),
    spec: z.object({
      completionMode: z.literal('Indexed'),
      completions: z.number().int().min(1),
      parallelism: z.number().int().min(0),
      backoffLimit: z.number().int().min(0).optional(),
      template: z.object({
        metadata: z.object({ labels: z.record(z.string(), z.string()) }).optional(),
        spec: z.object({
          restartPolicy: z.enum(['Never', 'OnFailure']),
          containers: z
            .array(
              z.object({
                name: dnsLabel,
                image: z.string().min(1),
                command: z.array(z.string()).optional(),
                args: z.array(z.string()).optional(),
                volumeMounts: z.array(z.object({ name: z.string(), mountPath: z.string().startsWith('/') })).optional(),
              }),
            )
            .min(1),
          volumes: z
            .array(z.object({ name: z.string(), persistentVolumeClaim: z.object({ claimName: z.string() }) }))
            .optional(),
        }),
      }),
    }),
  })
  .refine((job) => job.spec.parallelism <= job.spec.completions, 'parallelism above completions is wasted');

const options = {
  name: 'gleaner-sweep-What If: Threshold!',
  image: 'registry.example.com/gleaner:0.1.0',
  shards: 8,
  parallelism: 4,
  sweepArgs: [
    'examples/what-if-threshold/scenario.yaml',
    '--grid',
    'colocation.cpuReclaimThresholdPercent=50,60,70',
    '--seeds',
    '5',
  ],
  resultsClaim: 'sweep-results',
};

describe('indexedJobManifest', () => {
  it('is a valid Indexed Job whose pods each run one shard', () => {
    const job = jobSchema.parse(parse(indexedJobYaml(options)));
    expect(job.metadata.name).toBe('gleaner-sweep-what-if-threshold');
    expect(job.spec.completions).toBe(8);
    expect(job.spec.parallelism).toBe(4);
    const container = job.spec.template.spec.containers[0]!;
    expect(container.command).toEqual(['gleaner']);
    expect(container.args).toEqual([
      'sweep',
      ...options.sweepArgs,
      '--workers',
      '1',
      '--shard',
      '$(JOB_COMPLETION_INDEX)/8',
      '--out',
      '/results',
    ]);
    const mount = container.volumeMounts![0]!;
    const volume = job.spec.template.spec.volumes!.find((v) => v.name === mount.name)!;
    expect(volume.persistentVolumeClaim.claimName).toBe('sweep-results');
    expect(indexedJobYaml(options)).toContain('gleaner merge /results/shard-*-of-*.json --out sweep.json');
  });

  it('caps parallelism at the shard count and adds a namespace when given', () => {
    const job = indexedJobManifest({ ...options, shards: 2, parallelism: 9, namespace: 'batch' }) as {
      metadata: { namespace?: string };
      spec: { parallelism: number };
    };
    expect(job.spec.parallelism).toBe(2);
    expect(job.metadata.namespace).toBe('batch');
    expect(jobSchema.safeParse(job).success).toBe(true);
  });
});

describe('kubernetesName', () => {
  it('makes DNS-1123 labels', () => {
    expect(kubernetesName('Seed Fleet (v2)')).toBe('seed-fleet-v2');
    expect(kubernetesName('--x--')).toBe('x');
    expect(kubernetesName('日本')).toBe('gleaner-sweep');
    const long = kubernetesName(`${'a'.repeat(62)}-b`);
    expect(long).toBe('a'.repeat(62));
    expect(dnsLabel.safeParse(kubernetesName(`${'x'.repeat(70)}`)).success).toBe(true);
  });
});
