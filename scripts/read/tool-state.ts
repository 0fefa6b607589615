import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sha256 } from '../core/sha256.ts';

/**
 * Where the tools keep their own state (the merge journal, the caches) for one library root. Never in the
 * working tree: anything there can arrive in a commit, and a pull request must never be able to hand the
 * tools a journal to roll forward or a cache that hides errors.
 *
 * In order:
 * 1. `$PERSONA_STATE_DIR/<key>`, when set (tests, or a runner that wants it elsewhere);
 * 2. `<git dir>/persona/<key>`, when the root is inside a git working tree: git refuses to track any path
 *    with a `.git` component, so no commit can put a file there;
 * 3. `<os temp>/persona-library-<uid>/<key>` otherwise.
 *
 * `<key>` is a hash of the root's real path, so libraries never share state.
 */
export interface ToolState {
  /** Absolute folder; it may not exist yet. */
  dir: string;
  /** The existing folder `dir` is made in; only the parts of `dir` below it are the tools' own. */
  anchor: string;
  /** Which rule above chose it, for messages and docs. */
  source: 'env' | 'git' | 'temp';
}

export function toolStateFor(root: string, env: Record<string, string | undefined> = process.env): ToolState {
  const real = realOrResolved(root);
  const key = sha256(real).slice(0, 16);
  const fromEnv = env.PERSONA_STATE_DIR;
  if (fromEnv && path.isAbsolute(fromEnv))
    return { dir: path.join(fromEnv, key), anchor: path.resolve(fromEnv), source: 'env' };
  const gitDir = findGitDir(real);
  // Keyed within the git dir too: two libraries of one repository (or a --root inside it) never share state.
  if (gitDir) return { dir: path.join(gitDir, 'persona', key), anchor: gitDir, source: 'git' };
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return { dir: path.join(os.tmpdir(), `persona-library-${uid}`, key), anchor: os.tmpdir(), source: 'temp' };
}

/**
 * Why a file of the tools' state may not be used, or null when it may. It must be outside the library's
 * working tree (or inside its `.git`), and no part of its path below the anchor may be a symbolic link.
 */
export function stateFileProblem(root: string, state: ToolState, file: string): string | null {
  const real = realOrResolved(root);
  const resolved = path.resolve(state.dir, file);
  const inside = path.relative(real, resolved);
  const inWorkTree = inside === '' || !(inside.startsWith('..') || path.isAbsolute(inside));
  if (inWorkTree && !isInsideGitDir(inside)) {
    return `${resolved} is inside the library's working tree, where a commit could put it; the tools keep their state outside it (set PERSONA_STATE_DIR to a folder elsewhere)`;
  }
  const below = path.relative(state.anchor, resolved);
  if (below.startsWith('..') || path.isAbsolute(below)) return `${resolved} is outside ${state.anchor}`;
  let at = state.anchor;
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  for (const part of below.split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    const stats = lstatOrNull(at);
    if (!stats) return null;
    if (stats.isSymbolicLink())
      return `${at} is a symbolic link; the tools never follow a link to their own state`;
    if (at !== resolved && !stats.isDirectory()) return `${at} is not a folder`;
    // In a shared temporary folder, another user could make the folder first and plant state in it.
    if (state.source === 'temp' && uid !== null && (stats.uid !== uid || (stats.mode & 0o022) !== 0))
      return `${at} belongs to another user or others may write to it; the tools keep their state only in a folder of their own`;
  }
  return null;
}

function isInsideGitDir(relative: string): boolean {
  return relative.split(path.sep)[0] === '.git';
}

/**
 * The git directory of the working tree holding `start`, as git finds it: the nearest `.git` folder, or the
 * folder a `.git` file (a linked worktree) names. Null outside any working tree.
 */
function findGitDir(start: string): string | null {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, '.git');
    const stats = lstatOrNull(candidate);
    if (stats?.isDirectory()) return candidate;
    if (stats?.isFile()) {
      const line = /^gitdir: (.+)$/m.exec(readTextOrEmpty(candidate))?.[1]?.trim();
      if (line) return path.resolve(dir, line);
    }
    if (path.dirname(dir) === dir) return null;
  }
}

function realOrResolved(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function lstatOrNull(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

function readTextOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(0, 4096);
  } catch {
    return '';
  }
}

/**
 * Where a cache file of the tools lives by default: in the state folder, never in the working tree (a cache
 * committed there, say `node_modules/.cache/…`, would let a pull request hide a persona's errors). Null when
 * that folder cannot be used safely; the command then simply runs without a cache.
 */
export function defaultCacheFile(
  root: string,
  name: string,
  env: Record<string, string | undefined> = process.env,
): string | null {
  const state = toolStateFor(root, env);
  const file = path.join('cache', name);
  return stateFileProblem(root, state, file) === null ? path.join(state.dir, file) : null;
}
