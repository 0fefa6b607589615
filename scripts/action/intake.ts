import { appendFile } from 'node:fs/promises';
import { compileSchema } from '../check/schema/compile-schema.ts';
import { NEEDS_FIX_LABEL } from '../core/contribute-form.ts';
import { problemText } from '../core/form-problem.ts';
import { writeContributionBranch } from '../github/contribution-branch.ts';
import {
  findBranchPull,
  type IssuePull,
  openBranchPull,
  updateBranchPull,
} from '../github/contribution-pull.ts';
import { explainGitHubError } from '../github/explain-github-error.ts';
import { createGitHubClient, type GitHubClient } from '../github/github-client.ts';
import { addIssueLabel, removeIssueLabel } from '../github/issue-labels.ts';
import type { Repo } from '../github/resolve-pull-request.ts';
import { upsertStickyComment } from '../github/sticky-comment.ts';
import { type IssueEvent, readIssueEvent } from '../parse/issue-event.ts';
import { validateLibrary } from '../pipeline/validate-library.ts';
import { type IntakePlan, intakeBranch, planIntake } from '../plan/intake/plan-intake.ts';
import { readContributionSchema } from '../read/read-contribution-schema.ts';
import { readPersonaSchema } from '../read/read-schemas.ts';
import {
  INTAKE_COMMENT_MARKER,
  renderClosedPullComment,
  renderDoneComment,
  renderProblemsComment,
  renderPullBody,
} from '../render/intake/intake-markdown.ts';
import { readActionsEnv, readEventPayload } from './actions-env.ts';

export interface IntakeIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** The library root: the default branch's checkout. */
  root: string;
}

/** Exit codes: 0 handled (a pull request, a comment with fixes, or nothing to do); 1 event refused; 2 failure. */
export const INTAKE_EXIT = { ok: 0, refused: 1, failed: 2 } as const;

/**
 * `persona intake --event <file>`: the intake workflow's step. Reads the `issues` event, turns the form into
 * a contribution checked against the default branch's library, and then either comments with what to fix
 * (and labels the issue `needs-fix`) or writes the branch, opens or updates the one pull request, and
 * comments with its link. `dryRun` stops after the decision and prints it, with no token and no API call.
 */
export async function runIntake(
  eventPath: string,
  io: IntakeIo,
  options: { dryRun: boolean },
): Promise<number> {
  const fail = (code: number, line: string) => {
    io.stderr(`persona intake: ${line}\n`);
    return code;
  };
  const payload = await readEventPayload(eventPath);
  if (!payload.ok) return fail(INTAKE_EXIT.failed, payload.problem);
  const read = readIssueEvent(payload.payload);
  if (read.ok === 'skip') {
    io.stdout(`persona intake: nothing to do: ${read.reason}.\n`);
    return INTAKE_EXIT.ok;
  }
  if (!read.ok) return fail(INTAKE_EXIT.refused, `refusing the event: ${read.problem}`);
  const event = read.event;

  const [library, personaSchema, contributionSchema] = await Promise.all([
    validateLibrary(io.root),
    readPersonaSchema(io.root),
    readContributionSchema(io.root),
  ]);
  const plan = planIntake(event.issue, {
    personas: library.personas,
    contributions: library.contributions,
    validatePersona: compileSchema(personaSchema),
    validateContribution: compileSchema(contributionSchema),
  });
  if (options.dryRun) return printPlan(plan, event, io);

  const envRead = readActionsEnv({
    ...io.env,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: io.env.GITHUB_EVENT_NAME || 'issues',
  });
  if (!envRead.ok) return fail(INTAKE_EXIT.failed, envRead.problem);
  const env = envRead.env;
  const client = createGitHubClient({
    token: env.token,
    baseUrl: env.apiUrl,
    retryBaseMs: env.retryBaseMs,
    log: (line) => io.stderr(`persona intake: ${line}\n`),
  });
  const repo = { owner: env.owner, repo: env.repo };
  const sticky = {
    ...repo,
    issueNumber: event.issue.number,
    botLogin: env.botLogin,
    marker: INTAKE_COMMENT_MARKER,
  };
  try {
    const done = await carryOut(client, repo, sticky, event, plan);
    io.stdout(`persona intake: ${done}\n`);
    if (env.stepSummary) await appendFile(env.stepSummary, `Persona intake: ${done}\n`);
    return INTAKE_EXIT.ok;
  } catch (error) {
    return fail(INTAKE_EXIT.failed, explainIntakeError(error));
  }
}

