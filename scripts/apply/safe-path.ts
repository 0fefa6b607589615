import { lstatSync } from 'node:fs';
import path from 'node:path';
import { reportedPath } from '../core/reported-path.ts';

/**
 * A write the tools refuse: the target (or a folder on the way to it) is a symbolic link, is not what it
 * should be, or lies outside the library root. Commands turn it into exit 2 before anything is written.
 */
export class UnsafePathError extends Error {}

/**
 * The absolute path of `relative` (with `/`) under `root`, checked for writing: it stays inside the root, and
 * no part of it that exists is a symbolic link, so a committed link can never redirect a write (to `dist/`,
 * `.git/hooks/` or outside the repository). Folders on the way must be folders; the target, when it exists,
 * a regular file. The root itself is the caller's choice and is not checked.
 */
export function writablePath(root: string, relative: string, kind: 'file' | 'folder' = 'file'): string {
  const parts = relative.split('/');
  if (
    relative === '' ||
    path.isAbsolute(relative) ||
    parts.some((part) => part === '' || part === '.' || part === '..' || /[\\\u0000-\u001f\u007f]/.test(part))
  ) {
    throw new UnsafePathError(
      `refusing to write "${reportedPath(relative)}": it is not a plain path inside the library.`,
    );
  }
  let at = root;
  for (const [index, part] of parts.entries()) {
    at = path.join(at, part);
    const stats = lstatOrNull(at);
    if (!stats) return path.join(root, ...parts);
    const shown = parts.slice(0, index + 1).join('/');
    if (stats.isSymbolicLink())
      throw new UnsafePathError(
        `refusing to write ${reportedPath(relative)}: ${reportedPath(shown)} is a symbolic link, and the tools never write through one. Replace the link with a real ${index === parts.length - 1 ? 'file' : 'folder'}.`,
      );
    const last = index === parts.length - 1;
    if (!last && !stats.isDirectory())
      throw new UnsafePathError(
        `refusing to write ${reportedPath(relative)}: ${reportedPath(shown)} is not a folder.`,
      );
    if (last && kind === 'file' && !stats.isFile())
      throw new UnsafePathError(
        `refusing to write ${reportedPath(relative)}: it exists and is not a regular file.`,
      );
    if (last && kind === 'folder' && !stats.isDirectory())
      throw new UnsafePathError(`refusing to write in ${reportedPath(relative)}: it is not a folder.`);
  }
  return path.join(root, ...parts);
}

/** Checks every target before the first write, so a refused command leaves everything as it was. */
export function assertWritable(root: string, relatives: Iterable<string>): void {
  for (const relative of relatives) writablePath(root, relative);
}

function lstatOrNull(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}
