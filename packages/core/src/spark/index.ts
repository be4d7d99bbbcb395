export type {
  SparkApplication,
  SparkDynamicAllocation,
  SparkExecutorSpec,
  SparkPodSpec,
  SparkPodTemplate,
  SparkRestartPolicy,
} from './SparkApplication.js';
export { KOORDINATOR_COLOCATION_ANNOTATION } from './SparkApplication.js';
