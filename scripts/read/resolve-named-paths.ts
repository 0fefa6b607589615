import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { PathSelection } from '../core/path-selection.ts';
import { UsageProblem } from '../core/usage-problem.ts';
import { CONFIG_FILE } from './read-config.ts';

/** A named path that cannot be reported on: it is outside the library, or not there. */
export class NamedPathError extends UsageProblem {}

/** Where a library keeps what `persona validate` checks (besides its config file). */
const CHECKED_FOLDERS = ['personas', 'contributions'] as const;

/**
 * The files and folders named on the command line (relative to the current folder, as a shell completes
 * them) as root-relative paths; null when none is named (the whole library). Each must exist (a link counts:
 * its diagnostic is reported at its own path) and lie in `personas/`, `contributions/`, be the config file or
 * the root itself.
 */
export function resolveNamedPaths(root: string, cwd: string, named: readonly string[]): PathSelection {
  if (named.length === 0) return null;
  return named.map((name) => {
    const absolute = path.resolve(cwd, name);
    const relative = path.relative(root, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative))
      throw new NamedPathError(`${name} is outside the library root ${root}.`);
    if (lstatSync(absolute, { throwIfNoEntry: false }) === undefined)
      throw new NamedPathError(`${name}: no such file or folder.`);
    const posix = relative.split(path.sep).join('/');
    const top = posix.split('/')[0] ?? '';
    if (posix !== '' && posix !== CONFIG_FILE && !(CHECKED_FOLDERS as readonly string[]).includes(top))
      throw new NamedPathError(
        `${name} is not a persona or a contribution: they live under personas/ and contributions/.`,
      );
    return posix;
  });
}
