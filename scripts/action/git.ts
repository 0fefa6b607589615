import { execFile } from 'node:child_process';
import { arrivalPositions } from '../parse/git-arrivals.ts';

/** A git command that failed: its first line of stderr, and whether a push was rejected as behind. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly rejected: boolean,
  ) {
    super(message);
  }
}

export type Git = (
  args: readonly string[],
  options?: { auth?: boolean; env?: Record<string, string> },
) => Promise<string>;

/**
 * git in `cwd`, as the apply workflow runs it: no hooks (a pull request can never have one run with the job's
 * token: `core.hooksPath=/dev/null`), no prompts, no pager, a time limit, and the token only on the commands
 * that talk to the remote, as a header on the command line (never written to `.git/config`).
 */
export function gitIn(cwd: string, token: string | null, timeoutMs = 120_000): Git {
  const header = token
    ? `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`
    : null;
  return (args, options = {}) =>
    new Promise((resolve, reject) => {
      const config = ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', '-c', 'core.pager=cat'];
      if (options.auth && header) config.push('-c', `http.extraheader=${header}`);
      execFile(
        'git',
        [...config, ...args],
        {
          cwd,
          timeout: timeoutMs,
          maxBuffer: 64 * 1024 * 1024,
          // Literal pathspecs: a file name with `*`, `?` or `[` names that file, never a pattern.
          env: {
            ...process.env,
            GIT_TERMINAL_PROMPT: '0',
            GIT_ASKPASS: 'true',
            GIT_LITERAL_PATHSPECS: '1',
            ...options.env,
          },
        },
        (error, stdout, stderr) => {
          if (!error) return resolve(String(stdout));
          const text = String(stderr);
          const rejected = /\[rejected\]|non-fast-forward|fetch first|failed to push some refs/.test(text);
          const first = text.split('\n').find((line) => line.trim() !== '') ?? error.message.split('\n')[0];
          reject(new GitError(`git ${args[0]} failed: ${(first ?? '').slice(0, 300)}`, rejected));
        },
      );
    });
}

/** Paths (relative, with `/`) that `git status` reports as changed, added, deleted or untracked. */
export async function changedPaths(git: Git): Promise<string[]> {
  const out = await git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames']);
  return out
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3));
}

/**
 * When each file arrived on the branch (arrivalPositions): one walk of the first-parent history of
 * `personas/`; a file never seen is null.
 */
export async function arrivalsOf(git: Git, files: readonly string[]): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>(files.map((file) => [file, null]));
  if (files.length === 0) return out;
  const log = await git([
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--reverse',
    '--find-renames',
    '--diff-filter=AR',
    '--name-status',
    '-z',
    '--format=%x01',
    '--',
    'personas',
  ]);
  const arrival = arrivalPositions(log);
  for (const file of files) out.set(file, arrival.get(file) ?? null);
  return out;
}
