import * as z from 'zod';
import { parseDuration } from './duration.js';

// Scenario files are written by people: quantities stay Kubernetes strings ("32", "128Gi") and durations
// stay human ("5m"); the loader converts them to integer units after validation.

/** A duration: `"30s"`, `"5m"`, `"24h"`, `"7d"`, `"250ms"` or integer milliseconds. */
export const durationSchema = z
  .union([z.string(), z.number()])
  .refine((v) => parseDuration(v) !== undefined, { message: 'expected a duration such as "30s", "5m", "24h"' })
  .describe('A duration: "250ms", "30s", "5m", "24h", "7d", or integer milliseconds.');

const quantity = z
  .union([z.string(), z.number()])
  .describe('A Kubernetes quantity: "500m", "2", "128Gi", or a number.');

/** A resource list as a manifest writes it (`{ cpu: "32", memory: 128Gi, pods: 110 }`). */
export const resourceListSchema = z
  .record(z.string(), quantity)
  .describe('Resource amounts by name, as Kubernetes writes them: cpu, memory, pods, extended resources.');

const fraction = z.number().min(0).max(1);

const taintSchema = z.strictObject({
  key: z.string().min(1),
  value: z.string().optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
});

/** One component of an online-load curve: terms are summed, then clamped to [0, 1]. */
export const loadCurveSchema = z
  .strictObject({
    constant: fraction.optional().describe('A flat utilisation added to every other term.'),
    diurnal: z
      .strictObject({
        mean: fraction.describe('Average utilisation over a period (fraction of node capacity).'),
        amplitude: fraction.describe('Half the peak-to-trough swing.'),
        period: durationSchema.default('24h'),
        peakAt: durationSchema.default('14h').describe('Time of day of the peak, in the member’s own clock.'),
      })
      .optional(),
    weekly: z
      .array(z.number().min(0))
      .length(7)
      .optional()
      .describe('Multipliers for each day of the week, starting with the simulation’s first day.'),
    noise: z
      .strictObject({
        stddev: fraction.describe('Standard deviation of the per-node noise, as a fraction.'),
        correlation: durationSchema.default('10m').describe('Time over which noise values are correlated.'),
      })
      .optional(),
    spikes: z
      .array(
        z.strictObject({
          at: durationSchema,
          duration: durationSchema,
          height: z.number().min(-1).max(1),
        }),
      )
      .optional()
      .describe('Short bursts (or dips) added on top of the curve.'),
    steps: z
      .array(z.strictObject({ at: durationSchema, delta: z.number().min(-1).max(1) }))
      .optional()
      .describe('Level shifts from a time on (a sale event).'),
    trace: z
      .strictObject({
        file: z.string().min(1).describe('Path, relative to the scenario file.'),
        format: z.enum(['alibaba-v2018-machine-usage', 'cluster-aggregate-300s']),
        column: z.string().optional().describe('Which utilisation column to replay (format-specific).'),
        timeOffset: durationSchema.default(0),
      })
      .optional()
      .describe('Replay a real utilisation trace instead of (or on top of) the synthetic terms.'),
  })
  .describe('Online (LS) utilisation over time as a fraction of node capacity.');

/** A group of identical nodes in a member cluster, with the online services running on them. */
export const nodePoolSchema = z.strictObject({
  name: z.string().min(1),
  count: z.number().int().min(0).max(1_000_000),
  capacity: resourceListSchema.describe('status.capacity of each node (cpu, memory, pods, …).'),
  reserved: resourceListSchema.default({}).describe('kubelet/system reservation: allocatable = capacity − reserved.'),
  labels: z.record(z.string(), z.string()).default({}),
  taints: z.array(taintSchema).default([]),
  systemUsage: resourceListSchema.default({}).describe('Usage of system daemons outside pods, per node.'),
  online: z
    .strictObject({
      podsPerNode: z.number().int().min(0).default(4),
      requests: resourceListSchema.describe('Summed requests of the online (LS) pods on each node.'),
      priorityClassName: z.string().optional(),
      cpu: loadCurveSchema.describe('Online CPU usage as a fraction of node capacity.'),
      memory: loadCurveSchema.describe('Online memory usage as a fraction of node capacity.'),
    })
    .optional(),
});

/** Elastic virtual-kubelet (ECI) capacity attached to a member. */
export const virtualNodeSchema = z.strictObject({
  name: z.string().default('virtual-kubelet'),
  capacity: resourceListSchema.default({ cpu: '10000', memory: '40Ti', pods: 10000 }),
  pricePerVcpuSecond: z.number().min(0).optional().describe('Price per vCPU-second, in the user’s currency.'),
});

/** A member cluster of the fleet. */
export const memberSchema = z.strictObject({
  name: z.string().min(1).max(253),
  kubernetesVersion: z.string().regex(/^v?\d+\.\d+(\.\d+)?([-+].*)?$/, 'expected a version such as "1.28"'),
  labels: z.record(z.string(), z.string()).default({}),
  taints: z.array(taintSchema).default([]),
  region: z.string().optional(),
  provider: z.string().optional(),
  zone: z.string().optional(),
  timeZoneOffset: durationSchema.default(0).describe('Shift of the member’s clock (e.g. "8h"): diurnal peaks move.'),
  nodePools: z.array(nodePoolSchema).default([]),
  snapshot: z
    .strictObject({
      nodes: z.string().describe('kubectl get nodes -o json output, relative to the scenario file.'),
      pods: z.string().optional().describe('kubectl get pods -A -o json output (running pods become online load).'),
    })
    .optional(),
  virtualNode: virtualNodeSchema.optional(),
});

