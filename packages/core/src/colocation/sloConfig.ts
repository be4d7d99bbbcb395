import * as z from 'zod';
import type { LabelSelector } from '../model/index.js';

// The Koordinator SLO ConfigMap: `slo-controller-config` (namespace `koordinator-system`) upstream,
// `ack-slo-config` (namespace `kube-system`) on ACK; same keys and JSON shapes.
// koordinator: apis/configuration/slo_controller_config.go (keys, ColocationStrategy),
//              apis/slo/v1alpha1/nodeslo_types.go (ResourceThresholdStrategy, ResourceQOSStrategy),
//              pkg/util/sloconfig/colocation_config.go, pkg/util/sloconfig/nodeslo_config.go (defaults).

/** The ConfigMap data keys Gleaner reads (other keys such as `cpu-burst-config` are ignored). */
export const SLO_CONFIG_KEYS = {
  /** `colocation-config`: a {@link ColocationStrategy} inline, plus `nodeConfigs`. */
  colocation: 'colocation-config',
  /** `resource-threshold-config`: `{clusterStrategy, nodeStrategies}` of {@link ResourceThresholdStrategy}. */
  resourceThreshold: 'resource-threshold-config',
  /** `resource-qos-config`: `{clusterStrategy, nodeStrategies}` of {@link ResourceQOSStrategy}. */
  resourceQOS: 'resource-qos-config',
} as const;

/**
 * How the slo-controller sums high-priority (prod/mid) pods when it computes batch allocatable:
 * `usage` (their measured usage; reclaims requested-but-unused), `request` (their requests; memory only),
 * `maxUsageRequest` (per pod, the larger of both).
 */
export type CalculatePolicy = 'usage' | 'request' | 'maxUsageRequest';

/** Which memory figure koordlet reports as usage in NodeMetric (page cache excluded by default). */
export type NodeMemoryCollectPolicy = 'usageWithoutPageCache' | 'usageWithHotPageCache' | 'usageWithPageCache';

/** Mid-tier reclaim mode; only `static` is named upstream (unset = dynamic, from koordlet's prediction). */
export type MidReclaimMode = 'static';

/** How koordlet enforces the BE CPU ceiling: a shrinking BE cpuset (`cpuset`) or a CFS quota (`cfsQuota`). */
export type CpuSuppressPolicy = 'cpuset' | 'cfsQuota';

/**
 * What BECPUEvict compares BE requests with: the BE CPU ceiling currently enforced (`evictByRealLimit`) or
 * the node's published batch-cpu allocatable (`evictByAllocatable`).
 */
export type CpuEvictPolicy = 'evictByRealLimit' | 'evictByAllocatable';

/** `metricAggregatePolicy`: windows (Go duration strings, e.g. `"5m"`) of the percentile usages in NodeMetric. */
export interface MetricAggregatePolicy {
  /** Aggregation windows, e.g. `["5m", "10m", "30m"]`. */
  readonly durations: readonly string[];
}

/**
 * The node colocation strategy of `colocation-config` (upstream `ColocationStrategy`), with every
 * defaulted field filled. Percent fields are integers; times in the unit their name says.
 */
export interface ColocationStrategy {
  /** Whether batch (and mid) resources are computed and published; `false` removes them from nodes. */
  readonly enable: boolean;
  /** Window (s) over which koordlet averages each usage it reports in NodeMetric. */
  readonly metricAggregateDurationSeconds: number;
  /** Period (s) at which koordlet writes the NodeMetric status. */
  readonly metricReportIntervalSeconds: number;
  /** Windows of the percentile usages (p50…p99) koordlet adds to NodeMetric (used by LoadAware). */
  readonly metricAggregatePolicy: MetricAggregatePolicy;
  /** Which memory figure counts as usage (default without page cache). */
  readonly metricMemoryCollectPolicy: NodeMemoryCollectPolicy;
  /** Share (%) of node CPU capacity that may be used by HP + batch; safety margin = 100 − this. May exceed 100. */
  readonly cpuReclaimThresholdPercent: number;
  /** Share (%) of node memory capacity usable by HP + batch; safety margin = 100 − this. May exceed 100. */
  readonly memoryReclaimThresholdPercent: number;
  /** CPU policy: `usage` or `maxUsageRequest` (`request` is not supported for CPU and acts as `usage`). */
  readonly cpuCalculatePolicy: CalculatePolicy;
  /** Memory policy: `usage`, `request` or `maxUsageRequest`. */
  readonly memoryCalculatePolicy: CalculatePolicy;
  /** Minutes after NodeMetric's `updateTime` beyond which the node's batch resources are reset (degraded). */
  readonly degradeTimeMinutes: number;
  /** Seconds after the last publish after which a new value is published even if it barely changed. */
  readonly updateTimeThresholdSeconds: number;
  /** Relative change (0 < x ≤ 1) of batch-cpu or batch-memory that forces a publish (0.1 = 10%). */
  readonly resourceDiffThreshold: number;
  /** Mid reclaim mode; absent = dynamic. */
  readonly midReclaimMode?: MidReclaimMode;
  /** Cap (%) of mid-cpu as a share of node capacity (0–100). */
  readonly midCPUThresholdPercent: number;
  /** Cap (%) of mid-memory as a share of node capacity (0–100). */
  readonly midMemoryThresholdPercent: number;
  /** Share (%) of unallocated prod capacity added to mid resources (0–100). */
  readonly midUnallocatedPercent: number;
  /** Static mid-cpu (%) of capacity when `midReclaimMode` is `static` (0–100). */
  readonly midStaticCPUReservedPercent: number;
  /** Static mid-memory (%) of capacity when `midReclaimMode` is `static` (0–100). */
  readonly midStaticMemoryReservedPercent: number;
  /** Optional cap (%) of batch-cpu as a share of node CPU capacity; absent = no cap. */
  readonly batchCPUThresholdPercent?: number;
  /** Optional cap (%) of batch-memory as a share of node memory capacity; absent = no cap. */
  readonly batchMemoryThresholdPercent?: number;
}

