import { describe, expect, it } from 'vitest';
import { executeRuns } from '../../src/sweep/executeRuns.js';
import { RunFailedError } from '../../src/sweep/RunFailedError.js';
import type { RunTask } from '../../src/sweep/RunTask.js';
import { fakeSummary } from './fixtures/fakeRunner.js';

const runnerModule = new URL('./fixtures/fakeRunner.ts', import.meta.url);

function tasks(n: number, extra: string[] = []): RunTask[] {
  return Array.from({ length: n }, (_, index) => ({
    index,
    scenarioFile: 'scenario.yaml',
    overrides: [`colocation.cpuReclaimThresholdPercent=${50 + 10 * (index % 3)}`, ...extra],
    seed: index === 0 ? 42 : `42#${index}`,
  }));
}

describe('executeRuns', () => {
  it('runs in this thread and reports progress', async () => {
    const progress: string[] = [];
    const out = await executeRuns(tasks(3), { runnerModule, onProgress: (d, t) => progress.push(`${d}/${t}`) });
    expect(out).toEqual(tasks(3).map(fakeSummary));
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
  });

  it('gives the same results, in task order, on worker threads', async () => {
    const list = tasks(7);
    const progress: number[] = [];
    const out = await executeRuns(list, { runnerModule, workers: 2, onProgress: (d) => progress.push(d) });
    expect(out).toEqual(list.map(fakeSummary));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('stops at the first failed run, naming it', async () => {
    const list = [...tasks(2), { index: 2, scenarioFile: 's.yaml', overrides: ['fail=1'], seed: 'x' }];
    const inProcess = await executeRuns(list, { runnerModule }).catch((e) => e);
    expect(inProcess).toBeInstanceOf(RunFailedError);
    expect(inProcess.code).toBe('E_RUN_INPUT');
    expect(inProcess.message).toBe('run 3 (fail=1, seed "x") failed: s.yaml: colocation: bad value');
    const threaded = await executeRuns(list, { runnerModule, workers: 2 }).catch((e) => e);
    expect(threaded).toBeInstanceOf(RunFailedError);
    expect(threaded.message).toBe(inProcess.message);
  });

  it('reports a throwing runner as an internal failure', async () => {
    const list = tasks(1, ['fail=internal']);
    const error = await executeRuns(list, { runnerModule }).catch((e) => e);
    expect(error.code).toBe('E_RUN_INTERNAL');
    expect(error.message).toContain('simulated crash');
    const threaded = await executeRuns([...list, ...tasks(2).map((t) => ({ ...t, index: t.index + 1 }))], {
      runnerModule,
      workers: 2,
    }).catch((e) => e);
    expect(threaded.code).toBe('E_RUN_INTERNAL');
  });

  it('does nothing for no tasks', async () => {
    expect(await executeRuns([], { runnerModule, workers: 4 })).toEqual([]);
  });
});
