import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputError } from './OutputError.js';

let sequence = 0;

/**
 * Writes a file by writing a temporary name in the same directory and renaming it into place, so readers
 * (and an interrupted run) see either the old file or the whole new one. Creates the parent directory.
 *
 * @throws {@link OutputError} when the file cannot be written; the temporary file is removed.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const target = resolve(file);
  const parent = dirname(target);
  const temp = join(parent, `.${basename(target)}.tmp-${process.pid}-${++sequence}`);
  try {
    await mkdir(parent, { recursive: true });
    await writeFile(temp, content);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new OutputError(file, `cannot write (${reason(error)})`, { cause: error });
  }
}

/**
 * Creates the directory `dir` with exactly the given files, atomically: the files are written into a
 * temporary sibling directory, which is renamed to `dir` at the end. A failure at any point removes the
 * temporary directory and leaves `dir` as it was.
 *
 * An existing `dir` is replaced only when it is empty or `isReplaceable(dir)` says it holds an earlier
 * output of the same kind (for a result directory: it has a `result.json`); anything else is refused, so
 * `--out ~` cannot wipe a home directory.
 *
 * @throws {@link OutputError} naming `dir` when the target is not replaceable or a write fails.
 */
export async function writeDirectoryAtomic(
  dir: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  isReplaceable: (dir: string) => Promise<boolean>,
): Promise<void> {
  const target = resolve(dir);
  const parent = dirname(target);
  const existing = await kind(target);
  if (existing === 'other') throw new OutputError(dir, 'exists and is not a directory');
  if (existing === 'directory' && !(await isEmptyDir(target)) && !(await isReplaceable(target))) {
    throw new OutputError(dir, 'exists and is not a Gleaner output directory; refusing to replace it');
  }
  let temp: string;
  try {
    await mkdir(parent, { recursive: true });
    temp = await makeTempDir(parent, `.${basename(target)}.tmp-${process.pid}`);
  } catch (error) {
    throw new OutputError(dir, `cannot create the output directory (${reason(error)})`, { cause: error });
  }
  try {
    for (const [name, content] of files) await writeFileAtomic(join(temp, name), content);
    await swapInto(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (error instanceof OutputError) throw error;
    throw new OutputError(dir, `cannot write (${reason(error)})`, { cause: error });
  }
}

async function swapInto(temp: string, target: string): Promise<void> {
  try {
    await rename(temp, target); // succeeds when target is absent or an empty directory
    return;
  } catch (error) {
    if (!isCode(error, 'ENOTEMPTY', 'EEXIST')) throw error;
  }
  const old = await mkdtemp(join(dirname(target), `.${basename(target)}.old-`));
  await rename(target, join(old, 'previous'));
  try {
    await rename(temp, target);
  } catch (error) {
    await rename(join(old, 'previous'), target); // put the old output back
    await rm(old, { recursive: true, force: true });
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}

// mkdir (not mkdtemp, which makes 0700 directories) so the final directory gets the usual umask mode.
async function makeTempDir(parent: string, prefix: string): Promise<string> {
  for (;;) {
    const path = join(parent, `${prefix}-${++sequence}`);
    try {
      await mkdir(path);
      return path;
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    }
  }
}

async function kind(path: string): Promise<'absent' | 'directory' | 'other'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'other';
  } catch (error) {
    if (isCode(error, 'ENOENT')) return 'absent';
    throw new OutputError(path, `cannot inspect (${reason(error)})`, { cause: error });
  }
}

async function isEmptyDir(path: string): Promise<boolean> {
  return (await readdir(path)).length === 0;
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes((error as { code?: string }).code ?? '');
}

function reason(error: unknown): string {
  if (isCode(error, 'EACCES', 'EPERM')) return 'permission denied';
  if (isCode(error, 'ENOSPC')) return 'no space left on device';
  if (isCode(error, 'ENOTDIR')) return 'a parent is not a directory';
  if (isCode(error, 'EROFS')) return 'read-only file system';
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
