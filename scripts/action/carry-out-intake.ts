import { NEEDS_FIX_LABEL } from '../core/contribute-form.ts';
import { writeContributionBranch } from '../github/contribution-branch.ts';
import {
  findBranchPull,
  type IssuePull,
  openBranchPull,
  updateBranchPull,
} from '../github/contribution-pull.ts';
import type { GitHubClient } from '../github/github-client.ts';
import { addIssueLabel, removeIssueLabel } from '../github/issue-labels.ts';
import type { Repo } from '../github/resolve-pull-request.ts';
import { type StickyTarget, upsertStickyComment } from '../github/sticky-comment.ts';
import type { IssueEvent } from '../parse/issue-event.ts';
import { type IntakePlan, intakeBranch } from '../plan/intake/plan-intake.ts';
import {
  renderClosedPullComment,
  renderDoneComment,
  renderProblemsComment,
  renderPullBody,
} from '../render/intake/intake-markdown.ts';
import type { IntakeOutcome } from '../render/intake/intake-text.ts';

/**
 * The intake's plan, carried out through the API: a comment with what to fix (and the `needs-fix` label), or
 * the branch written and its one pull request opened or updated, then the comment with its link. A pull
 * request a maintainer closed is never reopened.
 */
export async function carryOutIntake(
  client: GitHubClient,
  repo: Repo,
  sticky: StickyTarget,
  event: IssueEvent,
  plan: IntakePlan,
): Promise<IntakeOutcome> {
  const issue = event.issue.number;
  const hasNeedsFix = event.labels.includes(NEEDS_FIX_LABEL);
  const pull = await findBranchPull(client, repo, intakeBranch(issue));

  if (plan.kind === 'invalid') {
    const openPull = pull?.state === 'open' ? pull : null;
    await upsertStickyComment(client, sticky, renderProblemsComment(plan.problems, openPull), true);
    if (!hasNeedsFix) await addIssueLabel(client, repo, issue, NEEDS_FIX_LABEL);
    return { kind: 'needs-fix', issue, problems: plan.problems.length };
  }

  if (pull && pull.state === 'closed') {
    await upsertStickyComment(client, sticky, renderClosedPullComment(pull), true);
    if (hasNeedsFix) await removeIssueLabel(client, repo, issue, NEEDS_FIX_LABEL);
    return { kind: 'pull-closed', issue, pull: pull.number, merged: pull.merged };
  }

  const written = await writeContributionBranch(client, repo, {
    defaultBranch: event.defaultBranch,
    branch: plan.branch,
    file: plan.file,
    text: plan.text,
    message: plan.commitMessage,
  });
  const wanted = { title: plan.pullTitle, body: renderPullBody(plan, issue) };
  let result: IssuePull;
  let action: 'opened' | 'updated' | 'unchanged';
  if (pull) {
    const changed = await updateBranchPull(client, repo, pull, wanted);
    result = pull;
    action = changed || written.action !== 'unchanged' ? 'updated' : 'unchanged';
  } else {
    result = await openBranchPull(client, repo, {
      branch: plan.branch,
      base: event.defaultBranch,
      ...wanted,
    });
    action = 'opened';
  }
  await upsertStickyComment(client, sticky, renderDoneComment(plan, result), true);
  if (hasNeedsFix) await removeIssueLabel(client, repo, issue, NEEDS_FIX_LABEL);
  return { kind: 'pull', pull: result.number, action, file: plan.file, branch: written.action };
}
