// The colocation face: Koordinator's SLO ConfigMap, pod classes, batch resources and koordlet QoS.
export type {
  BatchDegradeReason,
  BatchResourceColumns,
  BatchResources,
  BatchResourcesDegraded,
  BatchResourcesResult,
  BatchResourceTerms,
} from './batchResources.js';
export {
  batchDegradeReason,
  batchResourceTerms,
  batchResourceValue,
  batchResourceValues,
  CALCULATE_POLICY_CODES,
  computeBatchResources,
  percentPortion,
  reservePortion,
} from './batchResources.js';
export type {
  BeCpuEvictionDecision,
  BeCpuEvictionInput,
  BeCpuEvictionOutcome,
  BeCpuSample,
  BeCpuWindowAverage,
} from './beCpuEviction.js';
export {
  BE_SATISFACTION_LOWER_PERCENT_MAX,
  BE_SATISFACTION_UPPER_PERCENT_LIMIT,
  BE_SMALL_LIMIT_MILLI,
  beCpuEviction,
  MIN_ALLOCATABLE_BATCH_MILLI,
} from './beCpuEviction.js';
export type { BeCpuSuppressDecision, BeCpuSuppressInput, BeCpuSuppressState } from './beCpuSuppress.js';
export {
  BE_MAX_INCREASE_CPU_RATIO,
  BE_MIN_CFS_QUOTA_MICROS,
  BE_MIN_CPUSET_CORES,
  BE_QUOTA_BYPASS_DELTA_RATIO,
  beCpuCeiling,
  CFS_PERIOD_MICROS,
  CFS_QUOTA_UNLIMITED,
} from './beCpuSuppress.js';
export type { BeMemoryEvictionDecision, BeMemoryEvictionInput, BeMemoryEvictionOutcome } from './beMemoryEviction.js';
export { beMemoryEviction } from './beMemoryEviction.js';
export type {
  KoordPriorityClass,
  KoordQoSClass,
  KubernetesQoSClass,
  PodClassification,
  PriorityRange,
} from './classifyPod.js';
export {
  classifyPod,
  isHighPriorityClassForBatch,
  isHighPriorityForBatch,
  KOORD_PRIORITY_RANGES,
  kubernetesQoSClass,
  LABEL_POD_PRIORITY,
  LABEL_POD_PRIORITY_CLASS,
  LABEL_POD_QOS,
  podPriorityClass,
  podQoSClass,
  priorityClassForQoS,
  priorityClassOfValue,
  QOS_CLASS_FOR_GUARANTEED,
  qosClassFromLabel,
} from './classifyPod.js';
export type { EvictionFeature, EvictionVictim } from './eviction.js';
export {
  ANNOTATION_POD_EVICTION_POLICY,
  CPU_EVICT_COOL_TIME_MS,
  DEFAULT_COLLECT_INTERVAL_SECONDS,
  isCoolingDown,
  isEvictionPolicyAllowed,
  MEMORY_EVICT_COOL_TIME_MS,
} from './eviction.js';
export type { HostApplicationMetric, NodeMetric, NodeUsageSample, PodMetric, ResourceUsage } from './nodeMetric.js';
export { podMetricKey, podUsageByKey } from './nodeMetric.js';
export {
  ANNOTATION_NODE_RESERVATION,
  annotationReserved,
  cpusetSize,
  kubeletReserved,
  nodeReserved,
} from './nodeReservation.js';
export {
  ANNOTATION_NODE_COLOCATION_STRATEGY,
  applyNodeColocationOverrides,
  colocationStrategyForNode,
  LABEL_CPU_RECLAIM_RATIO,
  LABEL_MEMORY_RECLAIM_RATIO,
  reclaimPercentFromRatio,
  resourceThresholdStrategyForNode,
} from './nodeStrategy.js';
export type {
  BatchPublishColumns,
  BatchPublishDecision,
  BatchPublishReason,
  PublishedBatchResources,
} from './publishRule.js';
export {
  batchPublishNeeded,
  batchPublishReason,
  decideBatchPublish,
  isQuantityDiff,
  shouldPublishBatchResources,
} from './publishRule.js';
export type {
  CalculatePolicy,
  ColocationStrategy,
  CPUQOSConfig,
  CpuEvictPolicy,
  CpuSuppressPolicy,
  MemoryQOSConfig,
  MetricAggregatePolicy,
  MidReclaimMode,
  NodeMemoryCollectPolicy,
  NodeStrategyOverride,
  ResctrlQOSConfig,
  ResourceQOS,
  ResourceQOSStrategy,
  ResourceThresholdStrategy,
  SloConfig,
  SloConfigIssue,
  SloConfigParseResult,
} from './sloConfig.js';
export {
  DEFAULT_COLOCATION_STRATEGY,
  DEFAULT_CPU_EVICT_BE_USAGE_THRESHOLD_PERCENT,
  DEFAULT_EVICT_LOWER_PERCENT_GAP,
  DEFAULT_RESOURCE_QOS_STRATEGY,
  DEFAULT_RESOURCE_THRESHOLD_STRATEGY,
  DEFAULT_SLO_CONFIG,
  mergeColocationStrategyJson,
  parseSloConfigData,
  SLO_CONFIG_KEYS,
} from './sloConfig.js';