/**
 * koordlet's BE resource thresholds (`resource-threshold-config`, upstream `ResourceThresholdStrategy`,
 * delivered to koordlet as NodeSLO `spec.resourceUsedThresholdWithBE`), defaulted fields filled.
 */
export interface ResourceThresholdStrategy {
  /** Master switch: BE CPU suppression and every eviction strategy act only when this is `true`. */
  readonly enable: boolean;
  /** BE CPU ceiling = capacity × this% − non-BE usage − system usage (0–100). */
  readonly cpuSuppressThresholdPercent: number;
  /** Optional floor (%) of node CPU capacity for the BE CPU ceiling (0–100). */
  readonly cpuSuppressMinPercent?: number;
  /** How the BE CPU ceiling is enforced: `cpuset` (default) or `cfsQuota`. */
  readonly cpuSuppressPolicy: CpuSuppressPolicy;
  /** BEMemoryEvict triggers when node memory usage (%) reaches this (0–100). */
  readonly memoryEvictThresholdPercent: number;
  /** BEMemoryEvict releases memory until usage is at this percent (default threshold − 2). */
  readonly memoryEvictLowerPercent: number;
  /** BECPUEvict stops once BE satisfaction (ceiling / BE request) is above this percent; required to enable it. */
  readonly cpuEvictBESatisfactionUpperPercent?: number;
  /** BECPUEvict starts when BE satisfaction is at or below this percent; required to enable it. */
  readonly cpuEvictBESatisfactionLowerPercent?: number;
  /** BECPUEvict considers BE pods starved only when BE usage / ceiling reaches this percent. */
  readonly cpuEvictBEUsageThresholdPercent: number;
  /** Averaging window (s) of BECPUEvict / CPUEvict; absent = the 1 s collect interval. */
  readonly cpuEvictTimeWindowSeconds?: number;
  /** What BECPUEvict compares BE requests with (default `evictByRealLimit`). */
  readonly cpuEvictPolicy: CpuEvictPolicy;
  /** CPUEvict (node CPU usage based) threshold (%); absent = CPUEvict off. */
  readonly cpuEvictThresholdPercent?: number;
  /** CPUEvict lower bound (%); defaults to `cpuEvictThresholdPercent − 2` when the threshold is set. */
  readonly cpuEvictLowerPercent?: number;
  /** CPUAllocatableEvict threshold (%) of batch/mid cpu requests over allocatable. */
  readonly cpuAllocatableEvictThresholdPercent?: number;
  /** CPUAllocatableEvict releases requests down to this percent of allocatable. */
  readonly cpuAllocatableEvictLowerPercent?: number;
  /** MemoryAllocatableEvict threshold (%) of batch/mid memory requests over allocatable. */
  readonly memoryAllocatableEvictThresholdPercent?: number;
  /** MemoryAllocatableEvict releases requests down to this percent of allocatable. */
  readonly memoryAllocatableEvictLowerPercent?: number;
  /** Pods with `spec.priority` ≤ this may be victims of CPUEvict / MemoryEvict. */
  readonly evictEnabledPriorityThreshold?: number;
  /** Pods with `spec.priority` ≤ this (≤ 7999) may be victims of the allocatable evictions. */
  readonly allocatableEvictPriorityThreshold?: number;
}

/** Group-identity / CPU QoS switch of one QoS class (`cpuQOS`). */
export interface CPUQOSConfig {
  /** Whether CPU QoS (group identity) is applied to the class. */
  readonly enable: boolean;
  /** Anolis group identity (LS/LSR 2, BE −1 in the documented template); absent = not set. */
  readonly groupIdentity?: number;
}

