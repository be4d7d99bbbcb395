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
  /** Taint key. */
  key: z.string().min(1),
  /** Taint value (optional). */
  value: z.string().optional(),
  /** What the taint does to pods that do not tolerate it. */
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
});

/** One component of an online-load curve: terms are summed, then clamped to [0, 1]. */
export const loadCurveSchema = z
  .strictObject({
    /** A flat utilisation added to every other term. */
    constant: fraction.optional().describe('A flat utilisation added to every other term.'),
    /** A daily cycle. */
    diurnal: z
      .strictObject({
        /** Average utilisation over a period (fraction of node capacity). */
        mean: fraction.describe('Average utilisation over a period (fraction of node capacity).'),
        /** Half the peak-to-trough swing. */
        amplitude: fraction.describe('Half the peak-to-trough swing.'),
        /** Length of one cycle. */
        period: durationSchema.default('24h'),
        /** Time of day of the peak, in the member’s own clock. */
        peakAt: durationSchema.default('14h').describe('Time of day of the peak, in the member’s own clock.'),
      })
      .optional(),
    /** Multipliers for each day of the week, starting with the simulation’s first day. */
    weekly: z
      .array(z.number().min(0))
      .length(7)
      .optional()
      .describe('Multipliers for each day of the week, starting with the simulation’s first day.'),
    /** Seeded per-node noise. */
    noise: z
      .strictObject({
        /** Standard deviation of the per-node noise, as a fraction. */
        stddev: fraction.describe('Standard deviation of the per-node noise, as a fraction.'),
        /** Time over which noise values are correlated. */
        correlation: durationSchema.default('10m').describe('Time over which noise values are correlated.'),
      })
      .optional(),
    /** Short bursts (or dips) added on top of the curve. */
    spikes: z
      .array(
        z.strictObject({
          /** When the spike starts. */
          at: durationSchema,
          /** How long it lasts. */
          duration: durationSchema,
          /** Utilisation added during the spike (negative for a dip). */
          height: z.number().min(-1).max(1),
        }),
      )
      .optional()
      .describe('Short bursts (or dips) added on top of the curve.'),
    /** Level shifts from a time on (a sale event). */
    steps: z
      .array(
        z.strictObject({
          /** When the level shifts. */
          at: durationSchema,
          /** Utilisation added from then on (negative to lower it). */
          delta: z.number().min(-1).max(1),
        }),
      )
      .optional()
      .describe('Level shifts from a time on (a sale event).'),
    /** Replay a real utilisation trace instead of (or on top of) the synthetic terms. */
    trace: z
      .strictObject({
        /** Path, relative to the scenario file. */
        file: z.string().min(1).describe('Path, relative to the scenario file.'),
        /** The trace file's format. */
        format: z.enum(['alibaba-v2018-machine-usage', 'cluster-aggregate-300s']),
        /** Which utilisation column to replay (format-specific). */
        column: z.string().optional().describe('Which utilisation column to replay (format-specific).'),
        /** Start the replay this far into the trace. */
        timeOffset: durationSchema.default(0),
      })
      .optional()
      .describe('Replay a real utilisation trace instead of (or on top of) the synthetic terms.'),
  })
  .describe('Online (LS) utilisation over time as a fraction of node capacity.');

/** A group of identical nodes in a member cluster, with the online services running on them. */
export const nodePoolSchema = z.strictObject({
  /** Pool name; nodes are named after it. */
  name: z.string().min(1),
  /** Number of nodes in the pool. */
  count: z.number().int().min(0).max(1_000_000),
  /** status.capacity of each node (cpu, memory, pods, …). */
  capacity: resourceListSchema.describe('status.capacity of each node (cpu, memory, pods, …).'),
  /** kubelet/system reservation: allocatable = capacity − reserved. */
  reserved: resourceListSchema.default({}).describe('kubelet/system reservation: allocatable = capacity − reserved.'),
  /** Node labels. */
  labels: z.record(z.string(), z.string()).default({}),
  /** Node taints. */
  taints: z.array(taintSchema).default([]),
  /** Usage of system daemons outside pods, per node. */
  systemUsage: resourceListSchema.default({}).describe('Usage of system daemons outside pods, per node.'),
  /** The online services on each node: their requests and their usage over time. */
  online: z
    .strictObject({
      /** Online pods per node. */
      podsPerNode: z.number().int().min(0).default(4),
      /** Summed requests of the online (LS) pods on each node. */
      requests: resourceListSchema.describe('Summed requests of the online (LS) pods on each node.'),
      /** PriorityClass of the online pods. */
      priorityClassName: z.string().optional(),
      /** Online CPU usage as a fraction of node capacity. */
      cpu: loadCurveSchema.describe('Online CPU usage as a fraction of node capacity.'),
      /** Online memory usage as a fraction of node capacity. */
      memory: loadCurveSchema.describe('Online memory usage as a fraction of node capacity.'),
    })
    .optional(),
});

