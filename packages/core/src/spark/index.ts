export type {
  ExecutorAllocationPlanOptions,
  ExecutorAllocationSettings,
  ExecutorBatch,
  ExecutorPodCounts,
} from './executorAllocation.js';
export {
  DEFAULT_ALLOCATION_BATCH_DELAY_MS,
  DEFAULT_DRIVER_READINESS_TIMEOUT_MS,
  DEFAULT_EXECUTOR_POD_CREATION_TIMEOUT_MS,
  DEFAULT_MAX_PENDING_PODS,
  executorAllocationPlan,
  executorAllocationSettings,
  executorsToRequest,
  sparkExecutorAllocationPlan,
} from './executorAllocation.js';
export { defaultExecutorAllocationBatchSize, executorAllocationBatchSize } from './executorAllocationBatchSize.js';
export { dynamicAllocationEnabled, initialExecutorCount } from './initialExecutorCount.js';
export { isKoordinatorColocated } from './koordinatorColocation.js';
export type { SparkLifecycleConfig, SparkLifecycleTransition } from './lifecycle.js';
export {
  DEFAULT_DRIVER_POD_CREATION_GRACE_PERIOD_MS,
  replaySparkLifecycle,
  sparkLifecycleConfig,
  transitionSparkLifecycle,
} from './lifecycle.js';
export type { SparkLifecycleAction } from './lifecycleAction.js';
export type { SparkLifecycleEvent, SparkLifecycleEventType } from './lifecycleEvent.js';
export type { SparkApplicationState, SparkLifecycle } from './lifecycleState.js';
export { createSparkLifecycle, isTerminalSparkState, SPARK_APPLICATION_STATES } from './lifecycleState.js';
export type { ResolvedRestartPolicy, RetryCounters } from './restartPolicy.js';
export { DEFAULT_RETRY_INTERVAL_MS, resolveRestartPolicy, retryDueAtMs, shouldRetry } from './restartPolicy.js';
export type {
  SparkApplication,
  SparkDynamicAllocation,
  SparkExecutorSpec,
  SparkPodSpec,
  SparkPodTemplate,
  SparkRestartPolicy,
} from './SparkApplication.js';
export { KOORDINATOR_COLOCATION_ANNOTATION } from './SparkApplication.js';
export type { SparkPodsIssue } from './sparkConf.js';
export type { SparkPodMemory, SparkPodMemoryResult, SparkRole } from './sparkPodMemory.js';
export {
  JVM_MEMORY_OVERHEAD_FACTOR,
  MIN_MEMORY_OVERHEAD_MIB,
  NON_JVM_MEMORY_OVERHEAD_FACTOR,
  sparkPodMemory,
} from './sparkPodMemory.js';
export type { SparkPods, SparkPodsResult, SparkRolePod } from './sparkPods.js';
export { sparkPods } from './sparkPods.js';