/** Memory QoS switch of one QoS class (`memoryQOS`); the watermark fields are not modelled. */
export interface MemoryQOSConfig {
  /** Whether memory QoS (memcg watermarks, min/low protection) is applied to the class. */
  readonly enable: boolean;
}

/** LLC / memory-bandwidth isolation of one QoS class (`resctrlQOS`), percents 0–100. */
export interface ResctrlQOSConfig {
  /** Whether resctrl (Intel RDT) isolation is applied to the class. */
  readonly enable: boolean;
  /** Start of the class's LLC ways, percent. */
  readonly catRangeStartPercent?: number;
  /** End of the class's LLC ways, percent (BE 30 in the documented template). */
  readonly catRangeEndPercent?: number;
  /** Memory-bandwidth allocation, percent. */
  readonly mbaPercent?: number;
}

/** The QoS switches of one Koordinator QoS class (`lsClass`, `beClass`, …). */
export interface ResourceQOS {
  /** CPU QoS of the class. */
  readonly cpuQOS: CPUQOSConfig;
  /** Memory QoS of the class. */
  readonly memoryQOS: MemoryQOSConfig;
  /** LLC / memory-bandwidth QoS of the class. */
  readonly resctrlQOS: ResctrlQOSConfig;
}

/**
 * A light typed view of `resource-qos-config` (upstream `ResourceQOSStrategy`): only the enable flags and a
 * few scalar knobs per class. Gleaner does not simulate cgroup-level QoS; this is carried for reports.
 */
export interface ResourceQOSStrategy {
  /** QoS of LSR pods. */
  readonly lsrClass: ResourceQOS;
  /** QoS of LS pods. */
  readonly lsClass: ResourceQOS;
  /** QoS of BE pods. */
  readonly beClass: ResourceQOS;
  /** QoS of SYSTEM pods. */
  readonly systemClass: ResourceQOS;
  /** QoS of the root cgroup. */
  readonly cgroupRoot: ResourceQOS;
}

/**
 * One node-level override (`nodeConfigs[]` of colocation-config, `nodeStrategies[]` of the others): nodes
 * matched by `nodeSelector` use `strategy`, which is the cluster strategy with the entry's fields merged over
 * it and defaults filled. The first matching entry wins. An absent selector matches no node.
 */
export interface NodeStrategyOverride<T> {
  /** The entry's `name` (an identifier for consoles). */
  readonly name?: string;
  /** Label selector of the nodes the entry applies to; absent selects no node. */
  readonly nodeSelector?: LabelSelector;
  /** The cluster strategy with the entry's fields merged over it, defaults filled. */
  readonly strategy: T;
}

/** The parsed SLO ConfigMap: cluster-wide strategies plus the node-level overrides, in ConfigMap order. */
export interface SloConfig {
  /** Cluster colocation strategy (`colocation-config`). */
  readonly colocation: ColocationStrategy;
  /** Cluster BE threshold strategy (`resource-threshold-config` `clusterStrategy`). */
  readonly resourceThreshold: ResourceThresholdStrategy;
  /** Cluster QoS strategy (`resource-qos-config` `clusterStrategy`). */
  readonly resourceQOS: ResourceQOSStrategy;
  /** Node-level entries, in ConfigMap order (the first matching entry wins). */
  readonly nodeConfigs: {
    /** `colocation-config` `nodeConfigs[]`. */
    readonly colocation: readonly NodeStrategyOverride<ColocationStrategy>[];
    /** `resource-threshold-config` `nodeStrategies[]`. */
    readonly resourceThreshold: readonly NodeStrategyOverride<ResourceThresholdStrategy>[];
    /** `resource-qos-config` `nodeStrategies[]`. */
    readonly resourceQOS: readonly NodeStrategyOverride<ResourceQOSStrategy>[];
  };
}

/** One problem found in the ConfigMap data: the data key, then the field path inside its JSON. */
export interface SloConfigIssue {
  /** The data key, then the JSON field path, e.g. `['colocation-config', 'cpuReclaimThresholdPercent']`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, in one line. */
  readonly message: string;
}

/** Result of {@link parseSloConfigData}. */
export type SloConfigParseResult =
  | {
      /** Parsed. */
      readonly ok: true;
      /** The configuration, defaults filled. */
      readonly config: SloConfig;
    }
  | {
      /** Rejected. */
      readonly ok: false;
      /** Every problem found, in key order. */
      readonly issues: readonly SloConfigIssue[];
    };

/**
 * Koordinator's built-in colocation defaults (`DefaultColocationStrategy`). `enable` is `false` in code;
 * the Helm chart's ConfigMap and ACK's examples set it `true`. CPU reclaim is 60 in code and docs, while most
 * upstream unit tests use 65; ACK's parameter table was not verified here, so a cluster whose documented
 * default differs should set `cpuReclaimThresholdPercent` explicitly.
 * koordinator: pkg/util/sloconfig/colocation_config.go
 */
