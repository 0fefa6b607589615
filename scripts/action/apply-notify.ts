import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { attributeToMerges } from '../check/base/attribute-to-merges.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import type { GitHubClient } from '../github/github-client.ts';
import { postSticky, pullForCommit } from '../github/pulls.ts';
import type { Repo } from '../github/resolve-pull-request.ts';
import { applyProblems } from '../pipeline/apply-library.ts';
import { validateLibrary } from '../pipeline/validate-library.ts';
import {
  APPLY_PROBLEMS_MARKER,
  mayMention,
  parkedCommentBody,
  parkedMarker,
  problemsCommentBody,
} from '../render/bot/apply-comments.ts';
import type { ApplyReportContext } from '../render/bot/apply-summary.ts';
import { plural } from '../render/bot/report-sections.ts';
import type { ApplyRun } from './apply-and-push.ts';
import type { Git } from './git.ts';

/**
 * Tells people what needs them, on the pull requests concerned: each parked correction's author on the pull
 * request that brought it, and the problems each merge introduced on the pull request that was merged. A
 * failure here is logged and never undoes the push.
 */
export async function notify(
  client: GitHubClient,
  repo: Repo,
  git: Git,
  run: ApplyRun,
  ctx: ApplyReportContext & { botLogin: string },
  log: (line: string) => void,
): Promise<void> {
  for (const parked of run.outcome.merge.parked) {
    try {
      // The first-parent commit that added the file: the merge of its pull request.
      const added = (
        await git([
          'log',
          '--first-parent',
          '--diff-merges=first-parent',
          '--no-patch',
          '--diff-filter=A',
          '--format=%H',
          '-1',
          run.base,
          '--',
          parked.file,
        ])
      ).trim();
      const pull = added ? await pullForCommit(client, repo, added) : null;
      if (pull === null) {
        log(`No pull request found for ${parked.file}; its author is not notified.`);
        continue;
      }
      const body = parkedCommentBody({
        file: parked.file,
        to: parked.to,
        persona: parked.contribution.persona,
        contribution: parked.contribution,
        current: parked.current,
        mention: mayMention(parked.contribution.author, parked.file, pull.author, ctx.botLogin),
      });
      await postSticky(client, repo, pull.number, parkedMarker(parked.file), body, ctx.botLogin);
      log(`Told the author of ${parked.file} on #${pull.number}.`);
    } catch (error) {
      log(`Could not notify the author of ${parked.file}: ${firstLine(error)}`);
    }
  }
  const problems = applyProblems(run.outcome);
  if (problems.length === 0) return;
  try {
    for (const { merge, introduced } of await problemsByMerge(git, run, problems)) {
      const pull = await pullForCommit(client, repo, merge);
      if (pull === null || introduced.length === 0) continue;
      const body = problemsCommentBody(introduced, { ...ctx, headSha: run.pushed ?? run.base });
      await postSticky(client, repo, pull.number, APPLY_PROBLEMS_MARKER, body, ctx.botLogin);
      log(`Reported ${plural(introduced.length, 'problem')} on #${pull.number}.`);
    }
  } catch (error) {
    log(`Could not report the problems on the merged pull requests: ${firstLine(error)}`);
  }
}

/** At most this many merges are looked at one by one; beyond that, problems go to the newest merge. */
const MAX_MERGES_ATTRIBUTED = 10;

/**
 * Which merge introduced each problem (attributeToMerges): every first-parent commit since the apply workflow
 * last pushed (the merges it had not seen), each checked out on the side with hooks off and validated.
 */
async function problemsByMerge(
  git: Git,
  run: ApplyRun,
  problems: readonly Diagnostic[],
): Promise<Array<{ merge: string; introduced: Diagnostic[] }>> {
  const lastApply = (
    await git(['log', '--first-parent', '--author=github-actions\\[bot\\]', '--format=%H', '-1', run.base])
  ).trim();
  const range = lastApply ? `${lastApply}..${run.base}` : run.base;
  const merges = (await git(['rev-list', '--first-parent', '--reverse', range])).split('\n').filter(Boolean);
  if (merges.length === 0) return [];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'persona-merges-'));
  try {
    const before = lastApply ? await diagnosticsAt(git, lastApply, path.join(dir, 'last-apply')) : [];
    const considered = merges.slice(-MAX_MERGES_ATTRIBUTED);
    const after: Array<{ merge: string; diagnostics: readonly Diagnostic[] }> = [];
    for (const [index, merge] of considered.entries()) {
      // The newest merge is the head the problems were found on: no need to check it out again.
      const last = index === considered.length - 1;
      const diagnostics = last ? problems : await diagnosticsAt(git, merge, path.join(dir, `m${index}`));
      after.push({ merge, diagnostics });
    }
    return attributeToMerges(problems, before, after);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The errors of the library at a commit, checked out on the side (no hooks) and validated. */
async function diagnosticsAt(git: Git, commit: string, dir: string): Promise<Diagnostic[]> {
  await git(['worktree', 'add', '--quiet', '--detach', dir, commit]);
  try {
    const library = await validateLibrary(dir, { personaData: false }).catch(() => null);
    return (library?.diagnostics ?? []).filter((d) => d.severity === 'error');
  } finally {
    await git(['worktree', 'remove', '--force', dir]).catch(() => undefined);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 300) ?? '';
}
