import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { compareCodePoints } from '../core/diagnostic.ts';

/** At most this many entries are walked under each prefix: a tree can be large, never endless. */
const MAX_ENTRIES = 200_000;

export interface TreeChange {
  /** Relative to the root, with `/`. */
  file: string;
  status: 'added' | 'removed' | 'changed';
}

/**
 * Files that differ between two checkouts under the given prefixes (folders ending in `/`, or single files):
 * added, removed, or with other bytes, in code-point order. Links are compared as links, never followed.
 */
export function changedBetween(
  headRoot: string,
  baseRoot: string,
  prefixes: readonly string[],
): TreeChange[] {
  const changed = new Map<string, TreeChange['status']>();
  for (const prefix of prefixes) {
    const head = entriesUnder(headRoot, prefix);
    const base = entriesUnder(baseRoot, prefix);
    for (const [file, content] of head) {
      const before = base.get(file);
      if (!before) changed.set(file, 'added');
      else if (!before.equals(content)) changed.set(file, 'changed');
    }
    for (const file of base.keys()) if (!head.has(file)) changed.set(file, 'removed');
  }
  return [...changed].sort(([a], [b]) => compareCodePoints(a, b)).map(([file, status]) => ({ file, status }));
}

function entriesUnder(root: string, prefix: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const top = prefix.replace(/\/$/, '');
  const pending = [top];
  let seen = 0;
  while (pending.length > 0 && seen < MAX_ENTRIES) {
    const relative = pending.pop() as string;
    const full = path.join(root, relative);
    const stats = lstatOrNull(full);
    seen++;
    if (!stats) continue;
    if (stats.isSymbolicLink()) out.set(relative, Buffer.from(`link:${readlinkSync(full)}`));
    else if (stats.isDirectory()) for (const name of readdirSync(full)) pending.push(`${relative}/${name}`);
    else if (stats.isFile()) out.set(relative, readFileSync(full));
  }
  return out;
}

function lstatOrNull(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}