export const DEFAULT_COLOCATION_STRATEGY: ColocationStrategy = Object.freeze({
  enable: false,
  metricAggregateDurationSeconds: 300,
  metricReportIntervalSeconds: 60,
  metricAggregatePolicy: Object.freeze({ durations: Object.freeze(['5m', '10m', '30m']) }),
  metricMemoryCollectPolicy: 'usageWithoutPageCache',
  cpuReclaimThresholdPercent: 60,
  memoryReclaimThresholdPercent: 65,
  cpuCalculatePolicy: 'usage',
  memoryCalculatePolicy: 'usage',
  degradeTimeMinutes: 15,
  updateTimeThresholdSeconds: 300,
  resourceDiffThreshold: 0.1,
  midCPUThresholdPercent: 100,
  midMemoryThresholdPercent: 100,
  midUnallocatedPercent: 0,
  midStaticCPUReservedPercent: 0,
  midStaticMemoryReservedPercent: 0,
});

/** Distance (percentage points) between an eviction threshold and its default lower bound. */
export const DEFAULT_EVICT_LOWER_PERCENT_GAP = 2;

/** BECPUEvict's BE usage threshold (%) when `cpuEvictBEUsageThresholdPercent` is unset. */
export const DEFAULT_CPU_EVICT_BE_USAGE_THRESHOLD_PERCENT = 90;

/**
 * Koordinator's built-in resource-threshold defaults (`DefaultResourceThresholdStrategy`, plus the
 * koordlet-side defaults: memory lower = threshold − 2, BE usage threshold 90). `enable` is `false` in
 * code; the chart and ACK's examples set it `true`. ACK's CPU Suppress page documents the same 65%.
 * koordinator: pkg/util/sloconfig/nodeslo_config.go, pkg/koordlet/qosmanager/plugins/memoryevict/memory_evict.go
 */
export const DEFAULT_RESOURCE_THRESHOLD_STRATEGY: ResourceThresholdStrategy = Object.freeze({
  enable: false,
  cpuSuppressThresholdPercent: 65,
  cpuSuppressPolicy: 'cpuset',
  memoryEvictThresholdPercent: 70,
  memoryEvictLowerPercent: 70 - DEFAULT_EVICT_LOWER_PERCENT_GAP,
  cpuEvictBEUsageThresholdPercent: DEFAULT_CPU_EVICT_BE_USAGE_THRESHOLD_PERCENT,
  cpuEvictPolicy: 'evictByRealLimit',
});

const DISABLED_RESOURCE_QOS: ResourceQOS = Object.freeze({
  cpuQOS: Object.freeze({ enable: false }),
  memoryQOS: Object.freeze({ enable: false }),
  resctrlQOS: Object.freeze({ enable: false }),
});

/** Every QoS class with every switch off (what an absent `resource-qos-config` means to Gleaner). */
export const DEFAULT_RESOURCE_QOS_STRATEGY: ResourceQOSStrategy = Object.freeze({
  lsrClass: DISABLED_RESOURCE_QOS,
  lsClass: DISABLED_RESOURCE_QOS,
  beClass: DISABLED_RESOURCE_QOS,
  systemClass: DISABLED_RESOURCE_QOS,
  cgroupRoot: DISABLED_RESOURCE_QOS,
});

/** The configuration of a ConfigMap with none of the three keys: all defaults, no node overrides. */
export const DEFAULT_SLO_CONFIG: SloConfig = Object.freeze({
  colocation: DEFAULT_COLOCATION_STRATEGY,
  resourceThreshold: DEFAULT_RESOURCE_THRESHOLD_STRATEGY,
  resourceQOS: DEFAULT_RESOURCE_QOS_STRATEGY,
  nodeConfigs: Object.freeze({
    colocation: Object.freeze([]),
    resourceThreshold: Object.freeze([]),
    resourceQOS: Object.freeze([]),
  }),
});

// ---------------------------------------------------------------------------------------------------
// Schemas. Every field is optional and may be `null` (Go leaves a nil pointer, i.e. the default). Unknown
// fields are ignored, as Go's encoding/json does. Ranges follow the upstream `validate` struct tags.

const int = () => z.number().int('must be an integer');
const percent = () => int().min(0, 'must be ≥ 0').max(100, 'must be ≤ 100');
const goDuration = z.string().regex(/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/, 'must be a Go duration such as "5m"');

const labelSelectorSchema = z.object({
  matchLabels: z.record(z.string(), z.string()).nullish(),
  matchExpressions: z
    .array(
      z.object({
        key: z.string(),
        operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
        values: z.array(z.string()).nullish(),
      }),
    )
    .nullish(),
});

const profileShape = {
  name: z.string().nullish(),
  nodeSelector: labelSelectorSchema.nullish(),
};

const calculatePolicy = z.enum(['usage', 'request', 'maxUsageRequest']);

