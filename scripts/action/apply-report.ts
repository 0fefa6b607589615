import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RootContent } from 'mdast';
import { compareWithBase } from '../check/base/compare-with-base.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import type { GitHubClient } from '../github/github-client.ts';
import { postSticky, pullForCommit } from '../github/pulls.ts';
import type { Repo } from '../github/resolve-pull-request.ts';
import { applyProblems } from '../pipeline/apply-library.ts';
import { validateLibrary } from '../pipeline/validate-library.ts';
import {
  APPLY_PROBLEMS_MARKER,
  parkedCommentBody,
  parkedMarker,
  problemsCommentBody,
} from '../render/bot/apply-comments.ts';
import { diagnosticTable } from '../render/bot/diagnostic-table.ts';
import {
  bulletList,
  code,
  heading,
  paragraph,
  root,
  stringifyMarkdown,
  text,
  untrusted,
} from '../render/bot/markdown.ts';
import { plural } from '../render/bot/report-sections.ts';
import type { ApplyRun } from './apply-and-push.ts';
import type { Git } from './git.ts';

export interface ReportContext {
  serverUrl: string;
  repository: string;
  runUrl: string | null;
}

/** The job summary: what was applied, renumbered and parked, and every problem left, as mdast. */
export function applySummary(run: ApplyRun, ctx: ReportContext): string {
  const { outcome } = run;
  const problems = applyProblems(outcome);
  const links = { ...ctx, headSha: run.pushed ?? run.base };
  const children: RootContent[] = [
    heading(2, [text(`Applied ${plural(outcome.merge.applied.length, 'contribution')}`)]),
    outcome.merge.applied.length > 0
      ? bulletList(
          outcome.merge.applied.map((a) => [
            code(a.file),
            text(`: ${a.action} `),
            untrusted(a.field, 80),
            text(', by '),
            untrusted(a.author, 80),
          ]),
        )
      : paragraph([text('Nothing to apply.')]),
    paragraph([
      text(
        run.pushed
          ? `Committed and pushed ${run.pushed.slice(0, 12)} on top of ${run.base.slice(0, 12)}${run.attempts > 1 ? ` (attempt ${run.attempts}: the branch moved meanwhile)` : ''}.`
          : 'Nothing changed, so nothing was committed.',
      ),
    ]),
  ];
  if (outcome.renumbered.length > 0)
    children.push(
      heading(2, [
        text(`${plural(outcome.renumbered.length, 'id')} given to personas that arrived with a taken id`),
      ]),
      bulletList(outcome.renumbered.map((r) => [code(r.file), text(`: ${r.from} → ${r.to}`)])),
    );
  if (outcome.merge.parked.length > 0)
    children.push(
      heading(2, [text(`${plural(outcome.merge.parked.length, 'stale correction')} parked`)]),
      bulletList(outcome.merge.parked.map((p) => [code(p.file), text(' → '), code(p.to)])),
    );
  if (problems.length > 0)
    children.push(
      heading(2, [text(`${plural(problems.length, 'problem')} left for a follow-up`)]),
      diagnosticTable(
        problems.map((p) => ({ ...p, introduced: false })),
        links,
        { cellLength: 1000 },
      ),
    );
  return stringifyMarkdown(root(children));
}

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
  ctx: ReportContext & { botLogin: string },
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

/**
 * Whether a parked correction's author may be @mentioned: the `author:` of a file is whatever its pull request
 * wrote, so only when the pull request is theirs, or was opened by the intake bot from their own issue (whose
 * author the intake made the contribution's author, and named the file after).
 */
export function mayMention(
  author: string,
  file: string,
  pullAuthor: string | null,
  botLogin: string,
): boolean {
  if (pullAuthor === null) return false;
  if (pullAuthor.toLowerCase() === author.toLowerCase()) return true;
  return pullAuthor === botLogin && /-issue-\d+(?:-\d+)?\.yaml$/.test(file);
}

/** At most this many merges are looked at one by one; beyond that, problems go to the newest merge. */
const MAX_MERGES_ATTRIBUTED = 10;

/**
 * Which merge introduced each problem: every first-parent commit since the apply workflow last pushed (the
 * merges it had not seen), each checked out on the side with hooks off and validated, in order. A problem is
 * the first merge's whose library has it.
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
    let earlier: readonly Diagnostic[] = [];
    if (lastApply) earlier = await diagnosticsAt(git, lastApply, path.join(dir, 'last-apply'));
    const out: Array<{ merge: string; introduced: Diagnostic[] }> = [];
    let left = [...problems];
    const considered = merges.slice(-MAX_MERGES_ATTRIBUTED);
    for (const [index, merge] of considered.entries()) {
      const last = index === considered.length - 1;
      const now = last ? problems : await diagnosticsAt(git, merge, path.join(dir, `m${index}`));
      const { entries } = compareWithBase(now, earlier);
      const fresh = new Set(entries.filter((e) => e.introduced).map((e) => key(e)));
      const introduced = left.filter((p) => fresh.has(key(p)) || last);
      left = left.filter((p) => !introduced.includes(p));
      out.push({ merge, introduced });
      earlier = now;
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const key = (d: Diagnostic) => `${d.file}\u0000${d.rule}\u0000${d.message}`;

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
