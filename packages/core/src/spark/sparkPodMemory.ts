import { MEBIBYTE } from '../quantity/index.js';
import type { SparkApplication } from './SparkApplication.js';
import { type ConfRead, confPath, confText, positiveFactor, type SparkPodsIssue, sparkMiB } from './sparkConf.js';

/** A Spark pod role: the driver or an executor. */
export type SparkRole = 'driver' | 'executor';

/** Spark's floor for the memory overhead, in MiB (`MEMORY_OVERHEAD_MIN_MIB`). */
export const MIN_MEMORY_OVERHEAD_MIB = 384;

/** Overhead factor of JVM (Java/Scala) applications. */
export const JVM_MEMORY_OVERHEAD_FACTOR = 0.1;

/** Overhead factor of Python and R applications, whose interpreter lives outside the JVM heap. */
export const NON_JVM_MEMORY_OVERHEAD_FACTOR = 0.4;

/** How a Spark pod's memory request is made up, in whole MiB as Spark computes it. */
export interface SparkPodMemory {
  /** The JVM heap, `spark.<role>.memory`. */
  readonly heapMiB: number;
  /** The overhead: explicit `memoryOverhead`, else `max(trunc(factor × heap), 384)`. */
  readonly overheadMiB: number;
  /** `spark.executor.pyspark.memory` of a Python executor; 0 otherwise. */
  readonly pysparkMiB: number;
  /** The pod's memory request and limit in bytes: the sum of the above. */
  readonly totalBytes: number;
}

/** The memory of one Spark pod, or the settings that make it uncomputable. */
export type SparkPodMemoryResult =
  | {
      /** The memory could be computed. */
      readonly ok: true;
      /** Its parts and total. */
      readonly memory: SparkPodMemory;
    }
  | {
      /** A size or factor does not parse. */
      readonly ok: false;
      /** Every such problem, with its path in the manifest. */
      readonly issues: readonly SparkPodsIssue[];
    };

/**
 * The memory request (= limit) Spark gives a driver or executor pod: heap + overhead (+ PySpark memory for
 * Python executors), computed in whole MiB as Spark's `BasicDriverFeatureStep` / `BasicExecutorFeatureStep` do.
 *
 * - heap: `spec.<role>.memory`, else `spark.<role>.memory`, else `1g`.
 * - overhead: `spec.<role>.memoryOverhead`, else `spark.<role>.memoryOverhead`; else
 *   `max(trunc(factor × heapMiB), minMiB)` in double arithmetic like Spark's `(factor * mem).toLong`, where
 *   factor is `spark.<role>.memoryOverheadFactor`, else `spec.memoryOverheadFactor`, else
 *   `spark.kubernetes.memoryOverheadFactor`, else 0.1 (Java/Scala) or 0.4 (Python/R); minMiB is
 *   `spark.<role>.minMemoryOverhead` (Spark 4.0+) else 384.
 *
 * Off-heap memory (`spark.memory.offHeap.size`) is not added.
 *
 * @example 1g executor → 1024 + 384 = 1408 MiB; 4096m driver → 4096 + 409 = 4505 MiB.
 */
export function sparkPodMemory(app: SparkApplication, role: SparkRole): SparkPodMemoryResult {
  const spec = role === 'driver' ? app.driver : app.executor;
  const issues: SparkPodsIssue[] = [];
  const take = <T>(read: ConfRead<T>): T | undefined => {
    if (read.issue !== undefined) issues.push(read.issue);
    return read.value;
  };
  const fromSpecOrConf = (field: 'memory' | 'memoryOverhead', key: string): ConfRead<number> | undefined => {
    const specValue = spec[field];
    if (specValue !== undefined) return sparkMiB(specValue, ['spec', role, field]);
    const conf = confText(app, key);
    return conf === undefined ? undefined : sparkMiB(conf, confPath(key));
  };

  const heapMiB = take(fromSpecOrConf('memory', `spark.${role}.memory`) ?? { value: 1024 });
  const explicit = fromSpecOrConf('memoryOverhead', `spark.${role}.memoryOverhead`);
  let overheadMiB: number | undefined;
  if (explicit !== undefined) {
    overheadMiB = take(explicit);
  } else {
    const roleFactor = confText(app, `spark.${role}.memoryOverheadFactor`);
    const k8sFactor = confText(app, 'spark.kubernetes.memoryOverheadFactor');
    const nonJvm = app.type === 'Python' || app.type === 'R';
    const factor =
      roleFactor !== undefined
        ? take(positiveFactor(roleFactor, confPath(`spark.${role}.memoryOverheadFactor`)))
        : app.memoryOverheadFactor !== undefined
          ? take(positiveFactor(app.memoryOverheadFactor, ['spec', 'memoryOverheadFactor']))
          : k8sFactor !== undefined
            ? take(positiveFactor(k8sFactor, confPath('spark.kubernetes.memoryOverheadFactor')))
            : nonJvm
              ? NON_JVM_MEMORY_OVERHEAD_FACTOR
              : JVM_MEMORY_OVERHEAD_FACTOR;
    const minKey = `spark.${role}.minMemoryOverhead`;
    const minText = confText(app, minKey);
    const minMiB = minText === undefined ? MIN_MEMORY_OVERHEAD_MIB : take(sparkMiB(minText, confPath(minKey)));
    if (factor !== undefined && heapMiB !== undefined && minMiB !== undefined) {
      overheadMiB = Math.max(Math.trunc(factor * heapMiB), minMiB);
    }
  }
  let pysparkMiB: number | undefined = 0;
  const pysparkKey = 'spark.executor.pyspark.memory';
  const pyspark = confText(app, pysparkKey);
  if (role === 'executor' && app.type === 'Python' && pyspark !== undefined) {
    pysparkMiB = take(sparkMiB(pyspark, confPath(pysparkKey)));
  }
  if (issues.length > 0 || heapMiB === undefined || overheadMiB === undefined || pysparkMiB === undefined) {
    return { ok: false, issues };
  }
  const totalBytes = (heapMiB + overheadMiB + pysparkMiB) * MEBIBYTE;
  if (!Number.isSafeInteger(totalBytes)) {
    return {
      ok: false,
      issues: [{ path: ['spec', role, 'memory'], message: 'the pod memory is too large to hold exactly' }],
    };
  }
  return { ok: true, memory: { heapMiB, overheadMiB, pysparkMiB, totalBytes } };
}
