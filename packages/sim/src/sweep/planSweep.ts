import { gridPoints } from './grid.js';
import type { RunTask } from './RunTask.js';
import type { SweepDefinition } from './SweepFile.js';

/**
 * The full, ordered run list of a sweep: for each grid point (first axis slowest), one run per seed.
 * Run `index` is `point × seeds + replicate`; each run's overrides are the sweep's `--set`s followed by
 * the point's. Sharding slices this list (see `shardOf`).
 */
export function planSweep(definition: SweepDefinition): RunTask[] {
  const tasks: RunTask[] = [];
  for (const point of gridPoints(definition.grid)) {
    definition.seeds.forEach((seed) => {
      tasks.push({
        index: tasks.length,
        scenarioFile: definition.scenario.file,
        overrides: [...definition.sets, ...point.sets],
        seed,
      });
    });
  }
  return tasks;
}