/** Elastic virtual-kubelet (ECI) capacity attached to a member. */
export const virtualNodeSchema = z.strictObject({
  /** Node name (prefixed with the member's name). */
  name: z.string().default('virtual-kubelet'),
  /** Elastic capacity of the virtual node. */
  capacity: resourceListSchema.default({ cpu: '10000', memory: '40Ti', pods: 10000 }),
  /** Price per vCPU-second, in the user’s currency. */
  pricePerVcpuSecond: z.number().min(0).optional().describe('Price per vCPU-second, in the user’s currency.'),
});

/** A member cluster of the fleet. */
export const memberSchema = z.strictObject({
  /** Member cluster name, as policies' `clusterNames` name it. */
  name: z.string().min(1).max(253),
  /** Kubernetes version of the member (`"1.28"`); preoccupation depends on it. */
  kubernetesVersion: z.string().regex(/^v?\d+\.\d+(\.\d+)?([-+].*)?$/, 'expected a version such as "1.28"'),
  /** Labels of the Cluster object, matched by a policy's `clusterAffinity.labelSelector`. */
  labels: z.record(z.string(), z.string()).default({}),
  /** Taints of the Cluster object. */
  taints: z.array(taintSchema).default([]),
  /** `spec.region` of the Cluster object. */
  region: z.string().optional(),
  /** `spec.provider` of the Cluster object. */
  provider: z.string().optional(),
  /** `spec.zone` of the Cluster object. */
  zone: z.string().optional(),
  /** Shift of the member’s clock (e.g. "8h"): diurnal peaks move. */
  timeZoneOffset: durationSchema.default(0).describe('Shift of the member’s clock (e.g. "8h"): diurnal peaks move.'),
  /** Groups of identical nodes. */
  nodePools: z.array(nodePoolSchema).default([]),
  /** Nodes and pods from kubectl dumps. */
  snapshot: z
    .strictObject({
      /** kubectl get nodes -o json output, relative to the scenario file. */
      nodes: z.string().describe('kubectl get nodes -o json output, relative to the scenario file.'),
      /** kubectl get pods -A -o json output (running pods become online load). */
      pods: z.string().optional().describe('kubectl get pods -A -o json output (running pods become online load).'),
    })
    .optional(),
  /** An elastic ECI virtual node. */
  virtualNode: virtualNodeSchema.optional(),
});

const distributionSchema = z.union([
  z.number().min(0),
  z.strictObject({
    /** Always this value. */
    constant: z.number().min(0),
  }),
  z.strictObject({
    /** Uniform between the two bounds. */
    uniform: z.tuple([z.number().min(0), z.number().min(0)]),
  }),
  z.strictObject({
    /** Log-normal. */
    lognormal: z.strictObject({
      /** The median. */
      median: z.number().positive(),
      /** Standard deviation in log space. */
      sigma: z.number().min(0),
    }),
  }),
  z.strictObject({
    /** Exponential. */
    exponential: z.strictObject({
      /** The mean. */
      mean: z.number().positive(),
    }),
  }),
]);

/** A stream of Spark applications: an arrival process plus a SparkApplication template and its work. */
export const workloadSchema = z.strictObject({
  /** Workload name; applications are named after it. */
  name: z.string().min(1),
  /** SparkApplication manifest used as the template, relative to the scenario. */
  application: z.string().describe('SparkApplication manifest used as the template, relative to the scenario.'),
  /** When applications arrive. */
  arrival: z.discriminatedUnion('type', [
    z.strictObject({
      /** A Poisson process. */
      type: z.literal('poisson'),
      /** Mean arrivals per hour. */
      ratePerHour: z.number().positive(),
    }),
    z.strictObject({
      /** Bursts arriving as a Poisson process. */
      type: z.literal('bursty'),
      /** Mean rate of bursts. */
      ratePerHour: z.number().positive().describe('Mean rate of bursts.'),
      /** Applications per burst. */
      burstSize: distributionSchema.describe('Applications per burst.'),
    }),
    z.strictObject({
      /** At fixed times. */
      type: z.literal('fixed'),
      /** The arrival times. */
      at: z.array(durationSchema).min(1),
    }),
  ]),
  /** No arrivals before this time. */
  start: durationSchema.default(0),
  /** No arrivals after this time. */
  end: durationSchema.optional(),
  /** Executor count; default: the manifest’s instances. */
  executors: distributionSchema.optional().describe('Executor count; default: the manifest’s instances.'),
  /** Work of one application, in executor core-seconds. */
  workCoreSeconds: distributionSchema.describe('Work of one application, in executor core-seconds.'),
  /** Stop after this many applications. */
  maxApplications: z.number().int().positive().optional(),
});

