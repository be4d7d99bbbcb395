import { readFile, stat } from 'node:fs/promises';

/** A manifest file's text, or why it could not be had. */
export type ReadManifestFileResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly code: 'IO' | 'INVALID_INPUT'; readonly message: string };

/**
 * Reads a manifest file as UTF-8 (without a byte-order mark), refusing files over `maxSize` bytes before
 * reading them, so a stray 50 MB dump costs a `stat`, not the memory.
 */
export async function readManifestFile(path: string, maxSize: number): Promise<ReadManifestFileResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, code: 'IO', message: 'is a directory, not a manifest file' };
    if (info.size > maxSize) {
      return {
        ok: false,
        code: 'INVALID_INPUT',
        message: `the file is ${info.size} bytes; the limit is ${maxSize} (raise it with --max-size)`,
      };
    }
    const text = await readFile(path, 'utf8');
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : error instanceof Error
            ? error.message
            : String(error);
    return { ok: false, code: 'IO', message: `cannot read: ${reason}` };
  }
}