const colocationShape = {
  enable: z.boolean().nullish(),
  metricAggregateDurationSeconds: int().min(1, 'must be ≥ 1').nullish(),
  metricReportIntervalSeconds: int().min(1, 'must be ≥ 1').nullish(),
  metricAggregatePolicy: z.object({ durations: z.array(goDuration).nullish() }).nullish(),
  metricMemoryCollectPolicy: z.enum(['usageWithoutPageCache', 'usageWithHotPageCache', 'usageWithPageCache']).nullish(),
  cpuReclaimThresholdPercent: int().min(0, 'must be ≥ 0').nullish(),
  memoryReclaimThresholdPercent: int().min(0, 'must be ≥ 0').nullish(),
  cpuCalculatePolicy: calculatePolicy.nullish(),
  memoryCalculatePolicy: calculatePolicy.nullish(),
  degradeTimeMinutes: int().min(1, 'must be ≥ 1').nullish(),
  updateTimeThresholdSeconds: int().min(1, 'must be ≥ 1').nullish(),
  resourceDiffThreshold: z.number().gt(0, 'must be > 0').max(1, 'must be ≤ 1').nullish(),
  midReclaimMode: z.enum(['static']).nullish(),
  midCPUThresholdPercent: percent().nullish(),
  midMemoryThresholdPercent: percent().nullish(),
  midUnallocatedPercent: percent().nullish(),
  midStaticCPUReservedPercent: percent().nullish(),
  midStaticMemoryReservedPercent: percent().nullish(),
  batchCPUThresholdPercent: int().min(0, 'must be ≥ 0').nullish(),
  batchMemoryThresholdPercent: int().min(0, 'must be ≥ 0').nullish(),
};

const colocationConfigSchema = z.object({
  ...colocationShape,
  nodeConfigs: z.array(z.object({ ...profileShape, ...colocationShape })).nullish(),
});

const thresholdShape = {
  enable: z.boolean().nullish(),
  cpuSuppressThresholdPercent: percent().nullish(),
  cpuSuppressMinPercent: percent().nullish(),
  cpuSuppressPolicy: z.enum(['cpuset', 'cfsQuota']).nullish(),
  memoryEvictThresholdPercent: percent().nullish(),
  memoryEvictLowerPercent: percent().nullish(),
  cpuEvictBESatisfactionUpperPercent: percent().nullish(),
  cpuEvictBESatisfactionLowerPercent: percent().nullish(),
  cpuEvictBEUsageThresholdPercent: percent().nullish(),
  cpuEvictTimeWindowSeconds: int().min(1, 'must be > 0').nullish(),
  cpuEvictPolicy: z.enum(['evictByRealLimit', 'evictByAllocatable']).nullish(),
  cpuEvictThresholdPercent: percent().nullish(),
  cpuEvictLowerPercent: percent().nullish(),
  cpuAllocatableEvictThresholdPercent: int().min(0, 'must be ≥ 0').nullish(),
  cpuAllocatableEvictLowerPercent: int().min(0, 'must be ≥ 0').nullish(),
  memoryAllocatableEvictThresholdPercent: int().min(0, 'must be ≥ 0').nullish(),
  memoryAllocatableEvictLowerPercent: int().min(0, 'must be ≥ 0').nullish(),
  evictEnabledPriorityThreshold: int().nullish(),
  allocatableEvictPriorityThreshold: int().max(7999, 'must be ≤ 7999 (prod pods are never evicted)').nullish(),
};

const thresholdConfigSchema = z.object({
  clusterStrategy: z.object(thresholdShape).nullish(),
  nodeStrategies: z.array(z.object({ ...profileShape, ...thresholdShape })).nullish(),
});

const resourceQOSSchema = z.object({
  cpuQOS: z.object({ enable: z.boolean().nullish(), groupIdentity: int().nullish() }).nullish(),
  memoryQOS: z.object({ enable: z.boolean().nullish() }).nullish(),
  resctrlQOS: z
    .object({
      enable: z.boolean().nullish(),
      catRangeStartPercent: percent().nullish(),
      catRangeEndPercent: percent().nullish(),
      mbaPercent: percent().nullish(),
    })
    .nullish(),
});

const qosClassKeys = ['lsrClass', 'lsClass', 'beClass', 'systemClass', 'cgroupRoot'] as const;

const qosShape = {
  lsrClass: resourceQOSSchema.nullish(),
  lsClass: resourceQOSSchema.nullish(),
  beClass: resourceQOSSchema.nullish(),
  systemClass: resourceQOSSchema.nullish(),
  cgroupRoot: resourceQOSSchema.nullish(),
};

const qosConfigSchema = z.object({
  clusterStrategy: z.object(qosShape).nullish(),
  nodeStrategies: z.array(z.object({ ...profileShape, ...qosShape })).nullish(),
});

