import type { SparkApplication } from './SparkApplication.js';
import { confInt, confText } from './sparkConf.js';

/** Whether dynamic allocation is on: `spec.dynamicAllocation.enabled`, else `spark.dynamicAllocation.enabled`. */
export function dynamicAllocationEnabled(app: SparkApplication): boolean {
  if (app.dynamicAllocation !== undefined) return app.dynamicAllocation.enabled;
  return confText(app, 'spark.dynamicAllocation.enabled')?.toLowerCase() === 'true';
}

/**
 * The number of executors the driver requests at start. Without dynamic allocation:
 * `spec.executor.instances`, else `spark.executor.instances`, else 1 (the operator webhook's default).
 * With dynamic allocation: the largest of `instances`, `initialExecutors` and `minExecutors` (each from the
 * spec, else from `sparkConf`), as the operator's `GetInitialExecutorNumber` and Spark compute it; 0 when
 * none is set. Unparseable `sparkConf` values are ignored here ({@link sparkPods} reports them).
 */
export function initialExecutorCount(app: SparkApplication): number {
  const instances = app.executor.instances ?? confInt(app, 'spark.executor.instances', 0).value;
  if (!dynamicAllocationEnabled(app)) return instances ?? 1;
  const da = app.dynamicAllocation;
  const initial = da?.initialExecutors ?? confInt(app, 'spark.dynamicAllocation.initialExecutors', 0).value;
  const min = da?.minExecutors ?? confInt(app, 'spark.dynamicAllocation.minExecutors', 0).value;
  return Math.max(instances ?? 0, initial ?? 0, min ?? 0);
}
