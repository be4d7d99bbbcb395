import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run from TypeScript source: the `@gleaner/source` export condition points each package at src/.
export default defineConfig({
  resolve: { conditions: ['@gleaner/source'] },
  ssr: { resolve: { conditions: ['@gleaner/source'] } },
  test: {
    setupFiles: [fileURLToPath(new URL('./vitest.setup.ts', import.meta.url))],
    projects: [
      { extends: true, test: { name: 'core', root: 'packages/core', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'sim', root: 'packages/sim', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'bench', root: 'packages/bench', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'docs', root: '.', include: ['docs/**/*.test.ts'] } },
    ],
    testTimeout: 60_000,
  },
});