type RawColocation = z.infer<typeof colocationConfigSchema>;
type RawThreshold = NonNullable<z.infer<typeof thresholdConfigSchema>['clusterStrategy']>;
type RawQOS = NonNullable<z.infer<typeof qosConfigSchema>['clusterStrategy']>;
type RawResourceQOS = z.infer<typeof resourceQOSSchema>;
type RawProfile = { name?: string | null | undefined; nodeSelector?: z.infer<typeof labelSelectorSchema> | null };

// ---------------------------------------------------------------------------------------------------
// Resolution: raw (partial) → merged (node over cluster) → defaults filled.

const COLOCATION_FIELDS = Object.keys(colocationShape) as readonly (keyof typeof colocationShape)[];
const THRESHOLD_FIELDS = Object.keys(thresholdShape) as readonly (keyof typeof thresholdShape)[];

/** Copies the fields of `over` that are set (not null/undefined) onto a copy of `base`. */
function mergeSet<T extends object>(base: T, over: T, fields: readonly (keyof T)[]): T {
  const out = { ...base };
  for (const f of fields) {
    const v = over[f];
    if (v !== null && v !== undefined) out[f] = v;
  }
  return out;
}

function pickFields<T extends object>(raw: T, fields: readonly (keyof T)[]): T {
  return mergeSet({} as T, raw, fields);
}

function resolveColocation(raw: RawColocation): ColocationStrategy {
  const d = DEFAULT_COLOCATION_STRATEGY;
  const durations = raw.metricAggregatePolicy?.durations;
  const out: { -readonly [K in keyof ColocationStrategy]: ColocationStrategy[K] } = {
    enable: raw.enable ?? d.enable,
    metricAggregateDurationSeconds: raw.metricAggregateDurationSeconds ?? d.metricAggregateDurationSeconds,
    metricReportIntervalSeconds: raw.metricReportIntervalSeconds ?? d.metricReportIntervalSeconds,
    metricAggregatePolicy:
      durations === null || durations === undefined ? d.metricAggregatePolicy : { durations: [...durations] },
    metricMemoryCollectPolicy: raw.metricMemoryCollectPolicy ?? d.metricMemoryCollectPolicy,
    cpuReclaimThresholdPercent: raw.cpuReclaimThresholdPercent ?? d.cpuReclaimThresholdPercent,
    memoryReclaimThresholdPercent: raw.memoryReclaimThresholdPercent ?? d.memoryReclaimThresholdPercent,
    cpuCalculatePolicy: raw.cpuCalculatePolicy ?? d.cpuCalculatePolicy,
    memoryCalculatePolicy: raw.memoryCalculatePolicy ?? d.memoryCalculatePolicy,
    degradeTimeMinutes: raw.degradeTimeMinutes ?? d.degradeTimeMinutes,
    updateTimeThresholdSeconds: raw.updateTimeThresholdSeconds ?? d.updateTimeThresholdSeconds,
    resourceDiffThreshold: raw.resourceDiffThreshold ?? d.resourceDiffThreshold,
    midCPUThresholdPercent: raw.midCPUThresholdPercent ?? d.midCPUThresholdPercent,
    midMemoryThresholdPercent: raw.midMemoryThresholdPercent ?? d.midMemoryThresholdPercent,
    midUnallocatedPercent: raw.midUnallocatedPercent ?? d.midUnallocatedPercent,
    midStaticCPUReservedPercent: raw.midStaticCPUReservedPercent ?? d.midStaticCPUReservedPercent,
    midStaticMemoryReservedPercent: raw.midStaticMemoryReservedPercent ?? d.midStaticMemoryReservedPercent,
  };
  if (raw.midReclaimMode != null) out.midReclaimMode = raw.midReclaimMode;
  if (raw.batchCPUThresholdPercent != null) out.batchCPUThresholdPercent = raw.batchCPUThresholdPercent;
  if (raw.batchMemoryThresholdPercent != null) out.batchMemoryThresholdPercent = raw.batchMemoryThresholdPercent;
  return out;
}

