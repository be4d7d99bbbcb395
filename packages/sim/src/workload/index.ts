export type { ArrivalWindow } from './arrivalWindow.js';
export type { BatchTask, BatchTaskMapping } from './batchTaskTrace.js';
export { BATCH_TASK_COLUMNS, batchTasksToJobs, loadBatchTasks } from './batchTaskTrace.js';
export type { BatchPoissonParams, MmppParams } from './burstyArrivals.js';
export { batchPoissonArrivals, mmppArrivals } from './burstyArrivals.js';
export type { Distribution } from './distribution.js';
export { distributionMean, distributionSampler } from './distribution.js';
export { fixedArrivals } from './fixedArrivals.js';
export type { JobSpec } from './generateJobs.js';
export { generateJobs, podShapeSampler } from './generateJobs.js';
export { poissonArrivals } from './poissonArrivals.js';
export type { EvictionLossModel, ExecutorContribution, ExecutorCpu, JobProgress } from './runTimeModel.js';
export {
  advanceJobProgress,
  completionTimeMs,
  divideCpuCeiling,
  evictionLoss,
  executorRateMilli,
  jobRateMilli,
  removeExecutor,
  setExecutorRate,
  startJobProgress,
  timeToCompleteMs,
} from './runTimeModel.js';
export type { PodShape, SparkJob } from './SparkJob.js';
export { applicationForJob, coreSecondsToWork, MILLICORE_MS_PER_CORE_SECOND, podShapeOf } from './SparkJob.js';
