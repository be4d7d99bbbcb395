import { parseNumericField } from '../load/parseField.js';
import { ioErrorMessage, readLines } from '../load/readLines.js';
import type { TraceIssue, TraceLoadResult } from '../load/traceIssue.js';
import { DEFAULT_MAX_TRACE_ISSUES } from '../load/traceIssue.js';
import type { PodShape, SparkJob } from './SparkJob.js';

/**
 * Columns of Alibaba cluster-trace-v2017 `batch_task.csv`, in file order (v2017 `schema.csv`; see
 * shared/traces/alibaba-cluster-trace-v2017-batch-task/SOURCE.md). The published file has no header; the
 * copy in shared/traces has one, which is skipped.
 */
export const BATCH_TASK_COLUMNS = Object.freeze([
  'task_create_time',
  'task_end_time',
  'job_id',
  'task_id',
  'number_of_instances',
  'status',
  'plan_cpu',
  'plan_mem',
] as const);

/** One row of `batch_task`. */
export interface BatchTask {
  /** 1-based line of the row in its file. */
  readonly line: number;
  /** Task creation time, seconds from the trace start (0 or negative: before the window). */
  readonly createS: number;
  /** Task end (or last modification) time, seconds. */
  readonly endS: number;
  /** `job_id`. */
  readonly jobId: number;
  /** `task_id`. */
  readonly taskId: number;
  /** Number of instances (parallel copies) of the task. */
  readonly instances: number;
  /** `Terminated`, `Waiting`, `Running`, `Failed`, … */
  readonly status: string;
  /** CPU per instance, 100 = one core; absent when the field is empty. */
  readonly planCpu?: number;
  /** Memory per instance, normalised to a machine's memory (0–1); absent when empty. */
  readonly planMem?: number;
}

/**
 * Reads a v2017 `batch_task` CSV. Empty `plan_cpu` / `plan_mem` fields are kept as absent (the mapping
 * fills them); a short row, a non-number, a negative instance count or CPU, or a memory outside 0–1 is an
 * issue with file, line and column name.
 */
export async function loadBatchTasks(
  path: string,
  options: { readonly maxIssues?: number } = {},
): Promise<TraceLoadResult<readonly BatchTask[]>> {
  const maxIssues = options.maxIssues ?? DEFAULT_MAX_TRACE_ISSUES;
  const issues: TraceIssue[] = [];
  const tasks: BatchTask[] = [];
  try {
    for await (const { text, line } of readLines(path)) {
      if (issues.length >= maxIssues) break;
      if (text.trim() === '') continue;
      const f = text.split(',').map((x) => x.trim());
      if (line === 1 && Number.isNaN(parseNumericField(f[0]) ?? Number.NaN)) continue; // header
      if (f.length < BATCH_TASK_COLUMNS.length) {
        issues.push({ file: path, line, message: `expected ${BATCH_TASK_COLUMNS.length} fields, found ${f.length}` });
        continue;
      }
      const nums: number[] = [];
      let bad = false;
      for (const i of [0, 1, 2, 3, 4]) {
        const v = parseNumericField(f[i]);
        if (v === undefined || Number.isNaN(v) || (i >= 2 && (!Number.isSafeInteger(v) || v < 0))) {
          issues.push({ file: path, line, column: BATCH_TASK_COLUMNS[i]!, message: `"${f[i]}" is not a valid number` });
          bad = true;
          break;
        }
        nums.push(v);
      }
      if (bad) continue;
      const planCpu = parseNumericField(f[6]);
      const planMem = parseNumericField(f[7]);
      if (planCpu !== undefined && !(planCpu >= 0)) {
        issues.push({ file: path, line, column: 'plan_cpu', message: `"${f[6]}" is not a CPU amount ≥ 0` });
        continue;
      }
      if (planMem !== undefined && !(planMem >= 0 && planMem <= 1)) {
        issues.push({ file: path, line, column: 'plan_mem', message: `"${f[7]}" is not a normalised memory in 0–1` });
        continue;
      }
      tasks.push({
        line,
        createS: nums[0]!,
        endS: nums[1]!,
        jobId: nums[2]!,
        taskId: nums[3]!,
        instances: nums[4]!,
        status: f[5]!,
        ...(planCpu === undefined ? {} : { planCpu }),
        ...(planMem === undefined ? {} : { planMem }),
      });
    }
  } catch (error) {
    return { ok: false, issues: [{ file: path, line: 0, message: ioErrorMessage(error) }] };
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: tasks, rows: tasks.length, skippedRows: 0 };
}

