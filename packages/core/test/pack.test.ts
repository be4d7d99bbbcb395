// The published shape of @gleaner/core: pack it as npm would, install the tarball into an empty project,
// type-check a consumer with NodeNext resolution and run it with plain node.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = path.resolve(CORE_DIR, '../..');
const TSC = path.join(REPO_ROOT, 'node_modules/.bin/tsc');

const CONSUMER_TS = `import { loadManifests, sparkPods, type Manifest, type SparkPodsResult } from '@gleaner/core';

const text = \`apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata: {name: pi}
spec:
  sparkVersion: "3.5.4"
  executor: {instances: 2}
\`;
const result = loadManifests(text);
const first: Manifest | undefined = result.manifests[0];
const pods: SparkPodsResult | undefined = first?.kind === 'SparkApplication' ? sparkPods(first.application, []) : undefined;
export const executorMemory: number | undefined = pods?.ok ? pods.pods.executor.pod.requests.memory : undefined;
`;

const CONSUMER_MJS = `import { loadManifests, sparkPods } from '@gleaner/core';
const r = loadManifests('apiVersion: sparkoperator.k8s.io/v1beta2\\nkind: SparkApplication\\nmetadata: {name: pi}\\nspec:\\n  sparkVersion: "3.5.4"\\n');
const pods = sparkPods(r.manifests[0].application, []);
console.log(JSON.stringify({ ok: r.ok, driverMemory: pods.pods.driver.pod.requests.memory }));
`;

function run(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}${e.message}`);
  }
}

describe('@gleaner/core as a packed tarball', () => {
  it('installs into an empty project, type-checks under NodeNext and runs under node', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gleaner-pack-'));
    try {
      run('pnpm', ['pack', '--pack-destination', dir], CORE_DIR);
      const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
      expect(tarball).toBeDefined();
      writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
      );
      run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', `./${tarball}`], dir);

      writeFileSync(path.join(dir, 'consumer.ts'), CONSUMER_TS);
      writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            target: 'es2022',
            lib: ['es2022'],
            types: [],
            noEmit: true,
          },
          files: ['consumer.ts'],
        }),
      );
      // No @types/node here: the package's declarations must not need Node's types.
      run(TSC, ['-p', dir], dir);

      writeFileSync(path.join(dir, 'consumer.mjs'), CONSUMER_MJS);
      const out = JSON.parse(run(process.execPath, ['consumer.mjs'], dir)) as unknown;
      // Default driver: 1g heap + 384 MiB overhead.
      expect(out).toEqual({ ok: true, driverMemory: 1408 * 2 ** 20 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
