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
 * request that brought it, and the problems this merge introduced on the pull request that was merged. A
 * failure here is logged and never undoes the push.
 */
export async function notify(
  client: GitHubClient,
  repo: Repo,
  git: Git,
  run: ApplyRun,
  trigger: { sha: string | null; before: string | null },
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
      });
      await postSticky(client, repo, pull, parkedMarker(parked.file), body, ctx.botLogin);
      log(`Told the author of ${parked.file} on #${pull}.`);
    } catch (error) {
      log(`Could not notify the author of ${parked.file}: ${firstLine(error)}`);
    }
  }
  const problems = applyProblems(run.outcome);
  if (problems.length === 0 || trigger.sha === null) return;
  try {
    const introduced = await introducedSince(git, trigger.before, problems);
    if (introduced.length === 0) return;
    const pull = await pullForCommit(client, repo, trigger.sha);
    if (pull === null) return;
    const body = problemsCommentBody(introduced, { ...ctx, headSha: run.pushed ?? run.base });
    await postSticky(client, repo, pull, APPLY_PROBLEMS_MARKER, body, ctx.botLogin);
    log(`Reported ${plural(introduced.length, 'problem')} on #${pull}.`);
  } catch (error) {
    log(`Could not report the problems on the merged pull request: ${firstLine(error)}`);
  }
}

/**
 * The problems that were not there before the push that started this run: the library at `before` is checked
 * out on the side (no hooks) and validated the same way. All of them when there is no `before`.
 */
async function introducedSince(
  git: Git,
  before: string | null,
  problems: readonly Diagnostic[],
): Promise<Diagnostic[]> {
  if (before === null || !/^[0-9a-f]{40}$/.test(before) || /^0+$/.test(before)) return [...problems];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'persona-before-'));
  const tree = path.join(dir, 'tree');
  try {
    await git(['worktree', 'add', '--quiet', '--detach', tree, before]);
    const earlier = await validateLibrary(tree).catch(() => null);
    if (earlier === null) return [...problems];
    const { entries } = compareWithBase(problems, earlier.diagnostics);
    return problems.filter((_, i) => entries[i]?.introduced);
  } finally {
    await git(['worktree', 'remove', '--force', tree]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 300) ?? '';
}
