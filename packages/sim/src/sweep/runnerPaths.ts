// Where the worker and the default runner live. From TypeScript source (tests, `pnpm gleaner`) they are
// .ts files that workers load through tsx; from the compiled package they are .js files next to this one.
const fromSource = import.meta.url.endsWith('.ts');
const extension = fromSource ? '.ts' : '.js';

/** The default runner module: Gleaner's simulator (`simulateTask.ts`). */
export const DEFAULT_RUNNER_MODULE: URL = new URL(`./simulateTask${extension}`, import.meta.url);

/** The worker-thread entry point. */
export const WORKER_MODULE: URL = new URL(`./runWorker${extension}`, import.meta.url);

/** Node options a worker needs to resolve workspace packages to their TypeScript source (none when compiled). */
export const WORKER_EXEC_ARGV: readonly string[] = fromSource ? ['--conditions=@gleaner/source'] : [];

/**
 * How to start a worker: the compiled worker file directly, or — from source — a small bootstrap that
 * registers tsx in the worker thread first (Node 20 does not apply `--import` hooks to a worker's entry).
 */
export function workerEntry(): { readonly entry: URL | string; readonly eval: boolean } {
  if (!fromSource) return { entry: WORKER_MODULE, eval: false };
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_MODULE.href)}); });`;
  return { entry: code, eval: true };
}