/** Batch work replayed from a trace (Alibaba v2017 batch_task). */
export const traceWorkloadSchema = z.strictObject({
  /** Workload name; applications are named after it. */
  name: z.string().min(1),
  /** The trace to replay. */
  trace: z.strictObject({
    /** Path, relative to the scenario file. */
    file: z.string(),
    /** The trace file's format. */
    format: z.literal('alibaba-v2017-batch-task'),
    /** Stop after this many applications. */
    maxApplications: z.number().int().positive().optional(),
    /** Cap on the executors of one application (a task's instances). */
    maxExecutors: z.number().int().positive().default(100),
    /** Start the replay this far into the trace. */
    timeOffset: durationSchema.default(0),
  }),
  /** SparkApplication template for pod settings (priority, colocation). */
  application: z.string().optional().describe('SparkApplication template for pod settings (priority, colocation).'),
});

/** Parameters of the fleet's global scheduler that ACK does not document (assumptions, with defaults). */
export const fleetSchedulerSchema = z.strictObject({
  /** How long the fleet waits for a dispatched application's driver before it reclaims and reschedules it. */
  rescheduleTimeout: durationSchema.default('300s'),
  /** Whether members at or above `preoccupationMinVersion` get resource holds at dispatch. */
  preoccupation: z.boolean().default(true),
  /** How long a preoccupation hold lives unless consumed first. */
  preoccupationTtl: durationSchema.default('10m'),
  /** Lowest member Kubernetes version that gets preoccupation. */
  preoccupationMinVersion: z.string().default('1.28'),
  /** How stale the fleet’s view of each member may be. */
  syncPeriod: durationSchema.default('10s').describe('How stale the fleet’s view of each member may be.'),
  /** How often waiting applications are retried. */
  retryInterval: durationSchema.default('10s').describe('How often waiting applications are retried.'),
  /** How the fleet ranks members that can hold a Gang application. */
  scorer: z.enum(['most-idle', 'best-fit', 'round-robin', 'random']).default('most-idle'),
  /** Replica dispenser of Divided workloads: Karmada ≥ 1.16 (`webster`) or 1.8–1.15 (`legacy`). */
  dispenser: z.enum(['webster', 'legacy']).default('webster'),
});

/** The whole scenario file. */
export const scenarioSchema = z.strictObject({
  /** Scenario name, shown in reports and used for default output directories. */
  name: z.string().min(1),
  /** Free text shown in reports. */
  description: z.string().optional(),
  /** Master seed: same scenario + seed ⇒ same result. */
  seed: z.union([z.number().int(), z.string().min(1)]).describe('Master seed: same scenario + seed ⇒ same result.'),
  /** Simulated time to run. */
  duration: durationSchema,
  /** Spacing of the time series in the report. */
  sampleInterval: durationSchema.default('5m').describe('Spacing of the time series in the report.'),
  /** How often online usage is re-evaluated. */
  loadTick: durationSchema.default('60s').describe('How often online usage is re-evaluated.'),
  /** The fleet. */
  fleet: z.strictObject({
    /** Its member clusters. */
    members: z.array(memberSchema).min(1),
  }),
  /** Koordinator colocation settings. */
  colocation: z
    .strictObject({
      /** An ack-slo-config / slo-controller-config ConfigMap file. */
      sloConfig: z.string().optional().describe('An ack-slo-config / slo-controller-config ConfigMap file.'),
      /** `colocation-config.cpuReclaimThresholdPercent`, over the ConfigMap's. */
      cpuReclaimThresholdPercent: z.number().int().min(0).max(100).optional(),
      /** `colocation-config.memoryReclaimThresholdPercent`, over the ConfigMap's. */
      memoryReclaimThresholdPercent: z.number().int().min(0).max(100).optional(),
      /** `resource-threshold-config.cpuSuppressThresholdPercent`, over the ConfigMap's. */
      cpuSuppressThresholdPercent: z.number().int().min(0).max(100).optional(),
      /** `resource-threshold-config.memoryEvictThresholdPercent`, over the ConfigMap's. */
      memoryEvictThresholdPercent: z.number().int().min(0).max(100).optional(),
    })
    .default({}),
  /** PriorityClass / PropagationPolicy / Namespace files. */
  manifests: z.array(z.string()).default([]).describe('PriorityClass / PropagationPolicy / Namespace files.'),
  /** Spark workloads: generated arrivals or a replayed trace. */
  workloads: z.array(z.union([workloadSchema, traceWorkloadSchema])).default([]),
  /** Parameters of the fleet's global scheduler. */
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