async function carryOut(
  client: GitHubClient,
  repo: Repo,
  sticky: Parameters<typeof upsertStickyComment>[1],
  event: IssueEvent,
  plan: IntakePlan,
): Promise<string> {
  const number = event.issue.number;
  const hasNeedsFix = event.labels.includes(NEEDS_FIX_LABEL);
  const pull = await findBranchPull(client, repo, intakeBranch(number));

  if (plan.kind === 'invalid') {
    const openPull = pull?.state === 'open' ? pull : null;
    await upsertStickyComment(client, sticky, renderProblemsComment(plan.problems, openPull), true);
    if (!hasNeedsFix) await addIssueLabel(client, repo, number, NEEDS_FIX_LABEL);
    return `issue #${number} has ${plan.problems.length} problem${plan.problems.length === 1 ? '' : 's'}; commented and labelled ${NEEDS_FIX_LABEL}.`;
  }

  if (pull && pull.state === 'closed') {
    await upsertStickyComment(client, sticky, renderClosedPullComment(pull), true);
    if (hasNeedsFix) await removeIssueLabel(client, repo, number, NEEDS_FIX_LABEL);
    return `pull request #${pull.number} for issue #${number} is ${pull.merged ? 'merged' : 'closed'}; nothing changed.`;
  }

  const written = await writeContributionBranch(client, repo, {
    defaultBranch: event.defaultBranch,
    branch: plan.branch,
    file: plan.file,
    text: plan.text,
    message: plan.commitMessage,
  });
  const wanted = { title: plan.pullTitle, body: renderPullBody(plan, number) };
  let result: IssuePull;
  let outcome: 'opened' | 'updated' | 'unchanged';
  if (pull) {
    const changed = await updateBranchPull(client, repo, pull, wanted);
    result = pull;
    outcome = changed || written.action !== 'unchanged' ? 'updated' : 'unchanged';
  } else {
    result = await openBranchPull(client, repo, {
      branch: plan.branch,
      base: event.defaultBranch,
      ...wanted,
    });
    outcome = 'opened';
  }
  await upsertStickyComment(client, sticky, renderDoneComment(plan, result), true);
  if (hasNeedsFix) await removeIssueLabel(client, repo, number, NEEDS_FIX_LABEL);
  return `${outcome} pull request #${result.number} with ${plan.file} (branch ${written.action}).`;
}

function printPlan(plan: IntakePlan, event: IssueEvent, io: IntakeIo): number {
  if (plan.kind === 'invalid') {
    io.stdout(`Issue #${event.issue.number} needs a fix:\n`);
    for (const problem of plan.problems) io.stdout(`- ${problemText(problem)}\n`);
    return INTAKE_EXIT.refused;
  }
  io.stdout(`Issue #${event.issue.number} becomes ${plan.file} on branch ${plan.branch}:\n\n${plan.text}`);
  for (const warning of plan.warnings) io.stdout(`warning: ${problemText(warning)}\n`);
  return INTAKE_EXIT.ok;
}

/** explainGitHubError, plus the two settings the intake job depends on. */
function explainIntakeError(error: unknown): string {
  const line = explainGitHubError(error);
  if (/not permitted to create or approve pull requests/i.test(line))
    return `${line} Turn on "Allow GitHub Actions to create and approve pull requests" in the repository's Settings → Actions → General.`;
  if (/not accessible by integration/i.test(line))
    return `${line.replace(/ The workflow token lacks.*$/, '')} The intake job needs \`contents: write\`, \`issues: write\` and \`pull-requests: write\` (see .github/workflows/intake.yml).`;
  return line;
}
