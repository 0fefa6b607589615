import { execFileSync } from 'node:child_process';
import { TAG_VOCABULARY_FILE } from '../core/persona-fields.ts';

/**
 * The committer date (`YYYY-MM-DD`, UTC) of the last commit that changed the library's data (`personas/`,
 * `contributions/` or `tags.yaml`) in the git repository holding `root`: what the catalogue measures freshness
 * against, so the same commit gives the same catalogue on any day. Contributions count, so the apply workflow's
 * own commit (which merges them) falls on the day of the pull request it applies. Null when `root` is not in a
 * git repository, has no such commit, or git is missing.
 */
export function lastDataCommitDate(root: string): string | null {
  try {
    const out = execFileSync(
      'git',
      [
        '-c',
        'core.hooksPath=/dev/null',
        'log',
        '-1',
        '--format=%cd',
        '--date=format-local:%Y-%m-%d',
        '--',
        'personas',
        'contributions',
        TAG_VOCABULARY_FILE,
      ],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { ...process.env, TZ: 'UTC' },
        timeout: 10_000,
      },
    ).trim();
    return /^\d{4}-\d{2}-\d{2}$/.test(out) ? out : null;
  } catch {
    return null;
  }
}
