import { type FSWatcher, lstatSync, readdirSync, watch } from 'node:fs';
import path from 'node:path';
import { TAG_VOCABULARY_FILE } from '../core/persona-fields.ts';
import { CONFIG_FILE } from './read-config.ts';

/** The folders a watch follows at any depth; the root itself only for these entries. */
const TREES = ['personas', 'contributions'] as const;
// Everything at the root that validation reads: the two trees, the schemas, the config and the tag vocabulary.
const ROOT_ENTRIES = new Set(['personas', 'contributions', 'schemas', CONFIG_FILE, TAG_VOCABULARY_FILE]);

export interface LibraryWatch {
  close(): void;
}

/**
 * Calls `onChange` with the root-relative paths that changed (sorted, each once) once the library has been
 * quiet for `quietMs`, or at the latest `maxWaitMs` after the first change: an editor's save is several events
 * (a temporary file written and renamed over the old one, a backup made and removed), and one check follows
 * them all.
 *
 * One watch per folder of `personas/` and `contributions/` (folders come and go with the events), one on
 * `schemas/`, and one on the root for its own entries. Not `fs.watch`'s `recursive`, which on Linux before
 * Node 22 watches every file, one inotify watch each: ten thousand personas would pass the system's limit.
 */
export function watchLibrary(
  root: string,
  options: { quietMs: number; maxWaitMs: number; onChange(paths: string[]): void },
): LibraryWatch {
  const pending = new Set<string>();
  let quiet: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  let closed = false;
  const flush = () => {
    clearTimeout(quiet);
    clearTimeout(deadline);
    quiet = undefined;
    deadline = undefined;
    if (closed || pending.size === 0) return;
    const paths = [...pending].sort();
    pending.clear();
    options.onChange(paths);
  };
  const record = (file: string) => {
    if (closed) return;
    pending.add(file);
    clearTimeout(quiet);
    quiet = setTimeout(flush, options.quietMs);
    deadline ??= setTimeout(flush, options.maxWaitMs);
  };

  const watchers = new Map<string, FSWatcher>();
  const stop = (dir: string) => {
    for (const [followed, watcher] of watchers)
      if (followed === dir || followed.startsWith(`${dir}/`)) {
        watcher.close();
        watchers.delete(followed);
      }
  };
  /** Follows `dir` (root-relative; `.` is the root), and below it every real, visible folder when `deep`. */
  const follow = (dir: string, deep: boolean, onEvent: (name: string) => void) => {
    stop(dir === '.' ? '\0' : dir);
    try {
      const watcher = watch(path.join(root, dir), { persistent: true }, (_event, name) =>
        // Without a name (an overflow, some platforms) something in the folder changed.
        onEvent(name === null ? '' : name.toString()),
      );
      // A folder removed under its watcher: its parent's event says so, and the next check sees it.
      watcher.on('error', () => stop(dir));
      watchers.set(dir, watcher);
    } catch {
      return;
    }
    if (!deep) return;
    for (const sub of subfolders(root, dir)) follow(sub, true, inTree(sub));
  };
  const inTree = (dir: string) => (name: string) => {
    const file = name === '' ? dir : `${dir}/${name}`;
    record(file);
    if (name === '') return;
    // A folder made or moved in is followed from now on; one removed or moved out is let go.
    if (isFollowable(root, file)) {
      if (!watchers.has(file)) follow(file, true, inTree(file));
    } else stop(file);
  };
  follow('.', false, (name) => {
    if (!ROOT_ENTRIES.has(name)) return;
    if (name === 'schemas') follow('schemas', false, inTree('schemas'));
    else if ((TREES as readonly string[]).includes(name)) follow(name, true, inTree(name));
    record(name);
  });
  follow('schemas', false, inTree('schemas'));
  for (const tree of TREES) follow(tree, true, inTree(tree));
  return {
    close() {
      closed = true;
      clearTimeout(quiet);
      clearTimeout(deadline);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** A folder the listing enters: real (not a link) and not hidden. */
function isFollowable(root: string, file: string): boolean {
  if (path.posix.basename(file).startsWith('.')) return false;
  return lstatSync(path.join(root, file), { throwIfNoEntry: false })?.isDirectory() === true;
}

function subfolders(root: string, dir: string): string[] {
  try {
    return readdirSync(path.join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => `${dir}/${entry.name}`);
  } catch {
    return [];
  }
}
