import { NEEDS_FIX_LABEL } from '../../core/contribute-form.ts';
import { problemText } from '../../core/form-problem.ts';
import type { IntakePlan } from '../../plan/intake/plan-intake.ts';

/** What the intake did for an issue, as the step reports it in its log and job summary. */
export type IntakeOutcome =
  | { kind: 'needs-fix'; issue: number; problems: number }
  | { kind: 'pull-closed'; issue: number; pull: number; merged: boolean }
  | {
      kind: 'pull';
      pull: number;
      action: 'opened' | 'updated' | 'unchanged';
      file: string;
      branch: 'created' | 'updated' | 'unchanged';
    };

export function intakeOutcomeLine(outcome: IntakeOutcome): string {
  switch (outcome.kind) {
    case 'needs-fix':
      return `issue #${outcome.issue} has ${outcome.problems} problem${outcome.problems === 1 ? '' : 's'}; commented and labelled ${NEEDS_FIX_LABEL}.`;
    case 'pull-closed':
      return `pull request #${outcome.pull} for issue #${outcome.issue} is ${outcome.merged ? 'merged' : 'closed'}; nothing changed.`;
    case 'pull':
      return `${outcome.action} pull request #${outcome.pull} with ${outcome.file} (branch ${outcome.branch}).`;
  }
}

/** `persona intake --dry-run`: the decision, as plain text for the terminal. */
export function renderIntakePlanText(plan: IntakePlan, issueNumber: number): string {
  if (plan.kind === 'invalid')
    return `Issue #${issueNumber} needs a fix:\n${plan.problems.map((p) => `- ${problemText(p)}\n`).join('')}`;
  return `Issue #${issueNumber} becomes ${plan.file} on branch ${plan.branch}:\n\n${plan.text}${plan.warnings
    .map((w) => `warning: ${problemText(w)}\n`)
    .join('')}`;
}

/** A GitHub API failure explained (explainGitHubError), plus the two settings the intake job depends on. */
export function withIntakeSettingsHint(explained: string): string {
  if (/not permitted to create or approve pull requests/i.test(explained))
    return `${explained} Turn on "Allow GitHub Actions to create and approve pull requests" in the repository's Settings → Actions → General.`;
  if (/not accessible by integration/i.test(explained))
    return `${explained.replace(/ The workflow token lacks.*$/, '')} The intake job needs \`contents: write\`, \`issues: write\` and \`pull-requests: write\` (see .github/workflows/intake.yml).`;
  return explained;
}