/** How batch tasks become Spark jobs; every default is stated here. */
export interface BatchTaskMapping {
  /** Workload name, prefix of the job ids (default `alibaba-v2017`). */
  readonly workload?: string;
  /** One job per task (default) or per trace job (its tasks merged). */
  readonly groupBy?: 'task' | 'job';
  /** Executor count cap (default 100, as the scenario schema's `maxExecutors`). */
  readonly maxExecutors?: number;
  /** Statuses replayed (default `Terminated` only: other rows' end time is a modification time). */
  readonly statuses?: readonly string[];
  /** Trace time at simulation time 0, in ms (default 0); tasks created earlier are dropped. */
  readonly timeOffsetMs?: number;
  /** Stop after this many jobs, in submission order. */
  readonly maxApplications?: number;
  /**
   * Memory of one trace machine, bytes, to undo the normalisation of `plan_mem` (default 256 GiB — an
   * assumption: the v2017 trace publishes only normalised memory for its 64-core machines).
   */
  readonly machineMemoryBytes?: number;
  /** Executor shape when `plan_cpu` / `plan_mem` is empty (default 1 core, 1408 MiB = Spark's 1g + 384 MiB). */
  readonly fallbackExecutor?: PodShape;
  /** Driver requests of every job (default 1 core, 1408 MiB: Spark's defaults). */
  readonly driver?: PodShape;
  /** Shortest task duration, ms (default 1000): zero or negative trace durations become this. */
  readonly minDurationMs?: number;
}

const MIB = 1024 * 1024;
const SPARK_DEFAULT_POD: PodShape = { cpuMilli: 1000, memoryBytes: 1408 * MIB };

/**
 * Maps `batch_task` rows onto Spark jobs:
 *
 * - submit time = `task_create_time × 1000 − timeOffsetMs`;
 * - executors = `min(number_of_instances, maxExecutors)`;
 * - per-executor CPU = `plan_cpu × 10` millicores (100 = one core), memory = `plan_mem ×
 *   machineMemoryBytes`, or the fallback shape when empty;
 * - work = duration × instances × per-instance CPU, with duration = `task_end_time − task_create_time`:
 *   the task's total core-time, kept whole when the executor count is capped (a capped job runs longer).
 *
 * With `groupBy: 'job'` the tasks of one trace job become one application: submitted with its first task,
 * executors from its widest task, the largest per-executor CPU and memory, and the summed work. Rows with
 * zero instances are ignored. The result is sorted by submit time, then job and task id.
 */
export function batchTasksToJobs(tasks: readonly BatchTask[], mapping: BatchTaskMapping = {}): SparkJob[] {
  const workload = mapping.workload ?? 'alibaba-v2017';
  const cap = mapping.maxExecutors ?? 100;
  const statuses = new Set(mapping.statuses ?? ['Terminated']);
  const offset = mapping.timeOffsetMs ?? 0;
  const machineMemory = mapping.machineMemoryBytes ?? 256 * 1024 * MIB;
  const fallback = mapping.fallbackExecutor ?? SPARK_DEFAULT_POD;
  const driver = mapping.driver ?? SPARK_DEFAULT_POD;
  const minDuration = mapping.minDurationMs ?? 1000;

  interface Mapped {
    readonly key: string;
    readonly jobId: number;
    readonly taskId: number;
    submitMs: number;
    instances: number;
    cpuMilli: number;
    memoryBytes: number;
    work: number;
  }
  const mapped: Mapped[] = [];
  const byJob = new Map<number, Mapped>();
  for (const t of tasks) {
    if (!statuses.has(t.status) || t.instances < 1) continue;
    const submitMs = Math.round(t.createS * 1000) - offset;
    if (submitMs < 0) continue;
    const cpuMilli = t.planCpu === undefined ? fallback.cpuMilli : Math.max(1, Math.round(t.planCpu * 10));
    const memoryBytes =
      t.planMem === undefined ? fallback.memoryBytes : Math.max(MIB, Math.round(t.planMem * machineMemory));
    const durationMs = Math.max(minDuration, Math.round((t.endS - t.createS) * 1000));
    const work = Math.min(Number.MAX_SAFE_INTEGER, durationMs * cpuMilli * t.instances);
    if (mapping.groupBy === 'job') {
      const j = byJob.get(t.jobId);
      if (j === undefined) {
        const m: Mapped = {
          key: `j${t.jobId}`,
          jobId: t.jobId,
          taskId: 0,
          submitMs,
          instances: t.instances,
          cpuMilli,
          memoryBytes,
          work,
        };
        byJob.set(t.jobId, m);
        mapped.push(m);
      } else {
        j.submitMs = Math.min(j.submitMs, submitMs);
        j.instances = Math.max(j.instances, t.instances);
        j.cpuMilli = Math.max(j.cpuMilli, cpuMilli);
        j.memoryBytes = Math.max(j.memoryBytes, memoryBytes);
        j.work = Math.min(Number.MAX_SAFE_INTEGER, j.work + work);
      }
    } else {
      mapped.push({
        key: `j${t.jobId}-t${t.taskId}`,
        jobId: t.jobId,
        taskId: t.taskId,
        submitMs,
        instances: t.instances,
        cpuMilli,
        memoryBytes,
        work,
      });
    }
  }
  mapped.sort((a, b) => a.submitMs - b.submitMs || a.jobId - b.jobId || a.taskId - b.taskId);
  const limit = mapping.maxApplications ?? mapped.length;
  return mapped.slice(0, limit).map((m) => ({
    id: `${workload}-${m.key}`,
    workload,
    submitMs: m.submitMs,
    driver,
    executor: { cpuMilli: m.cpuMilli, memoryBytes: m.memoryBytes },
    executors: Math.min(m.instances, cap),
    workMilliCoreMs: Math.max(1, m.work),
  }));
}
