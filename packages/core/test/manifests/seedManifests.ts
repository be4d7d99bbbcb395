// Test helper: the seed manifests live in ../shared next to the repository; they are read, never copied.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is packages/core/test/manifests/seedManifests.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The seed manifests folder, `../shared/fixtures/seed-manifests` relative to the repository. */
export const SEED_DIR = path.resolve(REPO_ROOT, '../shared/fixtures/seed-manifests');

/** Whether ../shared is present; when it is not, a test logs that it was skipped and returns (CI always has it). */
export function haveSeeds(): boolean {
  if (existsSync(SEED_DIR)) return true;
  console.log(`skipped: ../shared not found (looked for ${SEED_DIR})`);
  return false;
}

/** The text of one seed manifest file. */
export function readSeed(file: string): string {
  return readFileSync(path.join(SEED_DIR, file), 'utf8');
}

/** The seed manifest file names, sorted. */
export function seedFiles(): string[] {
  return readdirSync(SEED_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}
