import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type ApplyLibraryOutcome, applyLibrary } from '../pipeline/apply-library.ts';
import { applyCommitMessage } from '../render/bot/commit-message.ts';
import { arrivalsOf, changedPaths, type Git, GitError } from './git.ts';

export interface ApplySettings {
  root: string;
  branch: string;
  /** Attempts at fetch → apply → push before giving up (a push rejected because main moved is retried). */
  attempts: number;
  /** The first retry waits about this long, doubling each time, with jitter. */
  retryBaseMs: number;
  env: Record<string, string | undefined>;
}

export interface ApplyRun {
  outcome: ApplyLibraryOutcome;
  /** The commit the run started from (the latest head of the branch when it last fetched). */
  base: string;
  /** The commit pushed, or null when nothing needed committing. */
  pushed: string | null;
  attempts: number;
  message: string;
}

/** The apply workflow writes only here; anything else changed means something went wrong, so nothing is committed. */
export const APPLY_WRITES = ['personas/', 'contributions/', 'catalogue/'] as const;

/** Something changed outside APPLY_WRITES (say `dist/` or `.github/workflows/`): the run refuses to commit. */
export class ApplyRefusal extends Error {}

/**
 * fetch the latest head → reset to it → apply (ids, merge, catalogue) → commit → push, retried with jittered
 * back-off when the push is rejected because another run or merge moved the branch meanwhile. Each attempt
 * starts over from the new head, so nothing is lost and nothing is applied twice.
 */
export async function applyAndPush(
  git: Git,
  settings: ApplySettings,
  log: (line: string) => void,
): Promise<ApplyRun> {
  const ref = `refs/remotes/origin/${settings.branch}`;
  for (let attempt = 1; ; attempt++) {
    await git(['fetch', '--no-tags', 'origin', `+refs/heads/${settings.branch}:${ref}`], { auth: true });
    await git(['reset', '--quiet', '--hard', ref]);
    await git(['clean', '-ffdq', '--', ...APPLY_WRITES]);
    const base = (await git(['rev-parse', 'HEAD'])).trim();
    // The review date is the day of the commit being applied (UTC): reproducible, and it is the approval.
    const date = (
      await git(['log', '-1', '--format=%cd', '--date=format-local:%Y-%m-%d'], { env: { TZ: 'UTC' } })
    ).trim();
    const outcome = await applyLibrary(settings.root, {
      date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
      arrivalOf: (files) => arrivalsOf(git, files),
      env: settings.env,
    });
    const changed = await changedPaths(git);
    const outside = changed.filter((file) => !APPLY_WRITES.some((prefix) => file.startsWith(prefix)));
    if (outside.length > 0)
      throw new ApplyRefusal(
        `refusing to commit: the run changed ${outside.slice(0, 5).join(', ')}${outside.length > 5 ? ', …' : ''}, outside ${APPLY_WRITES.join(', ')}`,
      );
    const message = applyCommitMessage(outcome);
    if (changed.length === 0) return { outcome, base, pushed: null, attempts: attempt, message };
    await git(['add', '--all', '--', ...APPLY_WRITES]);
    const messageFile = await tempFile(message);
    try {
      await git([
        '-c',
        'user.name=github-actions[bot]',
        '-c',
        'user.email=41898282+github-actions[bot]@users.noreply.github.com',
        'commit',
        '--quiet',
        '--no-verify',
        '--file',
        messageFile.file,
      ]);
    } finally {
      await messageFile.remove();
    }
    const pushed = (await git(['rev-parse', 'HEAD'])).trim();
    try {
      await git(['push', '--quiet', 'origin', `HEAD:refs/heads/${settings.branch}`], { auth: true });
      return { outcome, base, pushed, attempts: attempt, message };
    } catch (error) {
      if (!(error instanceof GitError) || attempt >= settings.attempts) throw error;
      const wait = Math.round(settings.retryBaseMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
      log(
        `Push ${error.rejected ? 'rejected: the branch moved meanwhile' : `failed (${error.message})`}; fetching the new head and applying again in ${wait} ms (attempt ${attempt + 1} of ${settings.attempts}).`,
      );
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

async function tempFile(text: string): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'persona-commit-'));
  const file = path.join(dir, 'message.txt');
  await writeFile(file, text);
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}
