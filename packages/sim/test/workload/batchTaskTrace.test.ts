import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTraceIssue } from '../../src/load/traceIssue.js';
import { batchTasksToJobs, loadBatchTasks } from '../../src/workload/batchTaskTrace.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gleaner-workload-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const MIB = 1024 ** 2;

describe('loadBatchTasks + batchTasksToJobs (Alibaba v2017 batch_task)', () => {
  it('maps tasks to jobs: executors capped, cores from plan_cpu, memory from plan_mem, work = duration × instances × cores', async () => {
    const path = join(dir, 'batch_task.csv');
    await writeFile(
      path,
      [
        'task_create_time, task_end_time, job_id, task_id,number_of_instances, status, cpus, mem',
        '6459,6524,3,4,150,Terminated,50,0.0078125',
        '6457,6533,3,5,1,Terminated,100,',
        '100,90,4,1,2,Terminated,,0.5', // end before create: minimum duration
        '-5,10,5,1,3,Terminated,50,0.1', // before the window
        '200,300,6,1,4,Running,50,0.1', // not Terminated
        '',
      ].join('\r\n'),
    );
    const loaded = await loadBatchTasks(path);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value).toHaveLength(5);
    const jobs = batchTasksToJobs(loaded.value, { maxExecutors: 100 });
    expect(jobs.map((j) => j.id)).toEqual(['alibaba-v2017-j4-t1', 'alibaba-v2017-j3-t5', 'alibaba-v2017-j3-t4']);
    const [j4, j3t5, j3t4] = jobs;
    // empty plan_cpu → 1 core fallback; 0.5 of a 256 GiB machine; 1 s minimum duration × 2 instances × 1000 m
    expect(j4).toMatchObject({
      submitMs: 100_000,
      executors: 2,
      executor: { cpuMilli: 1_000, memoryBytes: 128 * 1024 * MIB },
    });
    expect(j4!.workMilliCoreMs).toBe(1_000 * 2 * 1_000);
    // empty plan_mem → 1408 MiB fallback
    expect(j3t5!.executor).toEqual({ cpuMilli: 1_000, memoryBytes: 1_408 * MIB });
    // 150 instances of half a core for 65 s, capped at 100 executors: work keeps all 150
    expect(j3t4).toMatchObject({
      submitMs: 6_459_000,
      executors: 100,
      executor: { cpuMilli: 500, memoryBytes: 2 * 1024 * MIB },
      workMilliCoreMs: 65_000 * 150 * 500,
    });
    expect(j3t4!.driver).toEqual({ cpuMilli: 1_000, memoryBytes: 1_408 * MIB });
  });

  it('merges a trace job’s tasks with groupBy job, and honours offset, statuses and maxApplications', async () => {
    const path = join(dir, 'jobs.csv');
    await writeFile(
      path,
      ['10,20,7,1,4,Terminated,50,0.01', '12,42,7,2,8,Terminated,100,0.02', '50,60,8,1,1,Failed,100,0.01'].join('\n'),
    );
    const loaded = await loadBatchTasks(path);
    if (!loaded.ok) throw new Error('load failed');
    const [job] = batchTasksToJobs(loaded.value, { groupBy: 'job', workload: 'w' });
    expect(job).toMatchObject({ id: 'w-j7', submitMs: 10_000, executors: 8, executor: { cpuMilli: 1_000 } });
    expect(job!.workMilliCoreMs).toBe(10_000 * 4 * 500 + 30_000 * 8 * 1_000);
    const all = batchTasksToJobs(loaded.value, { statuses: ['Terminated', 'Failed'], timeOffsetMs: 11_000 });
    expect(all.map((j) => [j.id, j.submitMs])).toEqual([
      ['alibaba-v2017-j7-t2', 1_000],
      ['alibaba-v2017-j8-t1', 39_000],
    ]);
    expect(batchTasksToJobs(loaded.value, { maxApplications: 1 })).toHaveLength(1);
  });

  it('reports malformed rows with file, line and column name', async () => {
    const path = join(dir, 'bad.csv');
    await writeFile(
      path,
      [
        '10,20,7,1,4,Terminated,50,0.01',
        '10,20,7',
        '10,20,x,1,4,Terminated,50,0.01',
        '10,20,7,1,4,Terminated,50,3',
      ].join('\n'),
    );
    const loaded = await loadBatchTasks(path);
    expect(!loaded.ok && loaded.issues.map(formatTraceIssue)).toEqual([
      `${path}:2: expected 8 fields, found 3`,
      `${path}:3: column job_id: "x" is not a valid number`,
      `${path}:4: column plan_mem: "3" is not a normalised memory in 0–1`,
    ]);
  });

  it('replays the real v2017 batch_task when ../shared/traces exists', async () => {
    const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
    const file = resolve(repoRoot, '../shared/traces/alibaba-cluster-trace-v2017-batch-task/batch_task.csv');
    if (!existsSync(resolve(repoRoot, '../shared/traces'))) {
      console.log('skipped: ../shared/traces not found');
      return;
    }
    const loaded = await loadBatchTasks(file);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    // SOURCE.md: 80,553 task rows, 12,951 jobs, 67,013 Terminated
    expect(loaded.value).toHaveLength(80_553);
    expect(new Set(loaded.value.map((t) => t.jobId)).size).toBe(12_951);
    const jobs = batchTasksToJobs(loaded.value);
    expect(jobs.length).toBeGreaterThan(60_000);
    expect(jobs.length).toBeLessThanOrEqual(67_013);
    // median Terminated duration 28 s (simulators-traces.md §3.1): at full width the median run time is near it
    const runS = jobs.map((j) => j.workMilliCoreMs / (j.executors * j.executor.cpuMilli) / 1000).sort((a, b) => a - b);
    const median = runS[Math.floor(runS.length / 2)]!;
    expect(median).toBeGreaterThan(20);
    expect(median).toBeLessThan(40);
    expect(jobs.every((j) => j.executors <= 100 && Number.isSafeInteger(j.workMilliCoreMs))).toBe(true);
  });
});
