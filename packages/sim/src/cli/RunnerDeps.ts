/** What `compare` and `sweep` run their simulations with; tests and embedders swap the simulator out. */
export interface RunnerDeps {
  /** Module exporting `runTask` (see `RunnerModule`); default: Gleaner's simulator. */
  readonly runnerModule?: URL;
}
