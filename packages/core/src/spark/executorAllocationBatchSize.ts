import type { SparkApplication } from './SparkApplication.js';
import { confInt } from './sparkConf.js';

/**
 * Spark's default `spark.kubernetes.allocation.batch.size` for a Spark version: 5 up to 3.5, 10 in 4.0
 * and 4.1 (apache/spark#49681), 20 from 4.2 (SPARK-54422). A version that does not start with
 * `<major>.<minor>` gets 5, the long-standing default.
 */
export function defaultExecutorAllocationBatchSize(sparkVersion: string): number {
  const m = /^v?(\d+)\.(\d+)/.exec(sparkVersion.trim());
  if (m === null) return 5;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major < 4) return 5;
  if (major === 4 && minor < 2) return 10;
  return 20;
}

/**
 * How many executor pods the Spark driver asks for per allocation round (`spark.kubernetes.allocation.batch.size`):
 * the `sparkConf` value when it is a positive integer, else the default of the app's `sparkVersion`
 * ({@link defaultExecutorAllocationBatchSize}). Rounds are `spark.kubernetes.allocation.batch.delay` (1 s) apart.
 */
export function executorAllocationBatchSize(app: SparkApplication): number {
  return (
    confInt(app, 'spark.kubernetes.allocation.batch.size', 1).value ??
    defaultExecutorAllocationBatchSize(app.sparkVersion)
  );
}
