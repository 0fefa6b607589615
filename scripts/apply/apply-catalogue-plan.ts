import { lstat, readdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { CataloguePlan } from '../plan/catalogue/plan-catalogue-writes.ts';
import { writeFileAtomically } from './write-file.ts';

/**
 * Writes the changed catalogue files (each atomically) and removes stale generated ones, then any folder that
 * became empty. Never follows a symbolic link out of the catalogue folder and never touches anything outside it.
 */
/** The catalogue folder holds a symbolic link where a generated file or folder goes. */
export class SymlinkInCatalogueError extends Error {}

export async function applyCataloguePlan(dir: string, plan: CataloguePlan): Promise<void> {
  for (const file of plan.write) {
    await refuseSymlinks(dir, file.path);
    await writeFileAtomically(path.join(dir, file.path), file.text);
  }
  const emptied = new Set<string>();
  for (const file of plan.remove) {
    await refuseSymlinks(dir, file);
    const stats = await lstat(path.join(dir, file)).catch(() => null);
    if (!stats?.isFile()) continue;
    await unlink(path.join(dir, file));
    for (let parent = path.posix.dirname(file); parent !== '.'; parent = path.posix.dirname(parent))
      emptied.add(parent);
  }
  // Deepest first, so a product folder goes after its subfolders.
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) {
    const full = path.join(dir, folder);
    if ((await readdir(full).catch(() => ['?'])).length === 0) await rmdir(full);
  }
}

async function refuseSymlinks(dir: string, relative: string): Promise<void> {
  let current = dir;
  for (const segment of relative.split('/')) {
    current = path.join(current, segment);
    const stats = await lstat(current).catch(() => null);
    if (stats?.isSymbolicLink())
      throw new SymlinkInCatalogueError(
        `${path.relative(dir, current)} in the catalogue folder is a symbolic link; refusing to write through it. Remove it and run again.`,
      );
  }
}