const distributionSchema = z.union([
  z.number().min(0),
  z.strictObject({ constant: z.number().min(0) }),
  z.strictObject({ uniform: z.tuple([z.number().min(0), z.number().min(0)]) }),
  z.strictObject({ lognormal: z.strictObject({ median: z.number().positive(), sigma: z.number().min(0) }) }),
  z.strictObject({ exponential: z.strictObject({ mean: z.number().positive() }) }),
]);

/** A stream of Spark applications: an arrival process plus a SparkApplication template and its work. */
export const workloadSchema = z.strictObject({
  name: z.string().min(1),
  application: z.string().describe('SparkApplication manifest used as the template, relative to the scenario.'),
  arrival: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('poisson'), ratePerHour: z.number().positive() }),
    z.strictObject({
      type: z.literal('bursty'),
      ratePerHour: z.number().positive().describe('Mean rate of bursts.'),
      burstSize: distributionSchema.describe('Applications per burst.'),
    }),
    z.strictObject({ type: z.literal('fixed'), at: z.array(durationSchema).min(1) }),
  ]),
  start: durationSchema.default(0),
  end: durationSchema.optional(),
  executors: distributionSchema.optional().describe('Executor count; default: the manifest’s instances.'),
  workCoreSeconds: distributionSchema.describe('Work of one application, in executor core-seconds.'),
  maxApplications: z.number().int().positive().optional(),
});

/** Batch work replayed from a trace (Alibaba v2017 batch_task). */
export const traceWorkloadSchema = z.strictObject({
  name: z.string().min(1),
  trace: z.strictObject({
    file: z.string(),
    format: z.literal('alibaba-v2017-batch-task'),
    maxApplications: z.number().int().positive().optional(),
    maxExecutors: z.number().int().positive().default(100),
    timeOffset: durationSchema.default(0),
  }),
  application: z.string().optional().describe('SparkApplication template for pod settings (priority, colocation).'),
});

/** Parameters of the fleet's global scheduler that ACK does not document (assumptions, with defaults). */
export const fleetSchedulerSchema = z.strictObject({
  rescheduleTimeout: durationSchema.default('300s'),
  preoccupation: z.boolean().default(true),
  preoccupationTtl: durationSchema.default('10m'),
  preoccupationMinVersion: z.string().default('1.28'),
  syncPeriod: durationSchema.default('10s').describe('How stale the fleet’s view of each member may be.'),
  retryInterval: durationSchema.default('10s').describe('How often waiting applications are retried.'),
  scorer: z.enum(['most-idle', 'best-fit', 'round-robin', 'random']).default('most-idle'),
  dispenser: z.enum(['webster', 'legacy']).default('webster'),
});

/** The whole scenario file. */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  seed: z.union([z.number().int(), z.string().min(1)]).describe('Master seed: same scenario + seed ⇒ same result.'),
  duration: durationSchema,
  sampleInterval: durationSchema.default('5m').describe('Spacing of the time series in the report.'),
  loadTick: durationSchema.default('60s').describe('How often online usage is re-evaluated.'),
  fleet: z.strictObject({ members: z.array(memberSchema).min(1) }),
  colocation: z
    .strictObject({
      sloConfig: z.string().optional().describe('An ack-slo-config / slo-controller-config ConfigMap file.'),
      cpuReclaimThresholdPercent: z.number().int().min(0).max(100).optional(),
      memoryReclaimThresholdPercent: z.number().int().min(0).max(100).optional(),
      cpuSuppressThresholdPercent: z.number().int().min(0).max(100).optional(),
      memoryEvictThresholdPercent: z.number().int().min(0).max(100).optional(),
    })
    .default({}),
  manifests: z.array(z.string()).default([]).describe('PriorityClass / PropagationPolicy / Namespace files.'),
  workloads: z.array(z.union([workloadSchema, traceWorkloadSchema])).default([]),
  fleetScheduler: fleetSchedulerSchema.default(fleetSchedulerSchema.parse({})),
});

/** A scenario as written in the file (before defaults). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with defaults filled (quantities and durations still as written). */
export type ScenarioSpec = z.output<typeof scenarioSchema>;
/** A workload entry of the scenario. */
export type WorkloadSpec = z.output<typeof workloadSchema>;
/** A trace workload entry of the scenario. */
export type TraceWorkloadSpec = z.output<typeof traceWorkloadSchema>;
/** A member cluster entry of the scenario. */
export type MemberSpec = z.output<typeof memberSchema>;
/** A node pool entry of the scenario. */
export type NodePoolSpec = z.output<typeof nodePoolSchema>;
/** An online-load curve of the scenario. */
export type LoadCurveSpec = z.output<typeof loadCurveSchema>;
/** A sampled quantity (a number or a distribution). */
export type DistributionSpec = z.output<typeof distributionSchema>;
