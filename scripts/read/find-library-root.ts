import { lstatSync } from 'node:fs';
import path from 'node:path';

/** What marks a library root: these folders, both real (not links). */
export const ROOT_MARKERS = ['personas', 'schemas'] as const;

/**
 * The library root that holds `start`: `start` itself or the nearest folder above it that has a `personas/`
 * and a `schemas/` folder, as git finds the repository from any folder inside it. Both are asked for, so a
 * product folder that happens to be called `personas` is never mistaken for a root. A bare folder of personas
 * (no `schemas/`: the tools then use their own copy) is a root only when it is `start` itself, as before the
 * search. Null when there is none up to the file-system root.
 */
export function findLibraryRoot(start: string): string | null {
  const from = path.resolve(start);
  for (let dir = from; ; ) {
    if (ROOT_MARKERS.every((marker) => isRealFolder(path.join(dir, marker)))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return isRealFolder(path.join(from, 'personas')) ? from : null;
}

function isRealFolder(file: string): boolean {
  try {
    return lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}