function resolveThreshold(raw: RawThreshold, path: readonly (string | number)[], issues: SloConfigIssue[]) {
  const d = DEFAULT_RESOURCE_THRESHOLD_STRATEGY;
  const memoryEvictThresholdPercent = raw.memoryEvictThresholdPercent ?? d.memoryEvictThresholdPercent;
  const out: { -readonly [K in keyof ResourceThresholdStrategy]: ResourceThresholdStrategy[K] } = {
    enable: raw.enable ?? d.enable,
    cpuSuppressThresholdPercent: raw.cpuSuppressThresholdPercent ?? d.cpuSuppressThresholdPercent,
    cpuSuppressPolicy: raw.cpuSuppressPolicy ?? d.cpuSuppressPolicy,
    memoryEvictThresholdPercent,
    memoryEvictLowerPercent:
      raw.memoryEvictLowerPercent ?? memoryEvictThresholdPercent - DEFAULT_EVICT_LOWER_PERCENT_GAP,
    cpuEvictBEUsageThresholdPercent: raw.cpuEvictBEUsageThresholdPercent ?? d.cpuEvictBEUsageThresholdPercent,
    cpuEvictPolicy: raw.cpuEvictPolicy ?? d.cpuEvictPolicy,
  };
  const optional = [
    'cpuSuppressMinPercent',
    'cpuEvictBESatisfactionUpperPercent',
    'cpuEvictBESatisfactionLowerPercent',
    'cpuEvictTimeWindowSeconds',
    'cpuEvictThresholdPercent',
    'cpuEvictLowerPercent',
    'cpuAllocatableEvictThresholdPercent',
    'cpuAllocatableEvictLowerPercent',
    'memoryAllocatableEvictThresholdPercent',
    'memoryAllocatableEvictLowerPercent',
    'evictEnabledPriorityThreshold',
    'allocatableEvictPriorityThreshold',
  ] as const;
  for (const f of optional) {
    const v = raw[f];
    if (v !== null && v !== undefined) out[f] = v;
  }
  if (out.cpuEvictThresholdPercent !== undefined && out.cpuEvictLowerPercent === undefined) {
    out.cpuEvictLowerPercent = out.cpuEvictThresholdPercent - DEFAULT_EVICT_LOWER_PERCENT_GAP;
  }
  // Cross-field rules of the upstream validate tags (ltfield / gtfield), checked only on explicit values.
  if (raw.memoryEvictLowerPercent != null && raw.memoryEvictLowerPercent >= memoryEvictThresholdPercent) {
    issues.push({
      path: [...path, 'memoryEvictLowerPercent'],
      message: `must be < memoryEvictThresholdPercent (${memoryEvictThresholdPercent})`,
    });
  }
  const upper = out.cpuEvictBESatisfactionUpperPercent;
  const lower = out.cpuEvictBESatisfactionLowerPercent;
  if (upper !== undefined && lower !== undefined && upper <= lower) {
    issues.push({
      path: [...path, 'cpuEvictBESatisfactionUpperPercent'],
      message: `must be > cpuEvictBESatisfactionLowerPercent (${lower})`,
    });
  }
  return out;
}

function resolveResourceQOS(raw: RawResourceQOS | null | undefined): ResourceQOS {
  if (raw === null || raw === undefined) return DISABLED_RESOURCE_QOS;
  const cpu = raw.cpuQOS;
  const rc = raw.resctrlQOS;
  const cpuQOS: { -readonly [K in keyof CPUQOSConfig]: CPUQOSConfig[K] } = { enable: cpu?.enable ?? false };
  if (cpu?.groupIdentity != null) cpuQOS.groupIdentity = cpu.groupIdentity;
  const resctrlQOS: { -readonly [K in keyof ResctrlQOSConfig]: ResctrlQOSConfig[K] } = { enable: rc?.enable ?? false };
  if (rc?.catRangeStartPercent != null) resctrlQOS.catRangeStartPercent = rc.catRangeStartPercent;
  if (rc?.catRangeEndPercent != null) resctrlQOS.catRangeEndPercent = rc.catRangeEndPercent;
  if (rc?.mbaPercent != null) resctrlQOS.mbaPercent = rc.mbaPercent;
  return { cpuQOS, memoryQOS: { enable: raw.memoryQOS?.enable ?? false }, resctrlQOS };
}

function resolveQOS(raw: RawQOS): ResourceQOSStrategy {
  return {
    lsrClass: resolveResourceQOS(raw.lsrClass),
    lsClass: resolveResourceQOS(raw.lsClass),
    beClass: resolveResourceQOS(raw.beClass),
    systemClass: resolveResourceQOS(raw.systemClass),
    cgroupRoot: resolveResourceQOS(raw.cgroupRoot),
  };
}

function mergeQOS(base: RawQOS, over: RawQOS): RawQOS {
  // Class by class: a class named in the node entry replaces the cluster's (shallow merge, as upstream's
  // JSON merge of the node strategy over the cluster strategy does at the top level of each class).
  const out: RawQOS = { ...base };
  for (const k of qosClassKeys) {
    const v = over[k];
    if (v !== null && v !== undefined) out[k] = { ...(base[k] ?? {}), ...pickDefined(v) };
  }
  return out;
}

function pickDefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(o) as (keyof T)[]) {
    const v = o[k];
    if (v !== null && v !== undefined) out[k] = v;
  }
  return out;
}

function profileOf(raw: RawProfile): { name?: string; nodeSelector?: LabelSelector } {
  const out: { name?: string; nodeSelector?: LabelSelector } = {};
  if (raw.name != null) out.name = raw.name;
  const sel = raw.nodeSelector;
  if (sel != null) {
    const selector: { -readonly [K in keyof LabelSelector]: LabelSelector[K] } = {};
    if (sel.matchLabels != null) selector.matchLabels = sel.matchLabels;
    if (sel.matchExpressions != null) {
      selector.matchExpressions = sel.matchExpressions.map((e) =>
        e.values != null
          ? { key: e.key, operator: e.operator, values: e.values }
          : { key: e.key, operator: e.operator },
      );
    }
    out.nodeSelector = selector;
  }
  return out;
}

