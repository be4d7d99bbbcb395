// The Markdown files whose snippet blocks docs/snippets.test.ts checks and `pnpm docs:snippets` rewrites.
export const GUIDES: readonly string[] = [
  'README.md',
  'docs/concepts.md',
  'docs/library.md',
  'docs/property-testing.md',
  'docs/calibrate.md',
];