function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

/** JSON-parses one data key; `undefined` when the key is absent or blank (= built-in defaults upstream). */
function parseJson(data: Readonly<Record<string, string>>, key: string, issues: SloConfigIssue[]): unknown {
  const text = data[key];
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    issues.push({ path: [key], message: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` });
    return undefined;
  }
}

function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  key: string,
  issues: SloConfigIssue[],
): z.infer<S> | undefined {
  if (value === undefined || value === null) return undefined;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const i of r.error.issues) issues.push({ path: [key, ...toPath(i.path)], message: i.message });
  return undefined;
}

/**
 * Parses the `data` of the Koordinator SLO ConfigMap (`ack-slo-config` / `slo-controller-config`):
 * `colocation-config`, `resource-threshold-config` and `resource-qos-config`, each optional JSON. Absent
 * keys, blank values and absent fields take Koordinator's defaults (so `{"enable": true}` alone means
 * "enabled, defaults otherwise"); node-level entries are merged over the cluster strategy. Bad JSON, wrong
 * types, out-of-range integers and unknown enum values are reported with the data key and field path, e.g.
 * `['colocation-config', 'cpuReclaimThresholdPercent']`. Other keys are ignored.
 * koordinator: pkg/slo-controller/config/colocation_cm_event_handler.go (empty ⇒ defaults, node merge)
 */
export function parseSloConfigData(data: Readonly<Record<string, string>>): SloConfigParseResult {
  const issues: SloConfigIssue[] = [];
  const cKey = SLO_CONFIG_KEYS.colocation;
  const tKey = SLO_CONFIG_KEYS.resourceThreshold;
  const qKey = SLO_CONFIG_KEYS.resourceQOS;

  const rawC = validate(colocationConfigSchema, parseJson(data, cKey, issues), cKey, issues) ?? {};
  const rawT = validate(thresholdConfigSchema, parseJson(data, tKey, issues), tKey, issues) ?? {};
  const rawQ = validate(qosConfigSchema, parseJson(data, qKey, issues), qKey, issues) ?? {};
  if (issues.length > 0) return { ok: false, issues };

  const clusterC = pickFields(rawC as RawColocation, COLOCATION_FIELDS as readonly (keyof RawColocation)[]);
  const colocation = resolveColocation(clusterC);
  // An entry without `matchLabels` is invalid upstream and replaced by the cluster strategy (it still matches
  // by its expressions, and still wins as the first match).
  const colocationNodes = (rawC.nodeConfigs ?? []).map((n) => ({
    ...profileOf(n),
    strategy:
      n.nodeSelector?.matchLabels == null
        ? colocation
        : resolveColocation(mergeSet(clusterC, n as RawColocation, COLOCATION_FIELDS)),
  }));

  const clusterT: RawThreshold = rawT.clusterStrategy ?? {};
  const resourceThreshold = resolveThreshold(clusterT, [tKey, 'clusterStrategy'], issues);
  const thresholdNodes = (rawT.nodeStrategies ?? []).map((n, i) => ({
    ...profileOf(n),
    strategy: resolveThreshold(
      mergeSet(clusterT, n as RawThreshold, THRESHOLD_FIELDS),
      [tKey, 'nodeStrategies', i],
      issues,
    ),
  }));

  const clusterQ: RawQOS = rawQ.clusterStrategy ?? {};
  const resourceQOS = resolveQOS(clusterQ);
  const qosNodes = (rawQ.nodeStrategies ?? []).map((n) => ({
    ...profileOf(n),
    strategy: resolveQOS(mergeQOS(clusterQ, n)),
  }));
  if (issues.length > 0) return { ok: false, issues };

  return {
    ok: true,
    config: {
      colocation,
      resourceThreshold,
      resourceQOS,
      nodeConfigs: { colocation: colocationNodes, resourceThreshold: thresholdNodes, resourceQOS: qosNodes },
    },
  };
}

/**
 * `base` with the fields of a JSON ColocationStrategy (the `node.koordinator.sh/colocation-strategy` node
 * annotation) merged over it; `undefined` when the JSON does not parse or does not validate (upstream
 * ignores an illegal annotation). Used when resolving the strategy of one node.
 * koordinator: pkg/util/sloconfig/colocation_config.go (UpdateColocationStrategyForNode)
 */
export function mergeColocationStrategyJson(base: ColocationStrategy, json: string): ColocationStrategy | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
  const r = z.object(colocationShape).safeParse(value);
  if (!r.success) return undefined;
  return resolveColocation(mergeSet(base as unknown as RawColocation, r.data as RawColocation, COLOCATION_FIELDS));
}
